#pragma once

#include <QRectF>
#include <QSize>
#include <QString>
#include <optional>

class QGraphicsScene;

namespace k8sfc {

class ContentSet;
struct Walkthrough;

/// Pictures for slides and handouts: the current view as PNG or SVG, and a walkthrough as a PDF
/// handout with one page per step (the lit diagram and its narration). Errors are returned.
class Exporter
{
public:
    /// Renders `source` (scene coordinates) into a PNG of `size`, keeping the aspect ratio.
    static std::optional<QString> exportPng(QGraphicsScene *scene, const QRectF &source, const QSize &size,
                                            const QString &path);
    static std::optional<QString> exportSvg(QGraphicsScene *scene, const QRectF &source, const QString &path,
                                            const QString &title);
    static std::optional<QString> exportHandout(const ContentSet &content, const Walkthrough &walkthrough,
                                                const QString &path);
};

} // namespace k8sfc
