#include "svgstatewriter.h"

#include "arrowitem.h"
#include "componentitem.h"
#include "diagramscene.h"
#include "labelcoveritem.h"
#include "theme.h"

#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QSet>
#include <QStack>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>

namespace k8sfc {

namespace {

const QString kLit = QStringLiteral("#F2A900"); // the walkthrough's amber, as ComponentItem draws it
const QString kDimOpacity = QStringLiteral("0.35");

bool isShape(QStringView name)
{
    static const QStringList shapes{QStringLiteral("rect"),     QStringLiteral("path"),    QStringLiteral("text"),
                                    QStringLiteral("circle"),   QStringLiteral("ellipse"), QStringLiteral("line"),
                                    QStringLiteral("polyline"), QStringLiteral("polygon"), QStringLiteral("image"),
                                    QStringLiteral("use")};
    return shapes.contains(name);
}

// The style a component's box takes: its mastery tint, then the lit ring over it.
QString boxStyle(const ComponentItem &item)
{
    QStringList style;
    if (item.isTintedUnseen()) {
        style << QStringLiteral("fill:#ECEEF1") << QStringLiteral("stroke:") + theme::unseenColour().name()
              << QStringLiteral("stroke-width:4") << QStringLiteral("stroke-dasharray:9 6");
    } else if (item.masteryTint()) {
        const QColor full = theme::masteryColour(theme::masteryClass(*item.masteryTint()));
        const QColor fill =
            QColor::fromRgbF(0.45 * full.redF() + 0.55, 0.45 * full.greenF() + 0.55, 0.45 * full.blueF() + 0.55);
        style << QStringLiteral("fill:") + fill.name() << QStringLiteral("stroke:") + full.name()
              << QStringLiteral("stroke-width:4");
    }
    if (item.isLit())
        style << QStringLiteral("stroke:") + kLit << QStringLiteral("stroke-width:7");
    return style.join(QLatin1Char(';'));
}

// What the reader is inside: a lit subtree (not dimmed), a lit arrow, a component whose box is
// the next rectangle.
struct Frame
{
    bool lit = false;
    bool arrow = false;
    const ComponentItem *boxOwner = nullptr;
};

class Rewriter
{
public:
    Rewriter(const DiagramScene &scene, const QRectF &source, QByteArray *out)
        : m_scene(scene), m_source(source), m_out(out)
    {
        for (ComponentItem *item : scene.componentItems())
            m_items.insert(item->ref().toString(), item);
        for (ArrowItem *arrow : scene.arrowItems())
            if (arrow->flow() != ArrowItem::Flow::None)
                m_litArrows.insert(arrow->id());
    }

    bool run(const QByteArray &svg)
    {
        QXmlStreamReader reader(svg);
        reader.setNamespaceProcessing(false); // namespace declarations come through as attributes
        while (!reader.atEnd()) {
            reader.readNext();
            copy(reader);
        }
        m_writer.writeEndDocument();
        return !reader.hasError();
    }

private:
    void copy(const QXmlStreamReader &reader)
    {
        switch (reader.tokenType()) {
        case QXmlStreamReader::StartDocument: m_writer.writeStartDocument(); break;
        case QXmlStreamReader::DTD: m_writer.writeDTD(reader.text().toString()); break;
        case QXmlStreamReader::StartElement: start(reader); break;
        case QXmlStreamReader::EndElement:
            m_stack.pop();
            if (m_stack.isEmpty())
                writeCovers();
            m_writer.writeEndElement();
            break;
        case QXmlStreamReader::Characters:
            if (reader.isCDATA())
                m_writer.writeCDATA(reader.text().toString());
            else
                m_writer.writeCharacters(reader.text().toString());
            break;
        case QXmlStreamReader::Comment: m_writer.writeComment(reader.text().toString()); break;
        case QXmlStreamReader::ProcessingInstruction:
            m_writer.writeProcessingInstruction(reader.processingInstructionTarget().toString(),
                                                reader.processingInstructionData().toString());
            break;
        default: break;
        }
    }

