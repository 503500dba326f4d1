#include "diagramloader.h"

#include "componentregistry.h"
#include "contentfile.h"
#include "contenttext.h"
#include "svgpath.h"
#include "svgsanitizer.h"

#include <QFileInfo>
#include <QHash>
#include <QXmlStreamReader>

#include <algorithm>

namespace k8sfc {

QList<ElementRef> Diagram::componentRefs() const
{
    QList<ElementRef> refs;
    for (const DiagramElement &e : elements)
        if (e.parsed.kind == ElementId::Kind::Component)
            refs.append(e.parsed.ref);
    return refs;
}

QStringList Diagram::componentIds() const
{
    QStringList ids;
    for (const ElementRef &ref : componentRefs())
        if (!ids.contains(ref.component))
            ids.append(ref.component);
    return ids;
}

bool Diagram::hasElement(const QString &id) const
{
    return std::any_of(elements.begin(), elements.end(), [&](const DiagramElement &e) { return e.id == id; });
}

// Ids that drawing programs give every element (Inkscape's rect123, path42, layer1): decoration.
bool isEditorId(const QString &id)
{
    static const QStringList kPrefixes{
        QStringLiteral("rect"),     QStringLiteral("path"),     QStringLiteral("g"),       QStringLiteral("text"),
        QStringLiteral("tspan"),    QStringLiteral("defs"),     QStringLiteral("svg"),     QStringLiteral("layer"),
        QStringLiteral("circle"),   QStringLiteral("ellipse"),  QStringLiteral("use"),     QStringLiteral("image"),
        QStringLiteral("polygon"),  QStringLiteral("polyline"), QStringLiteral("line"),    QStringLiteral("stop"),
        QStringLiteral("style"),    QStringLiteral("metadata"), QStringLiteral("title"),   QStringLiteral("desc"),
        QStringLiteral("clippath"), QStringLiteral("mask"),     QStringLiteral("pattern"), QStringLiteral("marker"),
        QStringLiteral("symbol"),   QStringLiteral("namedview")};
    // A prefix, then one or more digits and nothing else.
    qsizetype digits = id.size();
    while (digits > 0 && id.at(digits - 1) >= u'0' && id.at(digits - 1) <= u'9')
        --digits;
    return digits < id.size() && kPrefixes.contains(QStringView(id).left(digits));
}

namespace {

void checkRef(const ElementRef &ref, const DiagramElement &e, const ComponentRegistry &registry, const QString &file,
              Diagnostics &diagnostics, Diagnostic::Severity severity)
{
    if (!registry.contains(ref.component))
        diagnostics.append(Diagnostic{
            file, e.line, e.column,
            QStringLiteral("element \"%1\" names unknown component \"%2\"").arg(e.id, ref.component), severity});
}

/// Both ends drawn, and an entry in the registry's `arrows:` section (once the ends are components
/// it knows: an unknown end is reported as such).
void checkArrow(const DiagramElement &e, const QHash<QString, int> &lineOfId, const ComponentRegistry &registry,
                const QString &fileName, Diagnostics &diagnostics)
{
    bool known = true;
    for (const ElementRef &end : {e.parsed.from, e.parsed.to}) {
        known = known && registry.contains(end.component);
        if (!lineOfId.contains(end.toString()))
            diagnostics.append(
                Diagnostic{fileName, e.line, e.column,
                           QStringLiteral("arrow \"%1\" ends at \"%2\", which is not drawn in this diagram")
                               .arg(e.id, end.toString())});
    }
    if (known && !registry.arrow(e.id))
        diagnostics.append(Diagnostic{
            fileName, e.line, e.column,
            QStringLiteral("arrow \"%1\" has no entry under \"arrows:\" in %2 (expected \"%3\" with kind and role)")
                .arg(e.id, QFileInfo(registry.fileName()).fileName(), arrowBaseId(e.id))});
}

/// Refs against the registry, and arrows and labels against what the diagram draws.
void checkElements(const Diagram &diagram, const QHash<QString, int> &lineOfId, const ComponentRegistry &registry,
                   const QString &fileName, Diagnostics &diagnostics)
{
    for (const DiagramElement &e : std::as_const(diagram.elements)) {
        switch (e.parsed.kind) {
        case ElementId::Kind::Component:
            // A plain word may be a designer's own id; a warning, not an error.
            checkRef(e.parsed.ref, e, registry, fileName, diagnostics,
                     e.parsed.ref.copy.isEmpty() ? Diagnostic::Severity::Warning : Diagnostic::Severity::Error);
            break;
        case ElementId::Kind::Arrow: checkArrow(e, lineOfId, registry, fileName, diagnostics); break;
        case ElementId::Kind::Label:
            if (!lineOfId.contains(e.parsed.target))
                diagnostics.append(
                    Diagnostic{fileName, e.line, e.column,
                               QStringLiteral("label \"%1\" names \"%2\", which is not drawn in this diagram")
                                   .arg(e.id, e.parsed.target),
                               Diagnostic::Severity::Warning});
            break;
        default: break;
        }
    }
}

/// The `group.NAME` frames open around the element being read, and the text labels draw.
class GroupTracker
{
public:
    /// The innermost open frame's name, or none.
    QString current() const { return m_open.isEmpty() ? QString() : m_open.last().second; }
    void start(const ElementId &id, int depth)
    {
        if (m_labelDepth >= 0) // a <tspan> in the label: its own word
            m_labels[m_labelOf] += u' ';
        if (id.kind == ElementId::Kind::Group) {
            m_open.append({depth, id.name});
        } else if (id.kind == ElementId::Kind::Label && !id.target.startsWith(QLatin1String("label."))) {
            m_labelDepth = depth;
            m_labelOf = id.target;
            m_labels[m_labelOf].clear();
        }
    }
    void text(QStringView text)
    {
        if (m_labelDepth >= 0)
            m_labels[m_labelOf] += text;
    }
    void end(int depth)
    {
        if (!m_open.isEmpty() && m_open.last().first == depth)
            m_open.removeLast();
        if (depth == m_labelDepth) {
            m_labels[m_labelOf] = m_labels[m_labelOf].simplified();
            m_labelDepth = -1;
        }
    }
    /// The labels of elements whose ids start with `prefix`, keyed by the rest of the id.
    QHash<QString, QString> labels(QLatin1String prefix) const
    {
        QHash<QString, QString> out;
        for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it)
            if (it.key().startsWith(prefix))
                out.insert(it.key().mid(prefix.size()), it.value());
        return out;
    }

private:
    QList<std::pair<int, QString>> m_open; ///< depth and name of each open frame
    int m_labelDepth = -1;                 ///< depth of the frame label being read, -1 outside one
    QString m_labelOf;
    QHash<QString, QString> m_labels;
};

/// The arrow group being read: its connector is the first `<path>` in it, or the first of class
/// "line".
struct ArrowTracker
{
    int depth = -1; ///< of the arrow group, -1 outside one
    qsizetype index = -1;
    bool hasLine = false;
    QString text; ///< what the group's text elements draw

