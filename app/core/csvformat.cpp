#include "csvformat.h"

namespace k8sfc {

namespace {

bool isLineEnd(QChar c)
{
    return c == u'\n' || c == u'\r';
}

/// Walks the text once; keeps the line and column of the current position for the diagnostics.
class Reader
{
public:
    Reader(QString text, QChar delimiter) : m_text(std::move(text)), m_delimiter(delimiter) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const { return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : QChar(); }
    int line() const { return m_line; }
    int column() const { return int(m_pos - m_lineStart) + 1; }

    /// Consumes one character, counting a line for LF, CRLF (on its LF) and a lone CR.
    QChar take()
    {
        const QChar c = m_text.at(m_pos++);
        if (c == u'\n' || (c == u'\r' && peek() != u'\n')) {
            ++m_line;
            m_lineStart = m_pos;
        }
        return c;
    }
    void takeLineEnd()
    {
        if (peek() == u'\r')
            take();
        if (peek() == u'\n')
            take();
    }
    void skipToNextLine()
    {
        while (!atEnd() && !isLineEnd(peek()))
            take();
        takeLineEnd();
    }

    enum class Field { Ok, Broken, Unterminated };

    /// Reads one field at the current position into `out`; leaves the position on the delimiter,
    /// the line end or the end of the text.
    Field readField(QString &out, QString &problem)
    {
        if (peek() != u'"') {
            while (!atEnd() && peek() != m_delimiter && !isLineEnd(peek()))
                out += take(); // a quote inside an unquoted field is taken as it stands
            return Field::Ok;
        }
        take();
        for (;;) {
            if (atEnd())
                return Field::Unterminated;
            const QChar c = take();
            if (c != u'"') {
                out += c;
            } else if (peek() == u'"') {
                take();
                out += u'"';
            } else {
                break;
            }
        }
        if (atEnd() || peek() == m_delimiter || isLineEnd(peek()))
            return Field::Ok;
        problem = QStringLiteral("text after the closing quote of a field (write a quote inside quotes as \"\")");
        return Field::Broken;
    }

private:
    QString m_text;
    QChar m_delimiter;
    qsizetype m_pos = 0;
    qsizetype m_lineStart = 0;
    int m_line = 1;
};

} // namespace

QList<CsvRecord> CsvFormat::parse(const QByteArray &text, QChar delimiter, const QString &fileName,
                                  Diagnostics &problems)
{
    const QByteArray bom("\xEF\xBB\xBF");
    Reader in(QString::fromUtf8(text.startsWith(bom) ? text.mid(bom.size()) : text), delimiter);
    QList<CsvRecord> out;
    while (!in.atEnd()) {
        if (isLineEnd(in.peek())) { // a blank line is no record
            in.takeLineEnd();
            continue;
        }
        CsvRecord record;
        record.line = in.line();
        bool broken = false;
        for (;;) {
            QString value;
            QString problem;
            const int line = in.line(), column = in.column();
            const auto result = in.readField(value, problem);
            if (result == Reader::Field::Unterminated) {
                problems.append(Diagnostic{fileName, line, column,
                                           QStringLiteral("a quoted field is never closed (the rest of the file "
                                                          "was read as part of it)")});
                return out;
            }
            if (result == Reader::Field::Broken) {
                problems.append(Diagnostic{fileName, in.line(), in.column(), problem});
                in.skipToNextLine();
                broken = true;
                break;
            }
            record.fields.append(value);
            if (in.atEnd() || isLineEnd(in.peek())) {
                in.takeLineEnd();
                break;
            }
            in.take(); // the delimiter
        }
        if (!broken)
            out.append(record);
    }
    return out;
}

QChar CsvFormat::detectDelimiter(const QByteArray &text)
{
    const QString s = QString::fromUtf8(text.left(64 * 1024));
    const QList<QChar> candidates{u'\t', u',', u';', u'|'}; // ties go to the earlier one
    QList<int> counts(candidates.size(), 0);
    bool quoted = false;
    for (const QChar c : s) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && isLineEnd(c))
            break;
        else if (!quoted && candidates.contains(c))
            ++counts[candidates.indexOf(c)];
    }
    qsizetype best = 1; // comma when nothing is found
    for (qsizetype i = 0; i < candidates.size(); ++i)
        if (counts[i] > counts[best])
            best = i;
    return candidates.at(best);
}

QString CsvFormat::field(const QString &value, QChar delimiter)
{
    const bool blankEdge = !value.isEmpty() && (value.front().isSpace() || value.back().isSpace());
    if (!blankEdge && !value.contains(delimiter) && !value.contains(u'"') && !value.contains(u'\n') &&
        !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString CsvFormat::record(const QStringList &fields, QChar delimiter)
{
    QString out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            out += delimiter;
        out += field(fields.at(i), delimiter);
    }
    return out + QStringLiteral("\r\n");
}

} // namespace k8sfc
