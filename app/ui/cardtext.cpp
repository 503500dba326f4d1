#include "cardtext.h"

#include "cardmedia.h"
#include "theme.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
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

constexpr double kMinimumContrast = 4.5; // WCAG AA for text

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

constexpr int kCodeFrame = QTextFormat::UserProperty + 1; // marks the frame around a code block
constexpr double kCodeScale = 0.9;                        // code a little smaller than the prose

bool isCodeLine(const QTextBlock &block)
{
    const QTextBlockFormat format = block.blockFormat();
    return format.hasProperty(QTextFormat::BlockCodeFence) || format.hasProperty(QTextFormat::BlockCodeLanguage);
}

bool sameFrame(const QTextBlock &a, const QTextBlock &b)
{
    return QTextCursor(a).currentFrame() == QTextCursor(b).currentFrame();
}

/// Inserting a frame splits off an empty line before and after it; they would show as blank lines.
void removeEmptyNeighbours(QTextFrame *frame)
{
    QTextDocument *document = frame->document();
    QTextCursor before(document);
    before.setPosition(frame->firstPosition() - 1);
    if (const QTextBlock empty = before.block();
        empty.length() == 1 && empty.previous().isValid() && sameFrame(empty, empty.previous())) {
        const QTextBlockFormat previous = empty.previous().blockFormat(); // a rule, a paragraph
        QTextCursor cursor(empty);
        cursor.deletePreviousChar();
        cursor.setBlockFormat(previous);
    }
    QTextCursor after(document);
    after.setPosition(frame->lastPosition() + 1);
    if (const QTextBlock empty = after.block();
        empty.length() == 1 && empty.next().isValid() && sameFrame(empty, empty.next())) {
        const QTextBlockFormat next = empty.next().blockFormat();
        QTextCursor cursor(empty);
        cursor.deleteChar();
        cursor.setBlockFormat(next);
    }
}

/// Each run of code lines moves into a frame of its own. A frame pads its shading, so the first
/// column stands clear of the shading's edge (a block's background has no padding); long lines
/// wrap in a narrow pane rather than run off it.
void frameCodeBlocks(QTextDocument *document)
{
    QList<std::pair<int, int>> runs; // first position, end of the last line's text
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (!isCodeLine(block))
            continue;
        const int end = block.position() + block.length() - 1;
        if (!runs.isEmpty() && runs.last().second == block.position() - 1)
            runs.last().second = end;
        else
            runs.append({block.position(), end});
    }
    QTextCharFormat code;
    if (document->defaultFont().pointSizeF() > 0)
        code.setFontPointSize(document->defaultFont().pointSizeF() * kCodeScale);
    QTextFrameFormat frame;
    frame.setProperty(kCodeFrame, true);
    frame.setPadding(8);
    frame.setBorder(1);
    frame.setTopMargin(4);
    frame.setBottomMargin(8);
    for (auto run = runs.crbegin(); run != runs.crend(); ++run) {
        QTextCursor cursor = select(document, run->first, run->second - run->first);
        QTextBlockFormat lines = document->findBlock(run->first).blockFormat();
        lines.setNonBreakableLines(false);
        cursor.mergeCharFormat(code);
        QTextFrame *box = cursor.insertFrame(frame);
        for (QTextFrame::iterator it = box->begin(); !it.atEnd(); ++it)
            QTextCursor(it.currentBlock()).setBlockFormat(lines);
        removeEmptyNeighbours(box);
    }
}

QList<QTextFrame *> allFrames(QTextFrame *frame)
{
    QList<QTextFrame *> frames;
    for (QTextFrame *child : frame->childFrames())
        frames << child << allFrames(child);
    return frames;
}

bool isCodeFrame(const QTextFrame *frame)
{
    return frame && frame->frameFormat().boolProperty(kCodeFrame);
}

/// Inline code in the prose's size (Qt's Markdown reader sets the desktop's fixed font size), and
/// tables with room around each cell.
void sizeInlineCodeAndTables(QTextDocument *document)
{
    QTextCharFormat code;
    if (document->defaultFont().pointSizeF() > 0)
        code.setFontPointSize(document->defaultFont().pointSizeF() * kCodeScale);
    const auto runs = runsWhere(document, [](const QTextCharFormat &f) { return f.fontFixedPitch(); });
    for (const Run &run : runs)
        select(document, run.position, run.length).mergeCharFormat(code);
    for (QTextFrame *frame : allFrames(document->rootFrame()))
        if (auto *table = qobject_cast<QTextTable *>(frame)) {
            QTextTableFormat format = table->format();
            format.setCellPadding(5);
            format.setCellSpacing(0);
            format.setBorder(1);
            format.setBorderCollapse(true);
            table->setFormat(format);
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
    frameCodeBlocks(document.get());
    sizeInlineCodeAndTables(document.get());
    applyPalette(document.get(), QGuiApplication::palette());
    return document;
}

void CardText::applyPalette(QTextDocument *document, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor shade = theme::mix(base, text, 0.08); // code: a shade of the page, not a light box
    const QColor rule = theme::mix(base, text, 0.35);
    for (QTextFrame *frame : allFrames(document->rootFrame())) {
        if (auto *table = qobject_cast<QTextTable *>(frame)) {
            QTextTableFormat format = table->format();
            format.setBorderBrush(rule);
            table->setFormat(format);
        } else if (isCodeFrame(frame)) {
            QTextFrameFormat format = frame->frameFormat();
            format.setBackground(shade);
            format.setBorderBrush(rule);
            frame->setFrameFormat(format);
        }
    }
    QTextCharFormat code;
    code.setForeground(theme::readable(text, shade, kMinimumContrast));
    code.setBackground(shade);
    const auto inlineCode = runsWhere(document, [](const QTextCharFormat &f) { return f.fontFixedPitch(); });
    for (const Run &run : inlineCode)
        if (!isCodeFrame(QTextCursor(document->findBlock(run.position)).currentFrame()))
            select(document, run.position, run.length).mergeCharFormat(code);
    // Qt's reader coloured links from the palette of the moment; the link colour is the palette's,
    // made readable on the page and on a code shade.
    QTextCharFormat link;
    link.setForeground(theme::readable(theme::readable(palette.color(QPalette::Link), base, kMinimumContrast), shade,
                                       kMinimumContrast));
    link.setFontUnderline(true);
    for (const Run &run : runsWhere(document, [](const QTextCharFormat &f) { return f.isAnchor(); }))
        select(document, run.position, run.length).mergeCharFormat(link);
}

QString CardText::labelHtml(const QString &markdown, const QFont &font, const QPalette &palette)
{
    const auto document = CardText::document(markdown, QString(), font);
    applyPalette(document.get(), palette);
    // The body's font is the label's to set (the presentation scales it).
    QString html = document->toHtml();
    const QString open = QStringLiteral("<body style=\"");
    if (const qsizetype start = html.indexOf(open); start >= 0)
        if (const qsizetype end = html.indexOf(u'"', start + open.size());
            end >= 0 && end + 1 < html.size() && html.at(end + 1) == u'>')
            html.replace(start, end + 2 - start, QStringLiteral("<body>"));
    return html;
}

bool CardText::isWebLink(const QUrl &url)
{
    return url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) &&
           !url.host().isEmpty();
}

QString CardText::sourceLinkHtml(const QString &url, const QPalette &palette)
{
    const QColor link = theme::readable(palette.color(QPalette::Link), palette.color(QPalette::Window), 4.5);
    return QStringLiteral("Source: <a href=\"%1\" style=\"color:%2\">%1</a>").arg(url.toHtmlEscaped(), link.name());
}

} // namespace k8sfc
