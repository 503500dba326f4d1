#include "reviewsession.h"

#include "content.h"
#include "masterystore.h"

#include <QLocale>

#include <algorithm>
#include <climits>
#include <limits>
#include <vector>

namespace k8sfc {

namespace {
// One new card after this many reviews, so new material is spread through the session.
constexpr int kReviewsPerNew = 3;

/// Sorts `list` by due time and keeps the first `keep`. Through (msecs, card) pairs: hash lookups
/// inside a comparator cost more than the whole sort at 50,000 cards.
void sortByDue(QList<const Card *> &list, const QHash<const Card *, QDateTime> &due, qsizetype keep)
{
    std::vector<std::pair<qint64, const Card *>> keyed;
    keyed.reserve(list.size());
    for (const Card *card : std::as_const(list))
        keyed.emplace_back(due.value(card).toMSecsSinceEpoch(), card);
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    list.clear();
    for (qsizetype i = 0; i < qsizetype(keyed.size()) && i < keep; ++i)
        list.append(keyed[i].second);
}

/// New cards in the registry's order of their main component (the control plane before the
/// nodes, as a course would go), deck order within one component.
void orderByRegistry(QList<const Card *> &fresh, const ComponentRegistry &registry)
{
    QHash<QString, int> rank;
    for (const Component &c : registry.components())
        rank.insert(c.id, int(rank.size()));
    std::vector<std::pair<int, const Card *>> ranked;
    ranked.reserve(fresh.size());
    for (const Card *card : std::as_const(fresh))
        ranked.emplace_back(rank.value(card->components.value(0), INT_MAX), card);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    fresh.clear();
    for (const auto &[r, card] : ranked)
        fresh.append(card);
}

} // namespace

ReviewSession::ReviewSession(ContentSnapshot content, Grader &grader, QObject *parent)
    : StudyMode(std::move(content), grader, parent)
{
    m_wakeUp.setSingleShot(true);
    connect(&m_wakeUp, &QTimer::timeout, this, [this] {
        if (!m_current) {
            pickNext();
            showCurrent();
        }
    });
}

ReviewSession::Queues ReviewSession::build(const ContentSet &content, Grader &grader, const QDateTime &now,
                                           const QString &componentId)
{
    const StudySettings &settings = grader.settings();
    MasteryStore &store = grader.store();
    const QDateTime dayStart = settings.dayStart(now);
    const QDateTime dayEnd = dayStart.addDays(1);
    const auto doneToday = store.newAndReviewCountSince(dayStart);
    const auto states = store.allProgress();
    if (!doneToday || !states)
        return {}; // nothing can be scheduled without the cards' states (grading is refused too)
    const auto [newDone, reviewsDone] = *doneToday;
    const QHash<QString, CardProgress> &progress = *states;

    QList<const Card *> cards;
    if (componentId.isEmpty()) {
        for (const Deck &deck : content.decks())
            for (const Card &card : deck.cards)
                cards.append(&card);
    } else {
        cards = content.cardsFor(componentId, true);
    }
    Queues q;
    for (const Card *card : std::as_const(cards)) {
        const auto it = progress.constFind(card->id);
        if (it == progress.cend()) {
            q.fresh.append(card);
            continue;
        }
        const CardProgress &p = *it;
        if (p.suspended)
            continue;
        if (p.isNew()) {
            q.fresh.append(card);
        } else if (p.state == CardState::Learning || p.state == CardState::Relearning) {
            if (p.due < dayEnd) {
                q.learning.append(card);
                q.due.insert(card, p.due);
            }
        } else if (p.due < dayEnd) {
            q.review.append(card);
            q.due.insert(card, p.due);
        }
    }
    orderByRegistry(q.fresh, content.registry());
    sortByDue(q.learning, q.due, std::numeric_limits<qsizetype>::max());
    sortByDue(q.review, q.due, std::max(0, settings.reviewsPerDay - reviewsDone));
    q.fresh = q.fresh.mid(0, std::max(0, settings.newCardsPerDay - newDone));
    return q;
}

ReviewSession::Counts ReviewSession::dueToday(const ContentSet &content, Grader &grader, const QDateTime &now,
                                              const QString &componentId)
{
    const Queues q = build(content, grader, now, componentId);
    return Counts{int(q.fresh.size()), int(q.learning.size()), int(q.review.size())};
}

void ReviewSession::setContent(ContentSnapshot content)
{
    m_queues = {}; // points into the old snapshot
    m_current = nullptr;
    replaceContent(std::move(content));
    if (m_started)
        start(m_componentId);
}

void ReviewSession::reloadProgress()
{
    if (m_started)
        start(m_componentId);
}

void ReviewSession::start(const QString &componentId)
{
    m_started = true;
    m_componentId = componentId;
    m_queues = build(content(), grader(), now(), componentId);
    m_current = nullptr;
    m_reviewsSinceNew = 0;
    m_doneThisSession = 0;
    pickNext();
    showCurrent();
}

void ReviewSession::pickNext()
{
    m_current = nullptr;
    const QDateTime t = now();
    auto take = [this](QList<const Card *> &list) {
        m_current = list.takeFirst();
        return true;
    };
    // A learning card whose step is up goes first: its timing is what makes the step work.
    if (!m_queues.learning.isEmpty() && m_queues.due.value(m_queues.learning.first()) <= t)
        take(m_queues.learning);
    else if (!m_queues.review.isEmpty() && (m_queues.fresh.isEmpty() || m_reviewsSinceNew < kReviewsPerNew))
        take(m_queues.review), ++m_reviewsSinceNew;
    else if (!m_queues.fresh.isEmpty())
        take(m_queues.fresh), m_reviewsSinceNew = 0;
    else if (!m_queues.learning.isEmpty() &&
             m_queues.due.value(m_queues.learning.first()) <= t.addSecs(kLearnAheadSecs))
        take(m_queues.learning);
    scheduleWakeUp();
}

void ReviewSession::scheduleWakeUp()
{
    m_wakeUp.stop();
    if (m_current || m_queues.learning.isEmpty())
        return;
    const qint64 ms = now().msecsTo(m_queues.due.value(m_queues.learning.first()).addSecs(-kLearnAheadSecs));
    m_wakeUp.start(int(std::clamp<qint64>(ms, 0, 24LL * 3600 * 1000)));
}

void ReviewSession::insertLearning(const Card *card, const QDateTime &due)
{
    m_queues.due.insert(card, due);
    const auto at = std::upper_bound(m_queues.learning.begin(), m_queues.learning.end(), due,
                                     [this](const QDateTime &d, const Card *c) { return d < m_queues.due.value(c); });
    m_queues.learning.insert(at, card);
}

void ReviewSession::advance(const Card &graded, const Grader::Outcome &outcome)
{
    ++m_doneThisSession;
    const CardProgress &after = outcome.after;
    const bool learning = after.state == CardState::Learning || after.state == CardState::Relearning;
    if (learning && !after.suspended && after.due < grader().settings().dayStart(now()).addDays(1))
        insertLearning(&graded, after.due);
    pickNext();
    showCurrent();
}

void ReviewSession::restore(const QString &cardId)
{
    const Card *card = content().card(cardId);
    if (!card)
        return;
    --m_doneThisSession;
    m_queues.learning.removeAll(card);
    // The card that was showing goes back to the front of the queue it came from.
    if (m_current && m_current != card) {
        const CardProgress p = grader().store().progress(m_current->id).valueOr(CardProgress{m_current->id});
        if (p.isNew())
            m_queues.fresh.prepend(m_current);
        else if (p.state == CardState::Review)
            m_queues.review.prepend(m_current);
        else
            insertLearning(m_current, p.due);
    }
    m_current = card;
    m_wakeUp.stop();
    showCurrent();
}

void ReviewSession::resync()
{
    if (!m_started)
        return;
    const Card *shown = m_current;
    m_queues = build(content(), grader(), now(), m_componentId);
    const qsizetype found =
        m_queues.learning.removeAll(shown) + m_queues.review.removeAll(shown) + m_queues.fresh.removeAll(shown);
    if (shown && found > 0) {
        m_current = shown;
        scheduleWakeUp();
        emit changed(); // the same card, still revealed if it was: only the counts changed
        return;
    }
    pickNext();
    showCurrent();
}

ReviewSession::Counts ReviewSession::remaining() const
{
    Counts c{int(m_queues.fresh.size()), int(m_queues.learning.size()), int(m_queues.review.size())};
    if (m_current) {
        const CardProgress p = grader().store().progress(m_current->id).valueOr(CardProgress{m_current->id});
        (p.isNew() ? c.newCards : p.state == CardState::Review ? c.review : c.learning)++;
    }
    return c;
}

QDateTime ReviewSession::nextLearningDue() const
{
    return m_queues.learning.isEmpty() ? QDateTime() : m_queues.due.value(m_queues.learning.first());
}

QString ReviewSession::heading() const
{
    if (m_componentId.isEmpty())
        return QStringLiteral("Review");
    const Component *c = content().registry().component(m_componentId);
    return QStringLiteral("Review: ") + (c ? c->name : m_componentId);
}

QString ReviewSession::subheading() const
{
    const Counts c = remaining();
    return QStringLiteral("Due today: %1 new, %2 learning, %3 to review").arg(c.newCards).arg(c.learning).arg(c.review);
}

QString ReviewSession::litComponent() const
{
    if (!m_current)
        return {};
    return m_current->components.isEmpty() ? m_current->arrows.value(0) : m_current->components.first();
}

QString ReviewSession::positionText() const
{
    return m_current ? QStringLiteral("%1 left today").arg(remaining().total()) : QString();
}

StudyProgress ReviewSession::progress() const
{
    StudyProgress p;
    p.doneThisSession = m_doneThisSession;
    return p;
}

QString ReviewSession::emptyText() const
{
    const QDateTime next = nextLearningDue();
    if (next.isValid())
        return QStringLiteral("Nothing is due right now. The next learning card is due at %1; it will show here then.")
            .arg(QLocale().toString(next.toLocalTime().time(), QLocale::ShortFormat));
    return m_doneThisSession > 0
               ? QStringLiteral("Congratulations: you have finished today's reviews (%1 cards).").arg(m_doneThisSession)
               : QStringLiteral("Nothing is due today. Click a component on the diagram to study its cards.");
}

} // namespace k8sfc
