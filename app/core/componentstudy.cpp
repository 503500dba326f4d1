#include "componentstudy.h"

#include "content.h"
#include "masterystore.h"

#include <QSet>

#include <algorithm>

namespace k8sfc {

namespace {
// An "Again" card comes back after this many other cards, so it is seen again in the same sitting.
constexpr int kAgainGap = 3;
constexpr int kLastGradesShown = 10;
} // namespace

ComponentStudy::ComponentStudy(ContentSnapshot content, Grader &grader, QObject *parent)
    : StudyMode(std::move(content), grader, parent)
{}

void ComponentStudy::setContent(ContentSnapshot content)
{
    const QString cardId = current() ? current()->id : QString();
    m_queue.clear(); // points into the old snapshot
    m_position = 0;
    replaceContent(std::move(content));
    if (!m_componentId.isEmpty())
        openAt(m_componentId, cardId);
}

void ComponentStudy::reloadProgress()
{
    if (!m_componentId.isEmpty())
        open(m_componentId);
}

void ComponentStudy::open(const QString &componentId)
{
    m_componentId = componentId;
    rebuildQueue();
    refreshProgress();
    showCurrent();
}

void ComponentStudy::openAt(const QString &componentId, const QString &cardId)
{
    m_componentId = componentId;
    rebuildQueue();
    for (qsizetype i = 0; i < m_queue.size(); ++i)
        if (m_queue.at(i)->id == cardId) {
            m_queue.move(i, 0);
            break;
        }
    refreshProgress();
    showCurrent();
}

const Card *ComponentStudy::current() const
{
    return m_position < m_queue.size() ? m_queue.at(m_position) : nullptr;
}

void ComponentStudy::rebuildQueue()
{
    m_queue = content().cardsFor(m_componentId, true);
    QStringList ids;
    for (const Card *card : std::as_const(m_queue))
        ids.append(card->id);
    // Unreadable states show every card as unseen: only grading needs them exact, and it reads them again.
    const auto states = grader().store().progressFor(ids).valueOr({});
    m_queue.removeIf([&](const Card *card) { return states.value(card->id).suspended; });
    // Unseen cards first: those mainly about the component, then those that mention it, then its
    // sub-parts' cards, each in deck order. Seen cards follow, the longest unseen first.
    auto relevance = [this](const Card *card) {
        if (card->components.value(0) == m_componentId)
            return 0;
        return card->components.contains(m_componentId) ? 1 : 2;
    };
    std::stable_sort(m_queue.begin(), m_queue.end(), [&](const Card *a, const Card *b) {
        const QDateTime ta = states.value(a->id).lastReview, tb = states.value(b->id).lastReview;
        if (ta.isValid() != tb.isValid())
            return !ta.isValid();
        if (ta.isValid())
            return ta < tb;
        return relevance(a) < relevance(b);
    });
    m_position = 0;
}

void ComponentStudy::refreshProgress()
{
    // From the cards' states (cached by the store): no query per card, so a click stays within a
    // frame even for a component with hundreds of cards.
    StudyProgress p;
    QStringList ids;
    for (const Card *card : content().cardsFor(m_componentId, true))
        ids.append(card->id);
    p.total = int(ids.size());
    QList<CardProgress> graded;
    for (const CardProgress &state : grader().store().progressFor(ids).valueOr({})) {
        if (state.isNew())
            continue;
        ++p.seen;
        if (state.lastRating && state.lastReview.isValid())
            graded.append(state);
    }
    std::sort(graded.begin(), graded.end(),
              [](const CardProgress &a, const CardProgress &b) { return a.lastReview > b.lastReview; });
    for (qsizetype i = 0; i < graded.size() && i < kLastGradesShown; ++i)
        p.lastGrades.append(*graded.at(i).lastRating);
    m_progress = p;
}

void ComponentStudy::next()
{
    if (m_queue.isEmpty())
        return;
    if (++m_position >= m_queue.size())
        rebuildQueue();
    showCurrent();
}

void ComponentStudy::advance(const Card &graded, const Grader::Outcome &outcome)
{
    if (outcome.rating == Rating::Again && !outcome.after.suspended)
        m_queue.insert(std::min<qsizetype>(m_position + 1 + kAgainGap, m_queue.size()), &graded);
    refreshProgress();
    next();
}

void ComponentStudy::restore(const QString &cardId)
{
    const Card *card = content().card(cardId);
    if (!card)
        return;
    // Drop the "Again" copy queued after it.
    for (qsizetype i = m_position; i < m_queue.size(); ++i)
        if (m_queue.at(i) == card) {
            m_queue.removeAt(i);
            break;
        }
    // The card just graded: step back to it, so the queue is exactly as it was before the grade.
    // A card from further back comes again where we are.
    if (m_position > 0 && m_position <= m_queue.size() && m_queue.at(m_position - 1) == card)
        --m_position;
    else
        m_queue.insert(std::min<qsizetype>(m_position, m_queue.size()), card);
    refreshProgress();
    showCurrent();
}

void ComponentStudy::resync()
{
    refreshProgress();
    emit changed();
}

QString ComponentStudy::heading() const
{
    const ComponentRegistry &registry = content().registry();
    if (const QString arrow = registry.arrowTitle(m_componentId); !arrow.isEmpty())
        return arrow;
    const Component *c = registry.component(m_componentId);
    return c ? c->name : m_componentId;
}

QString ComponentStudy::subheading() const
{
    if (const ArrowRole *arrow = content().registry().arrow(m_componentId))
        return arrow->role;
    const Component *c = content().registry().component(m_componentId);
    return c ? c->role : QString();
}

QString ComponentStudy::positionText() const
{
    const Card *card = current();
    if (!card)
        return {};
    QSet<const Card *> distinct;
    int number = 0;
    for (const Card *queued : std::as_const(m_queue)) {
        if (distinct.contains(queued))
            continue;
        distinct.insert(queued);
        if (queued == card)
            number = int(distinct.size());
    }
    const bool again = m_queue.indexOf(card) < m_position;
    return QStringLiteral("Card %1 of %2%3")
        .arg(number)
        .arg(distinct.size())
        .arg(again ? QStringLiteral(", again") : QString());
}

QString ComponentStudy::emptyText() const
{
    return m_progress.total == 0 ? QStringLiteral("No cards for %1 yet.").arg(heading())
                                 : QStringLiteral("Every card of %1 is suspended.").arg(heading());
}

} // namespace k8sfc