    void end(Diagram &diagram)
    {
        diagram.elements[index].label = text.simplified();
        depth = -1;
    }

    void path(const QXmlStreamAttributes &attributes, Diagram &diagram)
    {
        const bool isLine = attributes.value(QLatin1String("class")).contains(QLatin1String("line"));
        DiagramElement &arrow = diagram.elements[index];
        if (arrow.polyline.isEmpty() || (isLine && !hasLine)) {
            arrow.polyline = svgPathPolyline(attributes.value(QLatin1String("d")).toString());
            hasLine = isLine;
        }
    }
};

/// The components whose group is open and has no box yet: the next plain `<rect>` is theirs.
struct BoxTracker
{
    QList<std::pair<int, qsizetype>> open; ///< depth and element index

    void start(const QXmlStreamReader &xml, int depth, Diagram &diagram, qsizetype recorded)
    {
        const QXmlStreamAttributes a = xml.attributes();
        const bool transformed = a.hasAttribute(QLatin1String("transform"));
        if (transformed) // a box in other coordinates than its group's would be wrong: keep none
            open.clear();
        const bool component = recorded >= 0 && diagram.elements.at(recorded).parsed.kind == ElementId::Kind::Component;
        if (component && !transformed)
            open.append({depth, recorded});
        if (xml.name() != QLatin1String("rect") || transformed)
            return;
        const QRectF box(a.value(QLatin1String("x")).toDouble(), a.value(QLatin1String("y")).toDouble(),
                         a.value(QLatin1String("width")).toDouble(), a.value(QLatin1String("height")).toDouble());
        if (box.isEmpty())
            return;
        for (const auto &[at, index] : std::as_const(open))
            diagram.elements[index].box = box;
        open.clear();
    }

