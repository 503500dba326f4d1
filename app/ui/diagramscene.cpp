#include "diagramscene.h"

#include "componentitem.h"
#include "arrowitem.h"
#include "componentregistry.h"
#include "quizanswer.h"
#include "labelcoveritem.h"
#include "diagramloader.h"
#include "mastery.h"

#include <QGraphicsRectItem>
#include <QGraphicsSvgItem>
#include <QTimer>
#include <QSvgRenderer>

#include <algorithm>
#include <functional>

namespace k8sfc {

namespace {

int partDepth(const Component *component, const ComponentRegistry &registry)
{
    int depth = 0;
    for (const Component *c = component; c && !c->partOf.isEmpty(); c = registry.component(c->partOf))
        ++depth;
    return depth;
}

// Reading order for Tab and screen readers: rows of boxes top to bottom, left to right within a
// row (rows by the boxes' centres, so boxes of different heights on one row stay together), each
// component followed by its sub-parts in the same order.
QList<ComponentItem *> inReadingOrder(const QList<ComponentItem *> &items, const ComponentRegistry &registry)
{
    auto readingOrder = [](const ComponentItem *a, const ComponentItem *b) {
        const qreal rowA = std::round(a->rect().center().y() / 60), rowB = std::round(b->rect().center().y() / 60);
        return rowA != rowB ? rowA < rowB : a->rect().left() < b->rect().left();
    };
    QList<ComponentItem *> parents, ordered;
    for (ComponentItem *item : items)
        if (registry.component(item->componentId())->partOf.isEmpty())
            parents.append(item);
    std::stable_sort(parents.begin(), parents.end(), readingOrder);
    std::function<void(ComponentItem *)> addWithParts = [&](ComponentItem *parent) {
        ordered.append(parent);
        QList<ComponentItem *> parts;
        for (ComponentItem *item : items)
            if (registry.component(item->componentId())->partOf == parent->componentId() &&
                parent->rect().contains(item->rect().center()))
                parts.append(item);
        std::stable_sort(parts.begin(), parts.end(), readingOrder);
        for (ComponentItem *part : std::as_const(parts))
            addWithParts(part);
    };
    for (ComponentItem *parent : std::as_const(parents))
        addWithParts(parent);
    for (ComponentItem *item : items) // a part drawn outside its parent
        if (!ordered.contains(item))
            ordered.append(item);
    return ordered;
}

// A copy is told apart by the label of the frame drawn around it ("kubelet on Worker node A"),
// else by its id's copy part.
QString copyName(const DiagramElement &e, const Diagram &diagram)
{
    const QString label = diagram.groupLabels.value(e.group);
    return e.parsed.ref.copy.isEmpty() || label.isEmpty() ? e.parsed.ref.copy : label;
}

} // namespace

DiagramScene::DiagramScene(QObject *parent) : QGraphicsScene(parent)
{}

DiagramScene::~DiagramScene()
{
    clearDiagram();
}

void DiagramScene::clearDiagram()
{
    clear();
    m_items.clear();
    m_arrows.clear();
    m_covers.clear();
    m_named.clear();
    m_dim = nullptr;
    m_background = nullptr;
    delete m_renderer;
    m_renderer = nullptr;
}

std::optional<QString> DiagramScene::load(const Diagram &diagram, const ComponentRegistry &registry)
{
    clearDiagram();
    // Never the file: Qt SVG would load the pictures and stylesheets it names (DiagramLoader keeps
    // a copy without them).
    m_renderer = new QSvgRenderer;
    if (!m_renderer->load(diagram.svg))
        return QStringLiteral("%1: Qt could not render this SVG").arg(diagram.file);
    m_title = diagram.title;
    m_svg = diagram.svg;
    m_hiddenArrows.clear();
    addBackground();
    addComponentItems(diagram, registry);
    m_items = inReadingOrder(m_items, registry);

    addArrowItems(diagram, registry);
    // The layer that dims what a walkthrough step does not light.
    m_dim = addRect(m_viewBox.adjusted(-50, -50, 50, 50), Qt::NoPen, QColor(255, 255, 255, 165));
    m_dim->setZValue(15);
    m_dim->setVisible(false);
    addLabelCovers(registry);
    if (!m_selected.isEmpty())
        setSelectedComponent(m_selected);
    return std::nullopt;
}

void DiagramScene::addBackground()
{
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
}

void DiagramScene::addComponentItems(const Diagram &diagram, const ComponentRegistry &registry)
{
    for (const DiagramElement &e : diagram.elements) {
        if (e.parsed.kind != ElementId::Kind::Component || !registry.contains(e.parsed.ref.component))
            continue;
        if (!m_renderer->elementExists(e.id))
            continue;
        const QTransform place = m_renderer->transformForElement(e.id);
        const QRectF drawn = place.mapRect(m_renderer->boundsOnElement(e.id));
        QRectF rect = drawn;
        // Within its box: Qt's bounds of a group with centred text reach far left of it.
        if (const QRectF box = place.mapRect(e.box).adjusted(-2, -2, 2, 2); !e.box.isNull() && rect.intersects(box))
            rect = rect.intersected(box);
        const Component *component = registry.component(e.parsed.ref.component);
        auto *item = new ComponentItem(e.parsed.ref, rect, component->name, component->role, copyName(e, diagram));
        item->setRenderer(m_renderer);
        item->setDrawRect(drawn);
        const QString labelId = QStringLiteral("label.") + e.id;
        if (m_renderer->elementExists(labelId))
            item->setLabelElement(
                m_renderer, labelId,
                m_renderer->transformForElement(labelId).mapRect(m_renderer->boundsOnElement(labelId)));
        // Sub-parts sit above their parent so a click on a chip reaches the chip.
        item->setZValue(1 + partDepth(component, registry));
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
}

// Covers for hidden labels, numbered in reading order; the copies of a component share a number.
// A component without sub-parts is covered whole, so that no icon beside its name (etcd's
// cylinder) gives it away; a parent covers only its name, leaving its parts to be named.
void DiagramScene::addLabelCovers(const ComponentRegistry &registry)
{
    QHash<QString, int> numbers;
    for (ComponentItem *item : std::as_const(m_items)) {
        if (item->labelId().isEmpty())
            continue;
        const QString id = item->componentId();
        const int number = numbers.value(id, int(numbers.size()) + 1);
        numbers.insert(id, number);
        const QRectF rect = registry.partsOf(id).isEmpty() ? item->rect().adjusted(3, 3, -3, -3)
                                                           : item->labelRect().adjusted(-8, -4, 8, 4);
        auto *cover = new LabelCoverItem(item, rect, number);
        cover->setZValue(40);
        cover->setVisible(m_labelsHidden);
        addItem(cover);
        connect(cover, &LabelCoverItem::clicked, this, &DiagramScene::labelCoverClicked);
        m_covers.append(cover);
    }
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

void DiagramScene::setSpotlight(const QStringList &componentRefs, const QStringList &forwardArrows,
                                const QStringList &reverseArrows, bool dimRest)
{
    const bool on = !componentRefs.isEmpty() || !forwardArrows.isEmpty() || !reverseArrows.isEmpty();
    if (m_dim)
        m_dim->setVisible(on && dimRest);
    for (ComponentItem *item : std::as_const(m_items)) {
        const bool lit = componentRefs.contains(item->ref().toString()) || componentRefs.contains(item->componentId());
        item->setLit(lit);
        // Lit items rise above the dimming layer; parts stay above their parents. Without it they
        // keep their place, so a lit parent never covers the parts still to be clicked.
        const qreal base = item->zValue() >= 15 ? item->zValue() - 15 : item->zValue();
        item->setZValue(lit && dimRest ? base + 15 : base);
    }
    bool animate = false;
    for (ArrowItem *arrow : std::as_const(m_arrows)) {
        const ArrowItem::Flow flow = forwardArrows.contains(arrow->id())   ? ArrowItem::Flow::Forward
                                     : reverseArrows.contains(arrow->id()) ? ArrowItem::Flow::Reverse
                                                                           : ArrowItem::Flow::None;
        arrow->setFlow(flow);
        arrow->setZValue(flow == ArrowItem::Flow::None || !dimRest ? kArrowZ : kArrowZ + 10); // lit: above the dimming
        animate = animate || flow != ArrowItem::Flow::None;
    }
    if (!m_animation) {
        m_animation = new QTimer(this);
        m_animation->setInterval(33);
        connect(m_animation, &QTimer::timeout, this, [this] {
            m_phase += 2.5;
            for (ArrowItem *arrow : std::as_const(m_arrows))
                arrow->setPhase(m_phase);
        });
    }
    if (animate)
        m_animation->start();
    else
        m_animation->stop();
}

bool DiagramScene::hasSpotlight() const
{
    return m_dim && m_dim->isVisible();
}

QRectF DiagramScene::refRect(const QString &ref) const
{
    QRectF rect;
    for (ComponentItem *item : m_items)
        if (item->ref().toString() == ref || item->componentId() == ref)
            rect = rect.united(item->rect());
    return rect;
}

void DiagramScene::setLabelsHidden(bool hidden)
{
    m_labelsHidden = hidden;
    m_named.clear();
    for (ArrowItem *arrow : std::as_const(m_arrows))
        arrow->setEndsHidden(hidden);
    for (LabelCoverItem *cover : std::as_const(m_covers)) {
        cover->cover();
        cover->setVisible(hidden);
    }
}

bool DiagramScene::revealLabel(int number)
{
    bool found = false;
    for (LabelCoverItem *cover : std::as_const(m_covers))
        if (cover->number() == number) {
            cover->setVisible(false);
            found = true;
        }
    return found;
}

void DiagramScene::revealAllLabels()
{
    for (LabelCoverItem *cover : std::as_const(m_covers))
        cover->setVisible(false);
}

bool DiagramScene::nameLabel(LabelCoverItem *cover, const QString &given)
{
    const QString id = cover->component()->componentId();
    const bool right = given.trimmed().compare(cover->component()->name(), Qt::CaseInsensitive) == 0;
    if (right)
        m_named.insert(id);
    for (LabelCoverItem *each : std::as_const(m_covers))
        if (each->component()->componentId() == id)
            each->showVerdict(right, given.trimmed());
    return right;
}

void DiagramScene::settleLabelVerdicts()
{
    for (LabelCoverItem *cover : std::as_const(m_covers))
        cover->settle();
}

int DiagramScene::labelsToName() const
{
    QSet<int> numbers;
    for (const LabelCoverItem *cover : m_covers)
        numbers.insert(cover->number());
    return int(numbers.size());
}

QString DiagramScene::labelScore() const
{
    return QStringLiteral("%1 of %2 named").arg(m_named.size()).arg(labelsToName());
}

void DiagramScene::markComponent(const QString &componentId, ComponentItem::Mark mark)
{
    for (ComponentItem *item : std::as_const(m_items))
        if (item->componentId() == componentId)
            item->setMark(mark);
}

void DiagramScene::markAnswer(const QuizAnswer &answer)
{
    if (answer.componentId.isEmpty())
        return;
    markComponent(answer.componentId, ComponentItem::Mark::Right);
    if (!answer.correct && !answer.givenComponentId.isEmpty())
        markComponent(answer.givenComponentId, ComponentItem::Mark::Wrong);
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
        // The fill is the recall of the cards seen and the bar how many were seen: one Good
        // grade out of 39 cards reads as strong but barely covered, not as forgotten.
        const QString detail = it->isUnseen() ? QStringLiteral("Not studied yet (%1 cards)").arg(it->cards)
                                              : QStringLiteral("Recall %1% of the cards seen; %2 of %3 cards seen")
                                                    .arg(qRound(it->meanRecallSeen * 100))
                                                    .arg(it->seen)
                                                    .arg(it->cards);
        item->setMasteryTint(it->isUnseen() ? std::nullopt : std::optional<double>(it->meanRecallSeen), it->isUnseen(),
                             detail);
        item->setCoverage(it->seen, it->cards);
    }
    showArrowMastery(mastery);
}

void DiagramScene::setSelectedComponent(const QString &componentId)
{
    m_selected = componentId;
    for (ComponentItem *item : std::as_const(m_items))
        item->setSelectedComponent(item->componentId() == componentId);
    const QList<ArrowItem *> arrows = arrowItemsFor(componentId);
    for (ArrowItem *arrow : std::as_const(m_arrows))
        arrow->setSelectedArrow(arrows.contains(arrow));
}

} // namespace k8sfc
