#include "exporter.h"

#include "arrowitem.h"
#include "cardtext.h"
#include "theme.h"
#include "content.h"
#include "diagramscene.h"
#include "handoutcards.h"
#include "svgstatewriter.h"

#include <QAbstractTextDocumentLayout>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QTextLayout>

namespace k8sfc {

namespace {

// The narration as Markdown, with the step's question and answer, and the source on the last page.
QString stepText(const Walkthrough &walkthrough, qsizetype i)
{
    const WalkthroughStep &step = walkthrough.steps.at(i);
    QString text = step.narration;
    if (!step.question.isEmpty())
        text += QStringLiteral("\n\n**Question:** %1\n\n**Answer:** %2").arg(step.question, step.answer);
    if (i == walkthrough.steps.size() - 1 && !walkthrough.source.isEmpty())
        text += QStringLiteral("\n\nSource: %1").arg(walkthrough.source);
    return text;
}

// The text's pictures come from the media/ folder beside `contentFile` (the walkthrough's file).
void drawMarkdown(QPainter &painter, const QString &text, const QString &contentFile, const QRectF &textRect,
                  int resolution)
{
    QFont body(QStringLiteral("DejaVu Sans"));
    body.setPointSizeF(11);
    const auto doc = CardText::document(text, contentFile, body);
    // Paper is white whatever the window's theme: dark-theme text would vanish on it.
    QAbstractTextDocumentLayout::PaintContext paper;
    paper.palette = theme::palette(QStringLiteral("light"));
    CardText::applyPalette(doc.get(), paper.palette);
    painter.save();
    painter.translate(textRect.topLeft());
    // Scale the text to the page's resolution: the document lays out in points.
    const qreal pointScale = resolution / 72.0;
    painter.scale(pointScale, pointScale);
    doc->setTextWidth(textRect.width() / pointScale);
    doc->documentLayout()->draw(&painter, paper);
    painter.restore();
}

// One page: the heading, the diagram lit for step `i` on the left, its text on the right.
void drawHandoutPage(QPainter &painter, DiagramScene &scene, const QRectF &page, int resolution,
                     const Walkthrough &walkthrough, qsizetype i)
{
    const WalkthroughStep &step = walkthrough.steps.at(i);
    scene.setSpotlight(step.components, step.arrows, step.reverseArrows);
    const std::unique_ptr<QTextLayout> heading = Exporter::handoutHeading(walkthrough, i, page.width(), resolution);
    painter.setPen(QColor(0x1B, 0x24, 0x33));
    heading->draw(&painter, page.topLeft());
    const qreal gap = resolution / 12.0; // 6 pt
    const QRectF headRect(page.left(), page.top(), page.width(),
                          std::max(heading->boundingRect().height() + gap, page.height() * 0.07));
    const QRectF picture(page.left(), headRect.bottom(), page.width() * 0.62, page.height() - headRect.height());
    scene.render(&painter, picture, scene.diagramRect(), Qt::KeepAspectRatio);
    const QRectF textRect(picture.right() + page.width() * 0.02, headRect.bottom() + 10,
                          page.right() - picture.right() - page.width() * 0.02, picture.height() - 10);
    drawMarkdown(painter, stepText(walkthrough, i), walkthrough.file, textRect, resolution);
}

// The part of `source` with something drawn on it: a picture is centred on its drawing, not on
// the blank edges of the SVG's viewBox.
QRectF drawnRect(QGraphicsScene *scene, const QRectF &source)
{
    const qreal scale = std::min(1.0, 1024.0 / std::max(source.width(), source.height()));
    QImage probe((source.size() * scale).toSize().expandedTo(QSize(1, 1)), QImage::Format_RGB32);
    probe.fill(Qt::white);
    {
        QPainter painter(&probe);
        scene->render(&painter, QRectF(probe.rect()), source, Qt::IgnoreAspectRatio);
    }
    int left = probe.width(), right = -1, top = probe.height(), bottom = -1;
    for (int y = 0; y < probe.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(probe.constScanLine(y));
        for (int x = 0; x < probe.width(); ++x)
            if (line[x] != 0xFFFFFFFF) {
                left = std::min(left, x);
                right = std::max(right, x);
                top = std::min(top, y);
                bottom = y;
            }
    }
    if (right < 0)
        return source;
    const QRectF drawn(QPointF(left - 1, top - 1) / scale, QPointF(right + 2, bottom + 2) / scale);
    return drawn.translated(source.topLeft()).intersected(source);
}

} // namespace

std::unique_ptr<QTextLayout> Exporter::handoutHeading(const Walkthrough &walkthrough, qsizetype i, qreal width,
                                                      int resolution)
{
    const QString kicker =
        QStringLiteral("%1 — step %2 of %3").arg(walkthrough.title).arg(i + 1).arg(walkthrough.steps.size());
    auto layout = std::make_unique<QTextLayout>(kicker + QChar(QChar::LineSeparator) + walkthrough.steps.at(i).title);
    // Sizes in page pixels, so the lines measured here are the lines drawn on the page.
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(qRound(11.0 * resolution / 72));
    layout->setFont(font);
    QTextCharFormat title;
    QFont titleFont = font;
    titleFont.setPixelSize(qRound(16.0 * resolution / 72));
    titleFont.setBold(true);
    title.setFont(titleFont);
    layout->setFormats({{int(kicker.size()) + 1, int(walkthrough.steps.at(i).title.size()), title}});
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // a word wider than the page breaks too
    layout->setTextOption(option);
    layout->beginLayout();
    qreal y = 0;
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout->endLayout();
    return layout;
}

std::optional<QString> Exporter::exportPng(QGraphicsScene *scene, const QRectF &source, const QSize &size,
                                           const QString &path)
{
    if (size.width() < 16 || size.height() < 16 || size.width() > 16384 || size.height() > 16384)
        return QStringLiteral("%1×%2 is not a size a PNG can be made at (16 to 16384 pixels a side).")
            .arg(size.width())
            .arg(size.height());
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        // Centred, with the same margin on every side, ready to drop onto a slide.
        const QRectF drawn = drawnRect(scene, source);
        const qreal margin = std::round(0.04 * std::min(size.width(), size.height()));
        const QRectF inner = QRectF(QPointF(0, 0), size).adjusted(margin, margin, -margin, -margin);
        QRectF target(QPointF(0, 0), drawn.size().scaled(inner.size(), Qt::KeepAspectRatio));
        target.moveCenter(inner.center());
        scene->render(&painter, target, drawn, Qt::IgnoreAspectRatio);
    }
    if (!image.save(path, "PNG"))
        return QStringLiteral("Could not write %1.").arg(path);
    return std::nullopt;
}

