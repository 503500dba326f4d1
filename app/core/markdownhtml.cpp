#include "markdownhtml.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace k8sfc {

namespace {

/// Code spans are set aside behind these marks while the rest is escaped and emphasised, so that
/// `*` inside code is never read as emphasis. They are control characters, which card text does
/// not hold; any that do appear are dropped.
constexpr QChar kOpen = QChar(0x01);
constexpr QChar kClose = QChar(0x02);

int indentOf(const QString &line)
{
    int width = 0;
    for (const QChar c : line) {
        if (c == u' ')
            ++width;
        else if (c == u'\t')
            width += 4 - width % 4;
        else
            break;
    }
    return width;
}

qsizetype leadingBlanks(const QString &line)
{
    qsizetype i = 0;
    while (i < line.size() && (line.at(i) == u' ' || line.at(i) == u'\t'))
        ++i;
    return i;
}

/// Drops up to `width` columns of leading blanks.
QString dedent(const QString &line, int width)
{
    qsizetype i = 0;
    int taken = 0;
    while (i < line.size() && taken < width && (line.at(i) == u' ' || line.at(i) == u'\t')) {
        taken += line.at(i) == u'\t' ? 4 - taken % 4 : 1;
        ++i;
    }
    return line.mid(i);
}

class Converter
{
public:
    QString run(const QString &markdown)
    {
        QString text = markdown;
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
        const QStringList lines = text.split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString &line = lines.at(i);
            const QString body = line.trimmed();
            const int indent = indentOf(line);
            if (body.startsWith(QLatin1String("```")) || body.startsWith(QLatin1String("~~~"))) {
                i = fence(lines, i, indent, body.left(3));
                continue;
            }
            if (body.isEmpty()) {
                flushParagraph();
                m_blank = true;
                continue;
            }
            static const QRegularExpression item(QStringLiteral("^([-*+]|(\\d{1,9})[.)])([ \\t]+|$)"));
            static const QRegularExpression heading(QStringLiteral("^(#{1,6})[ \\t]+(.*?)[ \\t#]*$"));
            const QString rest = line.mid(leadingBlanks(line));
            const auto m = item.match(rest);
            if (m.hasMatch()) {
                listItem(indent, m.captured(2), rest.mid(m.capturedLength()), indent + int(m.capturedLength()));
            } else if (const auto h = heading.match(body); h.hasMatch() && m_lists.isEmpty()) {
                flushParagraph();
                const QString level = QString::number(h.captured(1).size());
                m_html += QStringLiteral("<h%1>%2</h%1>").arg(level, MarkdownHtml::inlineHtml(h.captured(2)));
            } else {
                textLine(indent, body);
            }
            m_blank = false;
        }
        flushParagraph();
        closeListsDeeperThan(-1);
        return m_html;
    }

private:
    struct List
    {
        int indent = 0;
        int contentIndent = 0;
        bool ordered = false;
    };

    qsizetype fence(const QStringList &lines, qsizetype start, int indent, const QString &marker)
    {
        flushParagraph();
        closeListsNotHolding(indent); // a fence is never a lazy continuation
        QStringList code;
        qsizetype i = start + 1;
        for (; i < lines.size(); ++i) {
            if (lines.at(i).trimmed().startsWith(marker))
                break;
            code.append(MarkdownHtml::escapeText(dedent(lines.at(i), indent)));
        }
        m_html += QStringLiteral("<pre><code>") + code.join(QStringLiteral("<br>")) + QStringLiteral("</code></pre>");
        m_blank = false;
        m_itemHasText = true;
        return i; // the closing fence (or the end)
    }

    void listItem(int indent, const QString &number, const QString &content, int contentIndent)
    {
        flushParagraph();
        const bool ordered = !number.isEmpty();
        closeListsDeeperThan(indent);
        if (!m_lists.isEmpty() && m_lists.last().indent == indent && m_lists.last().ordered != ordered)
            closeListsDeeperThan(indent - 1);
        if (m_lists.isEmpty() || m_lists.last().indent < indent) {
            const int first = number.toInt();
            m_html += !ordered     ? QStringLiteral("<ul>")
                      : first == 1 ? QStringLiteral("<ol>")
                                   : QStringLiteral("<ol start=%1>").arg(first);
            m_lists.append(List{indent, contentIndent, ordered});
        } else {
            m_html += QStringLiteral("</li>");
            m_lists.last().contentIndent = contentIndent;
        }
        m_html += QStringLiteral("<li>");
        m_itemHasText = false;
        if (!content.trimmed().isEmpty())
            m_paragraph.append(content.trimmed());
    }

