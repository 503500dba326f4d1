#include "diagramscene.h"

#include "arrowitem.h"
#include "componentregistry.h"
#include "diagramloader.h"
#include "mastery.h"

#include <QRegularExpression>
#include <QSet>
#include <QSvgRenderer>

#include <algorithm>
#include <cmath>

// The scene's arrows: made from the diagram, named from the registry, found by id, coloured by
// mastery.
namespace k8sfc {

namespace {

QList<ArrowItem *> makeArrowItems(const Diagram &diagram, QSvgRenderer *renderer)
{
    QList<ArrowItem *> out;
    for (const DiagramElement &e : diagram.elements) {
        if (e.parsed.kind != ElementId::Kind::Arrow || e.polyline.size() < 2 || !renderer->elementExists(e.id))
            continue;
        const QTransform t = renderer->transformForElement(e.id);
        out.append(
            new ArrowItem(e.id, t.map(QPolygonF(e.polyline)), renderer, t.mapRect(renderer->boundsOnElement(e.id))));
    }
    return out;
}

// Tab order after the components: reading order of the arrows' middles.
void sortArrows(QList<ArrowItem *> &arrows)
{
    std::stable_sort(arrows.begin(), arrows.end(), [](const ArrowItem *a, const ArrowItem *b) {
        const qreal rowA = std::round(a->rect().center().y() / 60), rowB = std::round(b->rect().center().y() / 60);
        return rowA != rowB ? rowA < rowB : a->rect().center().x() < b->rect().center().x();
    });
}

} // namespace

// Arrows over the drawn ones, above the components (a stage arrow runs inside its parent's box)
// and below a walkthrough's dimming layer until lit.
void DiagramScene::addArrowItems(const Diagram &diagram, const ComponentRegistry &registry)
{
    QHash<QString, QString> labels;
    for (const DiagramElement &e : diagram.elements)
        if (e.parsed.kind == ElementId::Kind::Arrow)
            labels.insert(e.id, e.label);
    for (ArrowItem *arrow : makeArrowItems(diagram, m_renderer)) {
        const ElementId parsed = arrow->parsedId();
        const ComponentItem *from = itemForRef(parsed.from.toString());
        const ComponentItem *to = itemForRef(parsed.to.toString());
        auto nameOf = [&](const ComponentItem *item, const ElementRef &ref) {
            const Component *c = registry.component(ref.component);
            return item ? item->accessibleName() : c ? c->name : ref.toString();
        };
        const ArrowRole *role = registry.arrow(arrow->id());
        const QString roleText = role ? role->role : QString();
        const QString label = labels.value(arrow->id()).isEmpty() ? roleText : labels.value(arrow->id());
        arrow->setDescription(nameOf(from, parsed.from) + QStringLiteral(" → ") + nameOf(to, parsed.to) +
                                  QStringLiteral(": ") + label,
                              registry.arrowTitle(arrow->id()), roleText);
        const QString labelId = QStringLiteral("label.") + arrow->id();
        const QRectF labelRect =
            m_renderer->elementExists(labelId)
                ? m_renderer->transformForElement(labelId).mapRect(m_renderer->boundsOnElement(labelId))
                : QRectF();
        QList<QRectF> ends;
        for (const ComponentItem *end : {from, to})
            if (end)
                ends.append(end->rect());
        arrow->setHitArea(labelRect, ends);
        arrow->setZValue(kArrowZ);
        addItem(arrow);
        connect(arrow, &ArrowItem::activated, this, [this](ArrowItem *it) {
            setSelectedComponent(it->id());
            emit arrowItemActivated(it);
            emit arrowActivated(it->id());
        });
        // The status line names the arrow's ends: not while names are hidden.
        connect(arrow, &ArrowItem::hoverChanged, this, [this](ArrowItem *it, bool hovered) {
            emit componentHovered(hovered && !m_labelsHidden ? it->id() : QString());
        });
        arrow->setEndsHidden(m_labelsHidden);
        m_arrows.append(arrow);
    }
    sortArrows(m_arrows);
}

ArrowItem *DiagramScene::arrowItem(const QString &id) const
{
    for (ArrowItem *arrow : m_arrows)
        if (arrow->id() == id)
            return arrow;
    return nullptr;
}

QList<ArrowItem *> DiagramScene::arrowItemsFor(const QString &arrowId) const
{
    const bool everyCopy = arrowId == arrowBaseId(arrowId);
    QList<ArrowItem *> out;
    for (ArrowItem *arrow : m_arrows)
        if (arrow->id() == arrowId || (everyCopy && arrow->baseId() == arrowId))
            out.append(arrow);
    return out;
}

// An arrow copy counts the cards naming it and those naming the arrow on every copy.
void DiagramScene::showArrowMastery(const QHash<QString, ComponentMastery> &mastery)
{
    for (ArrowItem *arrow : std::as_const(m_arrows)) {
        ComponentMastery m;
        double recall = 0;
        for (const QString &key : QSet<QString>{arrow->baseId(), arrow->id()}) {
            const ComponentMastery part = mastery.value(key);
            m.cards += part.cards;
            m.seen += part.seen;
            recall += part.meanRecallSeen * part.seen;
        }
        if (mastery.isEmpty() || m.cards == 0) { // no cards: nothing to recall, the line stays as drawn
            arrow->setMasteryTint(std::nullopt, false, QString());
            continue;
        }
        const std::optional<double> tint = m.seen ? std::optional<double>(recall / m.seen) : std::nullopt;
        arrow->setMasteryTint(tint, m.seen == 0,
                              tint ? QStringLiteral("Recall %1% of the cards seen; %2 of %3 cards seen")
                                         .arg(qRound(*tint * 100))
                                         .arg(m.seen)
                                         .arg(m.cards)
                                   : QStringLiteral("Not studied yet (%1 cards)").arg(m.cards));
    }
}

void DiagramScene::setHiddenArrows(const QStringList &arrowIds)
{
    if (!m_renderer || arrowIds == m_hiddenArrows)
        return;
    m_hiddenArrows = arrowIds;
    // The background is redrawn from the SVG with the arrows' groups (and labels drawn apart from
    // them) set to display="none", which Qt SVG honours; nothing else of the drawing changes.
    QString svg = QString::fromUtf8(m_svg);
    for (ArrowItem *arrow : std::as_const(m_arrows)) {
        const bool hidden = arrowIds.contains(arrow->baseId()) || arrowIds.contains(arrow->id());
        arrow->setVisible(!hidden);
        if (!hidden)
            continue;
        for (const QString &id : QStringList{arrow->id(), QStringLiteral("label.") + arrow->id()}) {
            const QRegularExpression attribute(
                QStringLiteral("(\\bid\\s*=\\s*([\"'])%1\\2)").arg(QRegularExpression::escape(id)));
            svg.replace(attribute, QStringLiteral("\\1 display=\"none\""));
        }
    }
    m_renderer->load(svg.toUtf8());
}

} // namespace k8sfc