std::optional<QString> Exporter::exportSvg(const DiagramScene &scene, const QRectF &source, const QString &path)
{
    const QByteArray svg = SvgStateWriter::write(scene, source);
    if (svg.isEmpty())
        return QStringLiteral("The diagram's SVG could not be read back to export it.");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(svg) != svg.size() || !file.commit())
        return QStringLiteral("Could not write %1.").arg(path);
    return std::nullopt;
}

std::optional<QString> Exporter::exportHandout(const ContentSet &content, const Walkthrough &walkthrough,
                                               const QString &path)
{
    const Diagram *diagram = content.diagram(walkthrough.diagramId);
    if (!diagram)
        return QStringLiteral("The walkthrough's diagram \"%1\" is not loaded.").arg(walkthrough.diagramId);
    DiagramScene scene;
    if (auto error = scene.load(*diagram, content.registry()))
        return error;
    QPdfWriter pdf(path);
    pdf.setTitle(walkthrough.title);
    pdf.setCreator(QStringLiteral("K8s Flashcards"));
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(QPageLayout::Landscape);
    pdf.setPageMargins(QMarginsF(15, 12, 15, 12), QPageLayout::Millimeter);
    pdf.setResolution(150);
    QPainter painter;
    if (!painter.begin(&pdf))
        return QStringLiteral("Could not write %1.").arg(path);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    const QRectF page = QRectF(pdf.pageLayout()
                                   .paintRectPixels(pdf.resolution())
                                   .translated(-pdf.pageLayout().paintRectPixels(pdf.resolution()).topLeft()));
    for (qsizetype i = 0; i < walkthrough.steps.size(); ++i) {
        if (i > 0)
            pdf.newPage();
        drawHandoutPage(painter, scene, page, pdf.resolution(), walkthrough, i);
    }
    HandoutCards::draw(painter, pdf, page, pdf.resolution(), HandoutCards::select(content, walkthrough),
                       walkthrough.title);
    painter.end();
    return std::nullopt;
}

} // namespace k8sfc