    void end(int depth)
    {
        while (!open.isEmpty() && open.last().first >= depth)
            open.removeLast();
    }
};

/// Keeps a named element, unless its id was seen before.
bool record(const DiagramElement &e, Diagram &diagram, QHash<QString, int> &lineOfId, const QString &fileName,
            Diagnostics &diagnostics)
{
    if (lineOfId.contains(e.id)) {
        diagnostics.append(Diagnostic{
            fileName, e.line, e.column,
            QStringLiteral("duplicate element id \"%1\" (first on line %2)").arg(e.id).arg(lineOfId.value(e.id))});
        return false;
    }
    lineOfId.insert(e.id, e.line);
    if (e.parsed.kind != ElementId::Kind::Invalid)
        diagram.elements.append(e);
    return true;
}

/// One pass over an SVG's XML: the named elements, arrow connectors, frames and the title.
struct SvgScan
{
    Diagram &diagram;
    const QString &fileName;
    Diagnostics &diagnostics;
    QHash<QString, int> lineOfId;
    bool sawSvgRoot = false;
    bool inTitle = false;
    int depth = 0;
    ArrowTracker arrow;
    GroupTracker groups;
    BoxTracker boxes;
    SvgSanitizer sanitizer{fileName, diagnostics};

    /// Reads to the end or to an XML error; false when the root is not <svg> (reported).
    bool read(QXmlStreamReader &xml)
    {
        while (!xml.atEnd()) {
            xml.readNext();
            sanitizer.copy(xml);
            if (xml.isEndElement()) {
                groups.end(depth);
                boxes.end(depth);
                if (depth-- == arrow.depth)
                    arrow.end(diagram);
            }
            if (xml.isStartElement()) {
                if (!startElement(xml))
                    return false;
            } else if (xml.isCharacters()) {
                groups.text(xml.text());
                if (arrow.depth >= 0 && !xml.isWhitespace()) {
                    // A label drawn on two lines reads as one list: "watch · status" and
                    // "Lease · tokens" become "watch · status · Lease · tokens".
                    const QString sofar = arrow.text.trimmed();
                    const bool joins = !sofar.isEmpty() && !sofar.endsWith(u'·');
                    arrow.text += (joins ? QStringLiteral(" · ") : QStringLiteral(" ")) + xml.text();
                }
                if (inTitle)
                    diagram.title += xml.text().toString().trimmed();
            } else if (xml.isEndElement()) {
                inTitle = false;
            }
        }
        return true;
    }