    void textLine(int indent, const QString &body)
    {
        // After a blank line, text that is not indented to an item's content ends that list.
        if (m_blank)
            closeListsNotHolding(indent);
        m_paragraph.append(body);
    }

    void flushParagraph()
    {
        if (m_paragraph.isEmpty())
            return;
        const QString inlineText = MarkdownHtml::inlineHtml(m_paragraph.join(u' '));
        m_paragraph.clear();
        if (m_lists.isEmpty()) {
            m_html += QStringLiteral("<p>") + inlineText + QStringLiteral("</p>");
        } else {
            if (m_itemHasText)
                m_html += QStringLiteral("<br>");
            m_html += inlineText;
            m_itemHasText = true;
        }
    }

    /// Closes the lists whose items' text starts right of `indent`: a line there is not theirs.
    void closeListsNotHolding(int indent)
    {
        while (!m_lists.isEmpty() && indent < m_lists.last().contentIndent)
            closeListsDeeperThan(m_lists.last().indent - 1);
    }

    /// Closes every open list whose marker sits deeper than `indent`.
    void closeListsDeeperThan(int indent)
    {
        flushParagraph();
        while (!m_lists.isEmpty() && m_lists.last().indent > indent) {
            m_html += m_lists.takeLast().ordered ? QStringLiteral("</li></ol>") : QStringLiteral("</li></ul>");
            m_itemHasText = true;
        }
    }

    QString m_html;
    QStringList m_paragraph;
    QList<List> m_lists;
    bool m_blank = false;
    bool m_itemHasText = false;
};

} // namespace

QString MarkdownHtml::escapeText(const QString &text)
{
    QString out = text.toHtmlEscaped();
    out.replace(u'\t', QStringLiteral("&#9;"));
    out.replace(QStringLiteral("\r\n"), QStringLiteral("<br>"));
    out.replace(u'\r', QStringLiteral("<br>")).replace(u'\n', QStringLiteral("<br>"));
    return out;
}

QString MarkdownHtml::inlineHtml(const QString &input)
{
    QString text = input;
    text.remove(kOpen).remove(kClose);
    // Code spans: a run of backticks up to the next run of the same length.
    QStringList spans;
    QString rest;
    for (qsizetype i = 0; i < text.size();) {
        if (text.at(i) != u'`') {
            rest += text.at(i++);
            continue;
        }
        qsizetype run = 0;
        while (i + run < text.size() && text.at(i + run) == u'`')
            ++run;
        const QString ticks(run, u'`');
        qsizetype end = text.indexOf(ticks, i + run);
        while (end >= 0 && end + run < text.size() && text.at(end + run) == u'`')
            end = text.indexOf(ticks, end + run + 1);
        if (end < 0) {
            rest += ticks;
            i += run;
            continue;
        }
        QString code = text.mid(i + run, end - i - run);
        if (code.size() > 1 && code.startsWith(u' ') && code.endsWith(u' '))
            code = code.mid(1, code.size() - 2);
        rest += kOpen + QString::number(spans.size()) + kClose;
        spans.append(QStringLiteral("<code>") + escapeText(code) + QStringLiteral("</code>"));
        i = end + run;
    }
    QString html = escapeText(rest);
    static const QRegularExpression bold(QStringLiteral("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*"));
    static const QRegularExpression italic(QStringLiteral("(?<![*\\w])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![*\\w])"));
    html.replace(bold, QStringLiteral("<b>\\1</b>"));
    html.replace(italic, QStringLiteral("<i>\\1</i>"));
    static const QRegularExpression placeholder(QStringLiteral("\\x01(\\d+)\\x02"));
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(html).mid(last, m.capturedStart() - last);
        out += spans.value(m.captured(1).toInt());
        last = m.capturedEnd();
    }
    return out + QStringView(html).mid(last);
}

QString MarkdownHtml::toHtml(const QString &markdown)
{
    return Converter().run(markdown);
}

} // namespace k8sfc