    void start(const QXmlStreamReader &reader)
    {
        const QStringView name = reader.qualifiedName();
        const QXmlStreamAttributes attributes = reader.attributes();
        m_writer.writeStartElement(name.toString());
        const bool root = m_stack.isEmpty();
        const Frame parent = root ? Frame{} : m_stack.top();
        Frame frame{parent.lit, parent.arrow, nullptr};
        const QString id = attributes.value(QStringLiteral("id")).toString();
        const ComponentItem *component = m_items.value(id);
        if (component) {
            frame.lit = frame.lit || component->isLit();
            frame.boxOwner = component;
        }
        if (m_litArrows.contains(id))
            frame.lit = frame.arrow = true;
        QString style = attributes.value(QStringLiteral("style")).toString();
        if (isShape(name)) {
            const ComponentItem *owner = component ? component : parent.boxOwner;
            if (owner && name == QLatin1String("rect") && !m_boxed.contains(owner)) {
                style = joined(style, boxStyle(*owner));
                m_boxed.insert(owner);
            }
            if (frame.arrow && name == QLatin1String("path"))
                style =
                    joined(style, attributes.value(QStringLiteral("class")).contains(QLatin1String("head"))
                                      ? QString(QStringLiteral("fill:") + kLit)
                                      : QString(QStringLiteral("stroke:") + kLit + QStringLiteral(";stroke-width:5")));
        }
        for (const QXmlStreamAttribute &a : attributes) {
            const QStringView key = a.qualifiedName();
            if (key == QLatin1String("style") ||
                (root &&
                 (key == QLatin1String("viewBox") || key == QLatin1String("width") || key == QLatin1String("height"))))
                continue;
            if (isShape(name) && m_scene.hasSpotlight() && !frame.lit && key == QLatin1String("opacity"))
                continue;
            m_writer.writeAttribute(key.toString(), a.value().toString());
        }
        if (root) {
            m_writer.writeAttribute(QStringLiteral("viewBox"), QStringLiteral("%1 %2 %3 %4")
                                                                   .arg(m_source.x())
                                                                   .arg(m_source.y())
                                                                   .arg(m_source.width())
                                                                   .arg(m_source.height()));
            m_writer.writeAttribute(QStringLiteral("width"), QString::number(m_source.width()));
            m_writer.writeAttribute(QStringLiteral("height"), QString::number(m_source.height()));
        }
        if (!style.isEmpty())
            m_writer.writeAttribute(QStringLiteral("style"), style);
        if (isShape(name) && m_scene.hasSpotlight() && !frame.lit)
            m_writer.writeAttribute(QStringLiteral("opacity"), kDimOpacity);
        m_stack.push(frame);
    }

    static QString joined(const QString &a, const QString &b)
    {
        return a.isEmpty() || b.isEmpty() ? QString(a + b) : QString(a + QLatin1Char(';') + b);
    }

    // Hidden labels, as the view shows them: a numbered card (or its verdict) over each name.
    void writeCovers()
    {
        QList<LabelCoverItem *> shown;
        for (LabelCoverItem *cover : m_scene.labelCovers())
            if (cover->isVisible())
                shown.append(cover);
        if (shown.isEmpty())
            return;
        m_writer.writeStartElement(QStringLiteral("g"));
        m_writer.writeAttribute(QStringLiteral("id"), QStringLiteral("hidden-labels"));
        for (const LabelCoverItem *cover : shown) {
            const QRectF r = cover->boundingRect().adjusted(2, 2, -2, -2);
            m_writer.writeEmptyElement(QStringLiteral("rect"));
            m_writer.writeAttribute(QStringLiteral("class"), QStringLiteral("hidden-label"));
            m_writer.writeAttribute(QStringLiteral("x"), QString::number(r.x()));
            m_writer.writeAttribute(QStringLiteral("y"), QString::number(r.y()));
            m_writer.writeAttribute(QStringLiteral("width"), QString::number(r.width()));
            m_writer.writeAttribute(QStringLiteral("height"), QString::number(r.height()));
            m_writer.writeAttribute(QStringLiteral("rx"), QStringLiteral("6"));
            m_writer.writeAttribute(
                QStringLiteral("style"),
                QStringLiteral("fill:%1;stroke:#5B6473;stroke-width:2").arg(cover->fillColour().name()));
            writeCoverText(*cover, r);
        }
        m_writer.writeEndElement();
    }

    // One <text> per line, centred in the cover as the app paints it (SVG Tiny has no wrapping).
    void writeCoverText(const LabelCoverItem &cover, const QRectF &r)
    {
        const QStringList lines = cover.shownLines();
        const QFont font = cover.shownFont();
        const qreal step = QFontMetricsF(font).lineSpacing();
        const qreal top = r.center().y() - step * lines.size() / 2;
        for (int i = 0; i < lines.size(); ++i) {
            m_writer.writeStartElement(QStringLiteral("text"));
            m_writer.writeAttribute(QStringLiteral("x"), QString::number(r.center().x()));
            m_writer.writeAttribute(QStringLiteral("y"), QString::number(top + step * i + step * 0.72));
            m_writer.writeAttribute(QStringLiteral("style"),
                                    QStringLiteral("font-family:DejaVu Sans;font-weight:bold;font-size:%1px;"
                                                   "text-anchor:middle;fill:#1B2433")
                                        .arg(font.pixelSize()));
            m_writer.writeCharacters(lines.at(i));
            m_writer.writeEndElement();
        }
    }

    const DiagramScene &m_scene;
    QRectF m_source;
    QByteArray *m_out;
    QXmlStreamWriter m_writer{m_out};
    QHash<QString, const ComponentItem *> m_items;
    QSet<QString> m_litArrows;
    QSet<const ComponentItem *> m_boxed;
    QStack<Frame> m_stack;
};

} // namespace

QByteArray SvgStateWriter::write(const DiagramScene &scene, const QRectF &source)
{
    QByteArray out;
    Rewriter rewriter(scene, source, &out);
    if (!rewriter.run(scene.svgSource()))
        return {};
    return out;
}

} // namespace k8sfc
