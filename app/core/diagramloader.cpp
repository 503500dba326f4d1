#include "diagramloader.h"

#include "componentregistry.h"
#include "contentfile.h"
#include "svgpath.h"

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

} // namespace

std::optional<Diagram> DiagramLoader::load(const QByteArray &svg, const QString &fileName,
                                           const ComponentRegistry *registry, Diagnostics &diagnostics)
{
    Diagram diagram;
    diagram.id = QFileInfo(fileName).completeBaseName();
    diagram.file = fileName;
    if (const auto tooLarge = contentSizeError(fileName, svg.size())) {
        diagnostics.append(*tooLarge);
        return std::nullopt;
    }
    if (svg.trimmed().isEmpty()) {
        diagnostics.append(Diagnostic{fileName, 1, 1, QStringLiteral("the file is empty, not an SVG")});
        return std::nullopt;
    }
    QXmlStreamReader xml(svg);
    QHash<QString, int> lineOfId;
    bool sawSvgRoot = false;
    bool inTitle = false;
    int depth = 0;
    int arrowDepth = -1; // depth of the arrow group being read, -1 outside one
    qsizetype arrowIndex = -1;
    bool arrowHasLine = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement()) {
            if (depth-- == arrowDepth)
                arrowDepth = -1;
        }
        if (xml.isStartElement()) {
            ++depth;
            if (arrowDepth >= 0 && xml.name() == QLatin1String("path")) {
                const bool isLine = xml.attributes().value(QLatin1String("class")).contains(QLatin1String("line"));
                DiagramElement &arrow = diagram.elements[arrowIndex];
                if (arrow.polyline.isEmpty() || (isLine && !arrowHasLine)) {
                    arrow.polyline = svgPathPolyline(xml.attributes().value(QLatin1String("d")).toString());
                    arrowHasLine = isLine;
                }
            }
            if (!sawSvgRoot && xml.name() != QLatin1String("svg")) {
                diagnostics.append(
                    Diagnostic{fileName, int(xml.lineNumber()), int(xml.columnNumber()),
                               QStringLiteral("not an SVG file (the root element is <%1>)").arg(xml.name())});
                return std::nullopt;
            }
            sawSvgRoot = true;
            inTitle = xml.name() == QLatin1String("title") && diagram.title.isEmpty();
            const QString id = xml.attributes().value(QLatin1String("id")).toString();
            if (id.isEmpty() || isEditorId(id))
                continue;
            DiagramElement e{id, ElementId::parse(id), int(xml.lineNumber()), int(xml.columnNumber())};
            if (lineOfId.contains(id)) {
                diagnostics.append(Diagnostic{
                    fileName, e.line, e.column,
                    QStringLiteral("duplicate element id \"%1\" (first on line %2)").arg(id).arg(lineOfId.value(id))});
                continue;
            }
            lineOfId.insert(id, e.line);
            if (e.parsed.kind != ElementId::Kind::Invalid)
                diagram.elements.append(e);
            if (e.parsed.kind == ElementId::Kind::Arrow) {
                arrowDepth = depth;
                arrowIndex = diagram.elements.size() - 1;
                arrowHasLine = false;
            }
        } else if (xml.isCharacters() && inTitle) {
            diagram.title += xml.text().toString().trimmed();
        } else if (xml.isEndElement()) {
            inTitle = false;
        }
    }
    if (xml.hasError()) {
        diagnostics.append(Diagnostic{fileName, int(xml.lineNumber()), int(xml.columnNumber()),
                                      QStringLiteral("the SVG is not well-formed XML: ") + xml.errorString()});
        return std::nullopt;
    }
    if (!sawSvgRoot) {
        diagnostics.append(Diagnostic{fileName, 1, 1, QStringLiteral("the file is empty, not an SVG")});
        return std::nullopt;
    }
    if (diagram.title.isEmpty())
        diagram.title = diagram.id;

    if (registry) {
        for (const DiagramElement &e : std::as_const(diagram.elements)) {
            switch (e.parsed.kind) {
            case ElementId::Kind::Component:
                // A plain word may be a designer's own id; a warning, not an error.
                checkRef(e.parsed.ref, e, *registry, fileName, diagnostics,
                         e.parsed.ref.copy.isEmpty() ? Diagnostic::Severity::Warning : Diagnostic::Severity::Error);
                break;
            case ElementId::Kind::Arrow:
                for (const ElementRef &end : {e.parsed.from, e.parsed.to}) {
                    if (!lineOfId.contains(end.toString()))
                        diagnostics.append(
                            Diagnostic{fileName, e.line, e.column,
                                       QStringLiteral("arrow \"%1\" ends at \"%2\", which is not drawn in this diagram")
                                           .arg(e.id, end.toString())});
                }
                break;
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
