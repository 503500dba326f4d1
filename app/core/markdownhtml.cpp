#include "markdownhtml.h"

#include <QByteArray>
#include <QStringList>
#include <QUrl>

#include <md4c-html.h>

namespace k8sfc {

namespace {

constexpr unsigned kParserFlags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;

void collect(const MD_CHAR *text, MD_SIZE size, void *out)
{
    static_cast<QByteArray *>(out)->append(text, qsizetype(size));
}

/// An attribute's value as md4c writes it: name="value", the value escaped, never holding `"`.
QStringView attribute(QStringView tag, QLatin1StringView name)
{
    const QString key = QLatin1String(" ") + name + QLatin1String("=\"");
    const qsizetype at = tag.indexOf(key);
    if (at < 0)
        return {};
    const qsizetype from = at + key.size();
    return tag.mid(from, tag.indexOf(u'"', from) - from);
}

bool isHttps(QStringView url)
{
    return url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

/// Rewrites md4c's HTML into one field. md4c ends its block tags with a line break and writes a
/// soft break inside a paragraph as one; the first kind goes, the second becomes a space, and one
/// inside a code block becomes `<br>`.
class FieldWriter
{
public:
    explicit FieldWriter(const MarkdownHtml::PictureNamer &pictures) : m_pictures(pictures) {}

    QString write(QStringView html)
    {
        for (qsizetype i = 0; i < html.size(); ++i) {
            const QChar c = html.at(i);
            if (c == u'<') {
                // Text's `<` is escaped, so this is one of md4c's tags; it holds no `>` either.
                qsizetype end = html.indexOf(u'>', i);
                end = end < 0 ? html.size() - 1 : end;
                tag(html.mid(i, end - i + 1));
                i = end;
            } else if (c == u'\n' || c == u'\r') {
                lineBreak(html.mid(i + 1));
            } else {
                m_out += c == u'\t' ? QStringLiteral("&#9;") : QString(c);
                m_afterBlockTag = false;
            }
        }
        return m_out;
    }

private:
    void tag(QStringView text)
    {
        const QStringView inner = text.mid(1, text.size() - 2);
        const QStringView name = inner.left(inner.indexOf(u' ') < 0 ? inner.size() : inner.indexOf(u' '));
        if (name == u"a" && !isHttps(attribute(text, QLatin1String("href")))) {
            m_droppedLink = true;
            return;
        }
        if (name == u"/a" && std::exchange(m_droppedLink, false))
            return;
        // A picture is never fetched by whoever reads the field: only a deck's own media/ files
        // are pictures, named as the export carries them, or their alt text.
        if (name == u"img") {
            const QString source = QUrl::fromPercentEncoding(attribute(text, QLatin1String("src"))
                                                                 .toString()
                                                                 .replace(QLatin1String("&amp;"), QLatin1String("&"))
                                                                 .toUtf8());
            const QString file = m_pictures ? m_pictures(source) : QString();
            if (file.isEmpty())
                m_out += attribute(text, QLatin1String("alt"));
            else
                m_out +=
                    QStringLiteral("<img src='%1'>").arg(file.toHtmlEscaped().replace(u'\'', QLatin1String("&#39;")));
            return;
        }
        m_inPre = name == u"pre" || (m_inPre && name != u"/pre");
        static const QStringList inlineTags{QStringLiteral("a"), QStringLiteral("strong"), QStringLiteral("em"),
                                            QStringLiteral("code"), QStringLiteral("del")};
        m_afterBlockTag = !inlineTags.contains(name.startsWith(u'/') ? name.mid(1) : name);
        // Attribute values in single quotes: Anki's reader could take a field with `"` for a quoted
        // one. A title may hold a line break.
        for (const QChar c : text) {
            switch (c.unicode()) {
            case u'"': m_out += u'\''; break;
            case u'\'': m_out += QLatin1String("&#39;"); break;
            case u'\t': m_out += QLatin1String("&#9;"); break;
            case u'\n': m_out += QLatin1String("&#10;"); break;
            case u'\r': m_out += QLatin1String("&#13;"); break;
            default: m_out += c;
            }
        }
    }

    void lineBreak(QStringView rest)
    {
        if (m_inPre) {
            if (!rest.startsWith(QLatin1String("</code>")))
                m_out += QStringLiteral("<br>");
        } else if (!m_afterBlockTag) {
            m_out += u' ';
        }
    }

    const MarkdownHtml::PictureNamer &m_pictures;
    QString m_out;
    bool m_inPre = false;
    bool m_afterBlockTag = false;
    bool m_droppedLink = false;
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

QString MarkdownHtml::toHtml(const QString &markdown, const PictureNamer &pictures)
{
    const QByteArray in = markdown.toUtf8();
    QByteArray html;
    if (md_html(in.constData(), MD_SIZE(in.size()), collect, &html, kParserFlags, 0) != 0)
        return escapeText(markdown); // md4c fails only when out of memory
    return FieldWriter(pictures).write(QString::fromUtf8(html));
}

} // namespace k8sfc
