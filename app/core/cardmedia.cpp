#include "cardmedia.h"

#include "contentfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <md4c.h>

namespace k8sfc {

namespace {

// As Qt reads card text: QTextDocument::MarkdownDialectGitHub with MarkdownNoHTML.
constexpr unsigned kQtMarkdownFlags = MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH |
                                      MD_FLAG_TASKLISTS | MD_FLAG_UNDERLINE | MD_FLAG_NOHTML;

int ignoreBlock(MD_BLOCKTYPE, void *, void *)
{
    return 0;
}

int ignoreSpan(MD_SPANTYPE, void *, void *)
{
    return 0;
}

int ignoreText(MD_TEXTTYPE, const MD_CHAR *, MD_SIZE, void *)
{
    return 0;
}

int collectImage(MD_SPANTYPE type, void *detail, void *sources)
{
    if (type == MD_SPAN_IMG) {
        const MD_ATTRIBUTE &src = static_cast<MD_SPAN_IMG_DETAIL *>(detail)->src;
        static_cast<QStringList *>(sources)->append(QString::fromUtf8(src.text, qsizetype(src.size)));
    }
    return 0;
}

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'f', 1);
}

/// Why `name` (decoded) is not a plain path inside media/, or nothing.
std::optional<QString> pathProblem(const QString &name)
{
    const QString where = QStringLiteral("; a picture must be a file in the media/ folder beside the deck");
    if (name.isEmpty())
        return QStringLiteral("names no file") + where;
    if (CardMedia::hasUrlScheme(name))
        return QStringLiteral("is a URL") + where;
    if (name.startsWith(u'/'))
        return QStringLiteral("is an absolute path") + where;
    for (const QChar c : name)
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return QStringLiteral("has a control character in its name");
    const QStringList parts = name.split(u'/');
    if (parts.size() < 2 || parts.first() != QLatin1String("media"))
        return QStringLiteral("is not in the media/ folder") + where;
    for (const QString &part : parts)
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return QStringLiteral("leaves the media/ folder or is not a plain path (\"%1\")").arg(part) + where;
    return std::nullopt;
}

} // namespace

bool CardMedia::hasUrlScheme(QStringView name)
{
    const auto letter = [](QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); };
    if (name.isEmpty() || !letter(name.front()))
        return false;
    for (const QChar c : name.mid(1)) {
        if (c == u':')
            return true;
        if (!letter(c) && !(c >= u'0' && c <= u'9') && c != u'+' && c != u'.' && c != u'-')
            return false;
    }
    return false;
}

Result<QString> CardMedia::resolve(const QString &markdownFile, const QString &source)
{
    if (markdownFile.isEmpty())
        return Failure{QStringLiteral("has no media/ folder to come from")};
    // An address may be percent-encoded (`media/my%20pod.png`); the decoded name is what is checked.
    const QString name = QUrl::fromPercentEncoding(source.toUtf8());
    if (const auto problem = pathProblem(name))
        return Failure{*problem};
    const QDir folder = QFileInfo(markdownFile).dir();
    const QString path = folder.filePath(name);
    const QFileInfo info(path);
    if (!info.exists())
        return Failure{QStringLiteral("does not exist (looked for %1)").arg(QDir::toNativeSeparators(path))};
    // Symbolic links are followed, but only to a file that is still inside this media/ folder.
    const QString media = folder.canonicalPath() + QStringLiteral("/media/");
    if (folder.canonicalPath().isEmpty() || !info.canonicalFilePath().startsWith(media))
        return Failure{QStringLiteral("is a symbolic link out of the media/ folder, so it is not read")};
    if (!info.isFile())
        return Failure{QStringLiteral("is not a regular file (a FIFO, socket, device or folder), so it is not read")};
    if (info.size() > kMaxBytes)
        return Failure{QStringLiteral("is %1 MiB, over the %2 MiB limit for pictures")
                           .arg(mib(info.size()), QString::number(kMaxBytes / (1024 * 1024)))};
    return path;
}

QStringList CardMedia::imageSources(const QString &markdown)
{
    QStringList sources;
    if (!markdown.contains(QLatin1String("![")))
        return sources; // every Markdown picture starts so; most cards have none
    const QByteArray text = markdown.toUtf8();
    MD_PARSER parser{};
    parser.flags = kQtMarkdownFlags;
    parser.enter_block = ignoreBlock;
    parser.leave_block = ignoreBlock;
    parser.enter_span = collectImage;
    parser.leave_span = ignoreSpan;
    parser.text = ignoreText;
    md_parse(text.constData(), MD_SIZE(text.size()), &parser, &sources);
    return sources;
}

Result<QByteArray> CardMedia::read(const QString &path)
{
    QFile file;
    if (const auto error = openRegularFile(path, file))
        return Failure{*error};
    const QByteArray bytes = file.read(kMaxBytes + 1);
    if (bytes.size() > kMaxBytes)
        return Failure{QStringLiteral("over the %1 MiB limit for pictures").arg(kMaxBytes / (1024 * 1024))};
    return bytes;
}

} // namespace k8sfc
