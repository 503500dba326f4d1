#pragma once

#include <QRectF>
#include <QSize>
#include <QString>
#include <memory>
#include <optional>

class QGraphicsScene;
class QTextLayout;

namespace k8sfc {

class ContentSet;
class DiagramScene;
struct Walkthrough;

/// Pictures for slides and handouts: the current view as PNG or SVG, and a walkthrough as a PDF
/// handout with one page per step (the lit diagram and its narration), then its cards with their
/// pictures (HandoutCards). Errors are returned.
class Exporter
{
public:
    /// Renders what is drawn in `source` (scene coordinates) into a PNG of `size`, keeping the
    /// aspect ratio, centred with an even margin.
    static std::optional<QString> exportPng(QGraphicsScene *scene, const QRectF &source, const QSize &size,
                                            const QString &path);
    /// Writes the diagram's own SVG with the view's state applied (SvgStateWriter), cropped to
    /// `source`: text stays text.
    static std::optional<QString> exportSvg(const DiagramScene &scene, const QRectF &source, const QString &path);
    static std::optional<QString> exportHandout(const ContentSet &content, const Walkthrough &walkthrough,
                                                const QString &path);
    /// The heading of the handout's page for step `i`: the walkthrough's title and the step's
    /// number, then the step's title in bold, wrapped into lines no wider than `width` page
    /// pixels at `resolution` dots per inch. Laid out, ready to draw.
    static std::unique_ptr<QTextLayout> handoutHeading(const Walkthrough &walkthrough, qsizetype i, qreal width,
                                                       int resolution);
};

} // namespace k8sfc