    bool startElement(const QXmlStreamReader &xml)
    {
        ++depth;
        if (arrow.depth >= 0 && xml.name() == QLatin1String("path"))
            arrow.path(xml.attributes(), diagram);
        if (!sawSvgRoot && xml.name() != QLatin1String("svg")) {
            diagnostics.append(
                Diagnostic{fileName, int(xml.lineNumber()), int(xml.columnNumber()),
                           QStringLiteral("not an SVG file (the root element is <%1>)").arg(xml.name())});
            return false;
        }
        sawSvgRoot = true;
        inTitle = xml.name() == QLatin1String("title") && diagram.title.isEmpty();
        const QString id = xml.attributes().value(QLatin1String("id")).toString();
        const bool named = !id.isEmpty() && !isEditorId(id);
        DiagramElement e{id, named ? ElementId::parse(id) : ElementId{}, int(xml.lineNumber()),
                         int(xml.columnNumber())};
        e.group = groups.current();
        groups.start(e.parsed, depth);
        const bool recorded =
            named && record(e, diagram, lineOfId, fileName, diagnostics) && e.parsed.kind != ElementId::Kind::Invalid;
        if (recorded && e.parsed.kind == ElementId::Kind::Arrow)
            arrow = {depth, diagram.elements.size() - 1, false, {}};
        boxes.start(xml, depth, diagram, recorded ? diagram.elements.size() - 1 : -1);
        return true;
    }
};

/// The error for an SVG the reader stopped on. Bytes that are not the UTF-8 they claim to be get
/// their own message and place: the reader says only "incorrectly encoded" at line 1.
Diagnostic xmlError(const QXmlStreamReader &xml, const QByteArray &svg, const QString &fileName)
{
    const QStringView encoding = xml.documentEncoding();
    const auto wide = wideEncoding(svg); // the reader reads UTF-16 itself, not UTF-32
    const bool utf8 =
        !wide && (encoding.isEmpty() || encoding.compare(QLatin1String("UTF-8"), Qt::CaseInsensitive) == 0);
    if (utf8 || wide == QLatin1String("UTF-32"))
        if (const auto fault = utf8Fault(svg))
            return Diagnostic{fileName, fault->line, fault->column, fault->message};
    return Diagnostic{fileName, int(xml.lineNumber()), int(xml.columnNumber()),
                      QStringLiteral("the SVG is not well-formed XML: ") + xml.errorString()};
}

} // namespace

std::optional<Diagram> DiagramLoader::load(const QByteArray &svg, const QString &fileName,
                                           const ComponentRegistry *registry, Diagnostics &diagnostics)
{
    Diagram diagram;
    diagram.id = QFileInfo(fileName).completeBaseName();
    diagram.file = fileName;
    const Diagnostic empty{fileName, 1, 1, QStringLiteral("the file is empty, not an SVG")};
    auto problem = contentSizeError(fileName, svg.size());
    if (!problem && svg.trimmed().isEmpty())
        problem = empty;
    if (problem) {
        diagnostics.append(*problem);
        return std::nullopt;
    }
    QXmlStreamReader xml(svg);
    SvgScan scan{diagram, fileName, diagnostics};
    if (!scan.read(xml))
        return std::nullopt;
    if (xml.hasError()) {
        diagnostics.append(xmlError(xml, svg, fileName));
        return std::nullopt;
    }
    if (!scan.sawSvgRoot) {
        diagnostics.append(empty);
        return std::nullopt;
    }
    if (diagram.title.isEmpty())
        diagram.title = diagram.id;
    diagram.groupLabels = scan.groups.labels(QLatin1String("group."));
    const QHash<QString, QString> labels = scan.groups.labels(QLatin1String(""));
    for (DiagramElement &e : diagram.elements)
        if (e.parsed.kind == ElementId::Kind::Arrow && e.label.isEmpty())
            e.label = labels.value(e.id);
    diagram.svg = scan.sanitizer.result();

    if (registry)
        checkElements(diagram, scan.lineOfId, *registry, fileName, diagnostics);
    return diagram;
}

std::optional<Diagram> DiagramLoader::loadFile(const QString &path, const ComponentRegistry *registry,
                                               Diagnostics &diagnostics)
{
    const auto text = readContentFile(path, QStringLiteral("diagram"), diagnostics);
    if (!text)
        return std::nullopt;
    return load(*text, path, registry, diagnostics);
}

} // namespace k8sfc
