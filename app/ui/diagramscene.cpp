#include "diagramscene.h"

#include "componentitem.h"
#include "componentregistry.h"
#include "diagramloader.h"
#include "mastery.h"

#include <QGraphicsSvgItem>
#include <QSvgRenderer>

#include <algorithm>
#include <functional>

namespace k8sfc {

DiagramScene::DiagramScene(const ComponentRegistry &registry, QObject *parent)
    : QGraphicsScene(parent), m_registry(registry)
{}

DiagramScene::~DiagramScene()
{
    clearDiagram();
}

void DiagramScene::clearDiagram()
{
    clear();
    m_items.clear();
    m_background = nullptr;
    delete m_renderer;
    m_renderer = nullptr;
}

std::optional<QString> DiagramScene::load(const Diagram &diagram)
{
    clearDiagram();
    m_renderer = new QSvgRenderer(diagram.file);
    if (!m_renderer->isValid())
        return QStringLiteral("%1: Qt could not render this SVG").arg(diagram.file);
    m_title = diagram.title;
    m_viewBox = m_renderer->viewBoxF();
    const QSizeF size = m_renderer->defaultSize();
    if (m_viewBox.isEmpty())
        m_viewBox = QRectF(QPointF(0, 0), size);

    m_background = new QGraphicsSvgItem;
    m_background->setSharedRenderer(m_renderer);
    // The item paints the viewBox into its default size; map that onto viewBox coordinates.
    m_background->setTransform(
        QTransform::fromScale(m_viewBox.width() / size.width(), m_viewBox.height() / size.height()));
    m_background->setPos(m_viewBox.topLeft());
    m_background->setZValue(-1);
    addItem(m_background);
    setSceneRect(m_viewBox);

    // Copy names come from the frame that holds them: kubelet.node-a sits in group.node-a.
    QHash<QString, QString> groupNames;
    for (const DiagramElement &e : diagram.elements)
        if (e.parsed.kind == ElementId::Kind::Label && e.parsed.target.startsWith(QLatin1String("group.")))
            groupNames.insert(e.parsed.target.mid(6), QString());

    for (const DiagramElement &e : diagram.elements) {
        if (e.parsed.kind != ElementId::Kind::Component || !m_registry.contains(e.parsed.ref.component))
            continue;
        if (!m_renderer->elementExists(e.id))
            continue;
        const QRectF rect = m_renderer->transformForElement(e.id).mapRect(m_renderer->boundsOnElement(e.id));
        const Component *component = m_registry.component(e.parsed.ref.component);
        QString copyName = e.parsed.ref.copy;
        if (!copyName.isEmpty())
            copyName = QStringLiteral("worker node ") + copyName.section(u'-', -1).toUpper();
        auto *item = new ComponentItem(e.parsed.ref, rect, component->name, component->role, copyName);
        const QString labelId = QStringLiteral("label.") + e.id;
        if (m_renderer->elementExists(labelId))
            item->setLabelElement(
                m_renderer, labelId,
                m_renderer->transformForElement(labelId).mapRect(m_renderer->boundsOnElement(labelId)));
        // Sub-parts sit above their parent so a click on a chip reaches the chip.
        int depth = 0;
        for (const Component *c = component; c && !c->partOf.isEmpty(); c = m_registry.component(c->partOf))
            ++depth;
        item->setZValue(1 + depth);
        addItem(item);
        connect(item, &ComponentItem::activated, this, [this](ComponentItem *it) {
            setSelectedComponent(it->componentId());
            emit itemActivated(it);
            emit componentActivated(it->componentId());
        });
        connect(item, &ComponentItem::hoverChanged, this, [this](ComponentItem *it, bool hovered) {
            emit componentHovered(hovered ? it->componentId() : QString());
        });
        m_items.append(item);
    }
    // Reading order for Tab and screen readers: rows of boxes top to bottom, left to right within
    // a row (rows by the boxes' centres, so boxes of different heights on one row stay together),
    // each component followed by its sub-parts in the same order.
    auto readingOrder = [](const ComponentItem *a, const ComponentItem *b) {
        const qreal rowA = std::round(a->rect().center().y() / 60), rowB = std::round(b->rect().center().y() / 60);
        return rowA != rowB ? rowA < rowB : a->rect().left() < b->rect().left();
    };
    QList<ComponentItem *> parents, ordered;
    for (ComponentItem *item : std::as_const(m_items))
        if (m_registry.component(item->componentId())->partOf.isEmpty())
            parents.append(item);
    std::stable_sort(parents.begin(), parents.end(), readingOrder);
    std::function<void(ComponentItem *)> addWithParts = [&](ComponentItem *parent) {
        ordered.append(parent);
        QList<ComponentItem *> parts;
        for (ComponentItem *item : std::as_const(m_items))
            if (m_registry.component(item->componentId())->partOf == parent->componentId() &&
                parent->rect().contains(item->rect().center()))
                parts.append(item);
        std::stable_sort(parts.begin(), parts.end(), readingOrder);
        for (ComponentItem *part : std::as_const(parts))
            addWithParts(part);
    };
    for (ComponentItem *parent : std::as_const(parents))
        addWithParts(parent);
    for (ComponentItem *item : std::as_const(m_items)) // a part drawn outside its parent
        if (!ordered.contains(item))
            ordered.append(item);
    m_items = ordered;
    if (!m_selected.isEmpty())
        setSelectedComponent(m_selected);
    return std::nullopt;
}

ComponentItem *DiagramScene::itemForRef(const QString &ref) const
{
    for (ComponentItem *item : m_items)
        if (item->ref().toString() == ref)
            return item;
    return nullptr;
}

QList<ComponentItem *> DiagramScene::itemsForComponent(const QString &componentId) const
{
    QList<ComponentItem *> out;
    for (ComponentItem *item : m_items)
        if (item->componentId() == componentId)
            out.append(item);
    return out;
}

void DiagramScene::markComponent(const QString &componentId, ComponentItem::Mark mark)
{
    for (ComponentItem *item : std::as_const(m_items))
        if (item->componentId() == componentId)
            item->setMark(mark);
}

void DiagramScene::clearMarks()
{
    for (ComponentItem *item : std::as_const(m_items))
        item->setMark(ComponentItem::Mark::None);
}

void DiagramScene::showMastery(const QHash<QString, ComponentMastery> &mastery)
{
    for (ComponentItem *item : std::as_const(m_items)) {
        const auto it = mastery.constFind(item->componentId());
        if (it == mastery.cend()) {
            item->setMasteryTint(std::nullopt, false, QString());
            continue;
        }
        const QString detail = it->isUnseen()
                                   ? QStringLiteral("Not studied yet (%1 cards)").arg(it->cards)
                                   : QStringLiteral("Mastery %1%: %2 of %3 cards seen, mean recall of those %4%")
                                         .arg(qRound(it->mastery * 100))
                                         .arg(it->seen)
                                         .arg(it->cards)
                                         .arg(qRound(it->meanRecallSeen * 100));
        item->setMasteryTint(it->isUnseen() ? std::nullopt : std::optional<double>(it->mastery), it->isUnseen(),
                             detail);
    }
}

void DiagramScene::setSelectedComponent(const QString &componentId)
{
    m_selected = componentId;
    for (ComponentItem *item : std::as_const(m_items))
        item->setSelectedComponent(item->componentId() == componentId);
}

} // namespace k8sfc
