#pragma once

#include "diagnostic.h"
#include "elementid.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QRectF>
#include <QPointF>
#include <QStringList>

namespace k8sfc {

class ComponentRegistry;

struct DiagramElement
{
    QString id;
    ElementId parsed;
    int line = 0;
    int column = 0;
    QString group; ///< the innermost `group.NAME` frame drawn around it: NAME, or empty
    /// An arrow's connector (the first `<path>` in its group, preferring class "line"), in
    /// document coordinates: what the walkthrough animation runs along.
    QList<QPointF> polyline;
    /// An arrow's drawn text: every line of text in its group, or its `label.` element drawn
    /// elsewhere; empty when it has none.
    QString label;
    /// A component's box: the first `<rect>` in its group (or the element itself when it is one),
    /// in the group's coordinates; null when it has none, or when a transform lies between. Qt SVG
    /// 6.4 measures a group holding centred text as if each text ran its full width left of its
    /// anchor, so the ui takes a component's extent from its box where it has one.
    QRectF box;
};

/// The diagram shown first, and in presentations, when there is one with this id.
inline constexpr QLatin1String kDefaultDiagramId("cluster");

/// What the core knows of a diagram: its file and the ids of its interactive elements.
/// Geometry and rendering are the ui's business (QSvgRenderer), from `svg` and never from the file.
struct Diagram
{
    QString id; ///< file stem: "cluster"
    QString title;
    QString file;
    QByteArray svg; ///< the SVG as read, every reference out of it removed (SvgSanitizer): what is drawn
    QList<DiagramElement> elements;      ///< components, arrows, labels, groups, in document order
    QHash<QString, QString> groupLabels; ///< a frame's NAME → the text of its label as drawn

    QList<ElementRef> componentRefs() const;
    QStringList componentIds() const; ///< distinct registry ids drawn, in document order
    bool hasElement(const QString &id) const;
};

/// Scans an SVG for element ids (QXmlStreamReader, so the core needs no QtSvg) and checks them
/// against the grammar and the registry.
class DiagramLoader
{
public:
    static std::optional<Diagram> load(const QByteArray &svg, const QString &fileName,
                                       const ComponentRegistry *registry, Diagnostics &diagnostics);
    static std::optional<Diagram> loadFile(const QString &path, const ComponentRegistry *registry,
                                           Diagnostics &diagnostics);
};

/// An id a drawing program gives every element (Inkscape's rect123, path42, layer1): a known
/// element-name prefix and digits. Such ids are decoration, not mapping mistakes.
bool isEditorId(const QString &id);

} // namespace k8sfc
