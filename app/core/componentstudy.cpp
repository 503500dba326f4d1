#include "componentstudy.h"

#include "content.h"

#include <algorithm>

namespace k8sfc {

namespace {
// An "Again" card comes back after this many other cards, so it is seen again in the same sitting.
constexpr int kAgainGap = 3;
constexpr int kLastGradesShown = 10;
} // namespace

ComponentStudy::ComponentStudy(const ContentSet &content, MasteryStore &store, QObject *parent)
    : QObject(parent), m_content(content), m_store(store)
{}

void ComponentStudy::open(const QString &componentId)
{
    m_componentId = componentId;
    rebuildQueue();
    refreshProgress();
    showCurrent();
}

const Card *ComponentStudy::current() const
{
    return m_position < m_queue.size() ? m_queue.at(m_position) : nullptr;
}

void ComponentStudy::rebuildQueue()
{
    m_queue = m_content.cardsFor(m_componentId, true);
    QStringList ids;
    for (const Card *card : std::as_const(m_queue))
        ids.append(card->id);
    const auto states = m_store.progressFor(ids);
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
    Progress p;
    p.total = int(m_queue.size());
    QList<ReviewEntry> recent;
    for (const Card *card : std::as_const(m_queue)) {
        const QList<ReviewEntry> log = m_store.reviews(card->id, kLastGradesShown);
        if (!log.isEmpty())
            ++p.seen;
        recent += log;
    }
    std::sort(recent.begin(), recent.end(), [](const ReviewEntry &a, const ReviewEntry &b) {
        return a.reviewedAt != b.reviewedAt ? a.reviewedAt > b.reviewedAt : a.id > b.id;
    });
    for (qsizetype i = 0; i < recent.size() && i < kLastGradesShown; ++i)
        p.lastGrades.append(recent.at(i).rating);
    m_progress = p;
}

void ComponentStudy::showCurrent()
{
    m_revealed = false;
    m_shownFor.start();
    emit changed();
}

void ComponentStudy::reveal()
{
    if (!current() || m_revealed)
        return;
    m_revealed = true;
    emit changed();
}

void ComponentStudy::next()
{
    if (m_queue.isEmpty())
        return;
    if (++m_position >= m_queue.size())
        rebuildQueue();
    showCurrent();
}

CardProgress ComponentStudy::advance(const CardProgress &before, Rating rating, const QDateTime &at)
{
    CardProgress after = before;
    after.reps = before.reps + 1;
    after.lastReview = at;
    after.lastRating = rating;
    const bool pass = rating != Rating::Again;
    switch (before.state) {
    case CardState::New: after.state = rating == Rating::Easy ? CardState::Review : CardState::Learning; break;
    case CardState::Learning:
    case CardState::Relearning:
        after.state = (rating == Rating::Good || rating == Rating::Easy) ? CardState::Review : before.state;
        break;
    case CardState::Review:
        if (!pass) {
            after.state = CardState::Relearning;
            after.lapses = before.lapses + 1;
        }
        break;
    }
    return after;
}

bool ComponentStudy::grade(Rating rating)
{
    const Card *card = current();
    if (!card || !m_revealed)
        return false;
    const QDateTime at = m_clock();
    const CardProgress before = m_store.progress(card->id);
    ReviewEntry entry{0, card->id, at, rating, m_shownFor.elapsed(), ReviewKind::Study};
    entry.stateBefore = before.state;
    if (!m_store.recordReview(entry, advance(before, rating, at))) {
        emit failed(QStringLiteral("Your grade could not be saved: %1").arg(m_store.lastError()));
        return false;
    }
    emit graded(card->id, rating);
    if (rating == Rating::Again)
        m_queue.insert(std::min<qsizetype>(m_position + 1 + kAgainGap, m_queue.size()), card);
    refreshProgress();
    m_progress.total = int(m_content.cardsFor(m_componentId, true).size());
    next();
    return true;
}

} // namespace k8sfc
