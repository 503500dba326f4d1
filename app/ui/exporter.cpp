#include "exporter.h"

#include "arrowitem.h"
#include "cardtext.h"
#include "content.h"
#include "diagramscene.h"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QTextDocument>

namespace k8sfc {

namespace {

// The page's heading: the walkthrough, the step's number and its title.
void drawStepHeading(QPainter &painter, const QRectF &headRect, const Walkthrough &walkthrough, qsizetype i)
{
    QFont heading(QStringLiteral("DejaVu Sans"));
    heading.setPointSizeF(16);
    heading.setBold(true);
    painter.setFont(heading);
    painter.setPen(QColor(0x1B, 0x24, 0x33));
    painter.drawText(headRect, Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("%1 — step %2 of %3: %4")
                         .arg(walkthrough.title)
                         .arg(i + 1)
                         .arg(walkthrough.steps.size())
                         .arg(walkthrough.steps.at(i).title));
}

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

void drawMarkdown(QPainter &painter, const QString &text, const QRectF &textRect, int resolution)
{
    QFont body(QStringLiteral("DejaVu Sans"));
    body.setPointSizeF(11);
    const auto doc = CardText::document(text, QString(), body); // a walkthrough: no pictures
    painter.save();
    painter.translate(textRect.topLeft());
    // Scale the text to the page's resolution: the document lays out in points.
    const qreal pointScale = resolution / 72.0;
    painter.scale(pointScale, pointScale);
    doc->setTextWidth(textRect.width() / pointScale);
    doc->drawContents(&painter);
    painter.restore();
}

// One page: the heading, the diagram lit for step `i` on the left, its text on the right.
void drawHandoutPage(QPainter &painter, DiagramScene &scene, const QRectF &page, int resolution,
                     const Walkthrough &walkthrough, qsizetype i)
{
    const WalkthroughStep &step = walkthrough.steps.at(i);
    scene.setSpotlight(step.components, step.arrows, step.reverseArrows);
    const QRectF headRect(page.left(), page.top(), page.width(), page.height() * 0.07);
    drawStepHeading(painter, headRect, walkthrough, i);
    const QRectF picture(page.left(), headRect.bottom(), page.width() * 0.62, page.height() - headRect.height());
    scene.render(&painter, picture, scene.diagramRect(), Qt::KeepAspectRatio);
    const QRectF textRect(picture.right() + page.width() * 0.02, headRect.bottom() + 10,
                          page.right() - picture.right() - page.width() * 0.02, picture.height() - 10);
    drawMarkdown(painter, stepText(walkthrough, i), textRect, resolution);
}

} // namespace

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
        scene->render(&painter, QRectF(QPointF(0, 0), size), source, Qt::KeepAspectRatio);
    }
    if (!image.save(path, "PNG"))
        return QStringLiteral("Could not write %1.").arg(path);
    return std::nullopt;
}

std::optional<QString> Exporter::exportSvg(QGraphicsScene *scene, const QRectF &source, const QString &path,
                                           const QString &title)
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(title);
    generator.setDescription(QStringLiteral("Exported from K8s Flashcards"));
    QPainter painter;
    if (!painter.begin(&generator))
        return QStringLiteral("Could not write %1.").arg(path);
    scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source, Qt::KeepAspectRatio);
    painter.end();
    if (!QFileInfo(path).size())
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
    painter.end();
    return std::nullopt;
}

} // namespace k8sfc
