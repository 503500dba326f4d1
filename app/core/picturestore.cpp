#include "picturestore.h"

#include "atomicfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

namespace k8sfc {

PictureStore::Kind PictureStore::kindOf(const QByteArray &bytes)
{
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return Kind::Png;
    if (bytes.startsWith("\xFF\xD8\xFF"))
        return Kind::Jpeg;
    const QByteArray head = bytes.left(4096);
    if (head.contains("<svg") && (head.trimmed().startsWith('<')))
        return Kind::Svg;
    return Kind::Other;
}

std::optional<QString> PictureStore::sizeProblem(qint64 bytes)
{
    if (bytes <= kMaxBytes)
        return std::nullopt;
    return QStringLiteral("This picture is %1 MB; a card's picture may be at most %2 MB. Make it smaller (fewer "
                          "pixels, or JPEG for a photo) and add it again.")
        .arg(QString::number(double(bytes) / (1024 * 1024), 'f', 1))
        .arg(kMaxBytes / (1024 * 1024));
}

Result<QString> PictureStore::store(const QString &deckFile, const QByteArray &bytes)
{
    if (const auto tooLarge = sizeProblem(bytes.size()))
        return Failure{*tooLarge};
    const Kind kind = kindOf(bytes);
    if (kind != Kind::Png && kind != Kind::Jpeg)
        return Failure{QStringLiteral("Only PNG, JPEG and SVG pictures can go on a card.")};
    const QString name =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(32)) +
        (kind == Kind::Png ? QStringLiteral(".png") : QStringLiteral(".jpg"));
    const QDir media(QFileInfo(deckFile).absolutePath() + QStringLiteral("/media"));
    if (!media.exists() && !QDir().mkpath(media.path()))
        return Failure{QStringLiteral("Cannot create the folder %1.").arg(QDir::toNativeSeparators(media.path()))};
    // The name is the content's: a file already there holds these very bytes.
    if (!QFileInfo::exists(media.filePath(name)))
        if (const auto error = writeFileAtomically(media.filePath(name), bytes))
            return Failure{*error};
    return QString(QStringLiteral("media/") + name);
}

} // namespace k8sfc
