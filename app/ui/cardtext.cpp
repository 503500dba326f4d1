#include "cardtext.h"

#include "cardmedia.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>

namespace k8sfc {

namespace {

/// Shows only the pictures added to it. QTextDocument would otherwise read the file of any name it
/// meets, and ask its parent widget to.
class CardDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

constexpr auto kMarkdown =
    QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML);

/// A picture decoded from a media file, or a null image. Bitmap formats only: an SVG could refer to
/// other files. The size is read from the header first, so a huge image is never decoded.
QImage loadPicture(const QString &contentFile, const QString &source)
{
    const auto path = CardMedia::resolve(contentFile, source);
    if (!path)
        return {};
    const auto bytes = CardMedia::read(*path);
    if (!bytes)
        return {};
    QBuffer buffer;
    buffer.setData(*bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    static const QList<QByteArray> bitmaps{"png", "jpeg", "jpg", "gif", "bmp", "webp"};
    const QSize size = reader.size();
    if (!bitmaps.contains(reader.format()) || !size.isValid() ||
        qint64(size.width()) * size.height() > CardMedia::kMaxPixels)
        return {};
    return reader.read();
}

struct Run
{
    int position;
    int length;
    QTextCharFormat format;
};

/// The runs of `document` whose format matches, in document order.
template <typename Matches>
QList<Run> runsWhere(const QTextDocument *document, Matches matches)
{
    QList<Run> found;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (const QTextFragment fragment = it.fragment(); matches(fragment.charFormat()))
                found.append({fragment.position(), fragment.length(), fragment.charFormat()});
    return found;
}

QTextCursor select(QTextDocument *document, int position, int length)
{
    QTextCursor cursor(document);
    cursor.setPosition(position);
    cursor.setPosition(position + length, QTextCursor::KeepAnchor);
    return cursor;
}

QTextCharFormat withoutPicture(QTextCharFormat format)
{
    for (int property : {int(QTextFormat::ObjectType), int(QTextFormat::ImageName), int(QTextFormat::ImageTitle),
                         int(QTextFormat::ImageAltText), int(QTextFormat::ImageWidth), int(QTextFormat::ImageHeight)})
        format.clearProperty(property);
    return format;
}

/// Each picture becomes one the app read itself, under a name that is no path, or its alt text.
void placePictures(QTextDocument *document, const QString &contentFile)
{
    const auto runs = runsWhere(document, [](const QTextCharFormat &f) { return f.isImageFormat(); });
    int count = 0;
    // From the end: replacing a picture by its text moves what follows it. Two same pictures in a
    // row are one run.
    for (qsizetype r = runs.size() - 1; r >= 0; --r)
        for (int position = runs.at(r).position + runs.at(r).length - 1; position >= runs.at(r).position; --position) {
            QTextImageFormat picture = runs.at(r).format.toImageFormat();
            QTextCursor cursor = select(document, position, 1);
            if (const QImage image = loadPicture(contentFile, picture.name()); !image.isNull()) {
                const QUrl name(QStringLiteral("k8sfc-media:%1").arg(count++));
                document->addResource(QTextDocument::ImageResource, name, image);
                picture.setName(name.toString());
                cursor.setCharFormat(picture);
            } else {
                const QString alt = picture.property(QTextFormat::ImageAltText).toString();
                cursor.insertText(alt.isEmpty() ? QStringLiteral("[picture]") : alt, withoutPicture(picture));
            }
        }
}

/// A link to anything but a web page (`javascript:`, `file:`, a relative path) becomes plain text.
void disarmLinks(QTextDocument *document)
{
    const auto links = runsWhere(
        document, [](const QTextCharFormat &f) { return f.isAnchor() && !CardText::isWebLink(QUrl(f.anchorHref())); });
    for (const Run &link : links) {
        QTextCharFormat text = link.format;
        text.setAnchor(false);
        text.clearProperty(QTextFormat::AnchorHref);
        text.clearForeground();
        select(document, link.position, link.length).setCharFormat(text);
    }
}

} // namespace

std::unique_ptr<QTextDocument> CardText::document(const QString &markdown, const QString &contentFile,
                                                  const QFont &font)
{
    // Built apart from any view: a laid-out document would read a picture's file as soon as it
    // meets its name, before the pictures are placed.
    auto document = std::make_unique<CardDocument>();
    document->setDefaultFont(font); // Markdown's spacing follows the font it is read in
    document->setMarkdown(markdown, kMarkdown);
    placePictures(document.get(), contentFile);
    disarmLinks(document.get());
    return document;
}

QString CardText::labelHtml(const QString &markdown, const QFont &font)
{
    const auto document = CardText::document(markdown, QString(), font);
    // The body's font is the label's to set (the presentation scales it).
    static const QRegularExpression bodyStyle(QStringLiteral("<body style=\"[^\"]*\">"));
    return document->toHtml().replace(bodyStyle, QStringLiteral("<body>"));
}

bool CardText::isWebLink(const QUrl &url)
{
    return url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) &&
           !url.host().isEmpty();
}

} // namespace k8sfc
