#include "yamlnesting.h"

#include <QList>

namespace k8sfc {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isFlowIndicator(char c)
{
    return c == '[' || c == ']' || c == '{' || c == '}' || c == ',';
}

/// Walks the text line by line, keeping what spans lines: open flow brackets, the columns of the
/// open block collections, an unfinished quoted scalar, a block scalar being skipped.
class NestingScanner
{
public:
    NestingScanner(const QByteArray &text, int limit) : m_text(text), m_limit(limit) {}

    std::optional<YamlNestingPoint> run()
    {
        qsizetype start = m_text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
        while (start <= m_text.size() && !m_found) {
            qsizetype end = m_text.indexOf('\n', start);
            if (end < 0)
                end = m_text.size();
            ++m_line;
            m_lineStart = start;
            m_lineEnd = end > start && m_text.at(end - 1) == '\r' ? end - 1 : end;
            scanLine();
            start = end + 1;
        }
        return m_found;
    }

private:
    char at(qsizetype i) const { return i < m_lineEnd ? m_text.at(i) : '\n'; }
    bool endsToken(qsizetype i) const { return i >= m_lineEnd || isBlank(m_text.at(i)); }

    void check(qsizetype pos)
    {
        const int depth = int(m_blocks.size()) + m_flow;
        if (depth > m_limit && !m_found)
            m_found = YamlNestingPoint{depth, m_line, int(pos - m_lineStart) + 1};
    }

    /// A block collection whose entries start at `pos` (its column decides its level).
    void openBlock(qsizetype pos)
    {
        const int column = int(pos - m_lineStart);
        if (m_blocks.isEmpty() || m_blocks.constLast() < column) {
            m_blocks.append(column);
            check(pos);
        }
    }

    void scanLine()
    {
        qsizetype i = m_lineStart;
        while (i < m_lineEnd && m_text.at(i) == ' ')
            ++i;
        const int indent = int(i - m_lineStart);
        const bool empty = i == m_lineEnd || m_text.at(i) == '#';
        if (m_blockScalarParent != kNoBlockScalar) {
            // The lines of a `|` or `>` scalar are deeper than its parent, or blank.
            if (empty || indent > m_blockScalarParent)
                return;
            m_blockScalarParent = kNoBlockScalar;
        }
        if (m_quote) {
            i = skipQuoted(m_lineStart, m_quote);
            if (m_quote)
                return;
        } else if (m_flow == 0) {
            if (empty)
                return;
            if (indent == 0 && (m_text.at(i) == '%' || ((at(i) == '-' || at(i) == '.') && at(i + 1) == at(i) &&
                                                        at(i + 2) == at(i) && endsToken(i + 3)))) {
                m_blocks.clear(); // a directive or a document marker: a new document starts
                if (m_text.at(i) == '%')
                    return;
                i += 3;
            }
            while (!m_blocks.isEmpty() && m_blocks.constLast() > indent)
                m_blocks.removeLast();
        }
        if (m_flow > 0)
            i = scanFlow(i);
        scanBlock(i);
    }

    /// From the start of a node in block context to the end of the line.
    void scanBlock(qsizetype i)
    {
        while (i < m_lineEnd && !m_found && m_flow == 0 && !m_quote) {
            const char c = m_text.at(i);
            if (isBlank(c)) {
                ++i;
            } else if (c == '#') {
                return;
            } else if ((c == '-' || c == '?' || c == ':') && endsToken(i + 1)) {
                openBlock(i); // a list entry, a complex key or its value
                ++i;
            } else if (c == '&' || c == '!') {
                // An anchor or a tag before the node; a bracket ends it ("!t[[x]]" is a tagged list).
                ++i;
                while (!endsToken(i) && !isFlowIndicator(m_text.at(i)))
                    ++i;
            } else if (c == '[' || c == '{') {
                i = scanFlow(i);
            } else if (c == '"' || c == '\'') {
                const qsizetype key = i;
                i = skipQuoted(i + 1, c);
                if (!m_quote)
                    i = afterScalar(key, i);
            } else if (c == '|' || c == '>') {
                m_blockScalarParent = m_blocks.isEmpty() ? -1 : m_blocks.constLast();
                return;
            } else {
                // A plain scalar (or an alias) runs to the end of the line unless it is a key.
                const qsizetype key = i;
                while (i < m_lineEnd && !(m_text.at(i) == ':' && endsToken(i + 1)) &&
                       !(m_text.at(i) == '#' && isBlank(m_text.at(i - 1))))
                    ++i;
                i = afterScalar(key, i);
            }
        }
    }

    /// After a scalar that started at `start`: `key:` opens a mapping there; anything else ends
    /// the line's structure.
    qsizetype afterScalar(qsizetype start, qsizetype i)
    {
        while (i < m_lineEnd && isBlank(m_text.at(i)))
            ++i;
        if (at(i) == ':' && endsToken(i + 1)) {
            openBlock(start);
            return i + 1;
        }
        return m_lineEnd;
    }

    /// Inside brackets: every `[` and `{` outside quotes opens a level (flow scalars cannot hold
    /// them). Returns where block context resumes, or the end of the line.
    qsizetype scanFlow(qsizetype i)
    {
        bool nodeStart = true; // a quote opens a quoted scalar only where a node starts
        while (i < m_lineEnd && !m_found) {
            const char c = m_text.at(i);
            if (c == '[' || c == '{') {
                ++m_flow;
                check(i);
                nodeStart = true;
            } else if (c == ']' || c == '}') {
                if (m_flow > 0 && --m_flow == 0)
                    return i + 1;
                nodeStart = false;
            } else if (c == ',' || c == ':' || c == '?') {
                nodeStart = true;
            } else if ((c == '"' || c == '\'') && nodeStart) {
                i = skipQuoted(i + 1, c);
                if (m_quote)
                    return m_lineEnd;
                nodeStart = false;
                continue;
            } else if (c == '#' && (i == m_lineStart || isBlank(m_text.at(i - 1)))) {
                return m_lineEnd;
            } else if (!isBlank(c)) {
                nodeStart = false;
            }
            ++i;
        }
        return m_flow > 0 ? m_lineEnd : i;
    }

    /// Past the closing quote, or the end of the line with the scalar still open (m_quote).
    qsizetype skipQuoted(qsizetype i, char quote)
    {
        m_quote = quote;
        while (i < m_lineEnd) {
            const char c = m_text.at(i);
            if (quote == '"' && c == '\\') {
                i += 2;
            } else if (c == quote && quote == '\'' && at(i + 1) == '\'') {
                i += 2;
            } else if (c == quote) {
                m_quote = 0;
                return i + 1;
            } else {
                ++i;
            }
        }
        return m_lineEnd;
    }

    static constexpr int kNoBlockScalar = -2;

    const QByteArray &m_text;
    const int m_limit;
    std::optional<YamlNestingPoint> m_found;
    int m_line = 0;
    qsizetype m_lineStart = 0;
    qsizetype m_lineEnd = 0;
    QList<int> m_blocks; ///< columns of the open block collections, increasing
    int m_flow = 0;
    char m_quote = 0;
    int m_blockScalarParent = kNoBlockScalar; ///< -1: a block scalar at the root, all of the rest
};

} // namespace

std::optional<YamlNestingPoint> yamlNestingBeyond(const QByteArray &text, int limit)
{
    return NestingScanner(text, limit).run();
}

} // namespace k8sfc
