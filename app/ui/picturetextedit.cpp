#include "picturetextedit.h"

#include "contentfile.h"
#include "picturestore.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QMimeData>
#include <QPainter>
#include <QSvgRenderer>
#include <QUrl>

namespace k8sfc {

namespace {

// An SVG is drawn once, at its own size within these bounds, and kept as that PNG.
constexpr int kSvgMaxSide = 2048;

bool isPictureFile(const QUrl &url)
{
    const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
    return url.isLocalFile() && (suffix == QLatin1String("png") || suffix == QLatin1String("jpg") ||
                                 suffix == QLatin1String("jpeg") || suffix == QLatin1String("svg"));
}

QByteArray pngOf(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

PictureTextEdit::PictureTextEdit(QWidget *parent) : QPlainTextEdit(parent)
{}

std::optional<QString> PictureTextEdit::toBitmap(QByteArray &bytes)
{
    if (const auto tooLarge = PictureStore::sizeProblem(bytes.size()))
        return tooLarge;
    switch (PictureStore::kindOf(bytes)) {
    case PictureStore::Kind::Png:
    case PictureStore::Kind::Jpeg: return std::nullopt;
    case PictureStore::Kind::Svg: {
        QSvgRenderer svg(bytes);
        if (!svg.isValid())
            return QStringLiteral("This SVG picture could not be read.");
        QSize size = svg.defaultSize().isEmpty() ? QSize(512, 512) : svg.defaultSize();
        size = size.scaled(size.boundedTo(QSize(kSvgMaxSide, kSvgMaxSide)), Qt::KeepAspectRatio);
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        svg.render(&painter);
        painter.end();
        bytes = pngOf(image);
        return PictureStore::sizeProblem(bytes.size());
    }
    case PictureStore::Kind::Other: break;
    }
    return QStringLiteral("Only PNG, JPEG and SVG pictures can go on a card.");
}

bool PictureTextEdit::canInsertFromMimeData(const QMimeData *source) const
{
    if (source->hasImage())
        return true;
    const QList<QUrl> urls = source->urls();
    if (!urls.isEmpty() && std::all_of(urls.begin(), urls.end(), isPictureFile))
        return true;
    return QPlainTextEdit::canInsertFromMimeData(source);
}

void PictureTextEdit::insertFromMimeData(const QMimeData *source)
{
    const QList<QUrl> urls = source->urls();
    if (!urls.isEmpty() && std::all_of(urls.begin(), urls.end(), isPictureFile)) {
        for (const QUrl &url : urls)
            takeFile(url.toLocalFile());
        return;
    }
    if (source->hasImage()) {
        const QImage image = qvariant_cast<QImage>(source->imageData());
        if (image.isNull()) {
            emit pictureRefused(QStringLiteral("The pasted picture could not be read."));
            return;
        }
        QByteArray bytes = pngOf(image);
        if (const auto problem = PictureStore::sizeProblem(bytes.size()))
            emit pictureRefused(*problem);
        else
            emit pictureGiven(bytes);
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

void PictureTextEdit::takeFile(const QString &path)
{
    if (const auto tooLarge = PictureStore::sizeProblem(QFileInfo(path).size())) {
        emit pictureRefused(*tooLarge);
        return;
    }
    QFile file;
    if (const auto error = openRegularFile(path, file)) { // never a FIFO, which would wait forever
        emit pictureRefused(*error);
        return;
    }
    QByteArray bytes = file.read(PictureStore::kMaxBytes + 1);
    if (const auto problem = toBitmap(bytes))
        emit pictureRefused(*problem);
    else
        emit pictureGiven(bytes);
}

} // namespace k8sfc
