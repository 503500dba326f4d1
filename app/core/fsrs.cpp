#include "fsrs.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace k8sfc {

namespace {

constexpr qint64 kSecsPerDay = 86400;
constexpr double kMinutesPerDay = 1440;

FsrsParameters normalized(FsrsParameters p)
{
    p.desiredRetention = std::clamp(p.desiredRetention, FsrsParameters::kMinRetention, FsrsParameters::kMaxRetention);
    p.maximumInterval = std::clamp(p.maximumInterval, 1, int(FsrsModel::kMaxStability));
    // ts-fsrs counts steps in whole minutes; rounding here keeps due times identical to it.
    for (QList<qint64> *steps : {&p.learningStepsSecs, &p.relearningStepsSecs}) {
        for (qint64 &secs : *steps)
            secs = qint64(FsrsModel::roundHalfUp(double(std::max<qint64>(secs, 0)) / 60)) * 60;
    }
    return p;
}

/// A uniform number in [0, 1) that depends only on the card and the review, so that a preview and
/// the grade that follows agree, and so does a replay of the log.
double fuzzFactor(const QString &cardId, const QDateTime &now, int reps)
{
    quint64 h = 0xcbf29ce484222325ULL; // FNV-1a
    for (const QChar c : cardId)
        h = (h ^ c.unicode()) * 0x100000001b3ULL;
    h ^= quint64(now.toMSecsSinceEpoch()) * 0x9e3779b97f4a7c15ULL + quint64(reps);
    // SplitMix64's finaliser spreads neighbouring seeds over the whole range.
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return double(h >> 11) * 0x1.0p-53;
}

void scheduleDays(FsrsCard &card, qint64 days, const QDateTime &now)
{
    card.state = FsrsState::Review;
    card.learningStep = 0;
    card.scheduledDays = days;
    card.due = now.addSecs(days * kSecsPerDay);
}

} // namespace

/// What every grade of one review shares.
struct Fsrs::Review
{
    QDateTime now;
    qint64 elapsedDays = 0;
    double fuzz = 0;
};

Fsrs::Fsrs(FsrsParameters parameters)
    : m_params(normalized(std::move(parameters))),
      m_model(m_params.w, m_params.desiredRetention, m_params.enableShortTerm, int(m_params.relearningStepsSecs.size()))
{
    m_params.w = m_model.weights();
}

void Fsrs::setDayCounter(FsrsDayCounter counter)
{
    m_dayCounter = counter ? std::move(counter) : utcDayCounter();
}

FsrsCard Fsrs::next(const FsrsCard &card, const QDateTime &now, int rating) const
{
    return preview(card, now)[std::clamp(rating, 1, 4) - 1];
}

std::array<FsrsCard, 4> Fsrs::preview(const FsrsCard &card, const QDateTime &now) const
{
    Review review;
    review.now = now.toUTC();
    if (card.state != FsrsState::New && card.lastReview.isValid()) // a review dated earlier counts as the same day
        review.elapsedDays = std::max<qint64>(0, m_dayCounter(card.lastReview, review.now));

    FsrsCard base = card;
    base.reps += 1;
    base.lastReview = review.now;
    base.elapsedDays = review.elapsedDays;
    review.fuzz = fuzzFactor(card.cardId, review.now, base.reps);

    // A New card, or one whose memory was never set, starts from the initial stability and difficulty.
    const bool fresh = card.state == FsrsState::New || card.stability <= 0 || card.difficulty <= 0;
    const FsrsMemory memory{std::max(card.stability, FsrsModel::kMinStability), std::clamp(card.difficulty, 1.0, 10.0)};
    std::array<FsrsCard, 4> cards;
    for (int rating = 1; rating <= 4; ++rating) {
        const FsrsMemory m = fresh ? m_model.initial(rating) : m_model.next(memory, review.elapsedDays, rating);
        FsrsCard &c = cards[rating - 1];
        c = base;
        c.stability = m.stability;
        c.difficulty = m.difficulty;
    }

    if (!m_params.enableShortTerm) {
        scheduleLongTerm(cards, card, review);
    } else if (card.state == FsrsState::Review) {
        scheduleReview(cards, card, review);
    } else {
        const FsrsState stepState = card.state == FsrsState::New ? FsrsState::Learning : card.state;
        for (int rating = 1; rating <= 4; ++rating)
            applyStep(cards[rating - 1], stepFor(card.state, card.learningStep, rating), stepState, review);
    }
    return cards;
}

Fsrs::Step Fsrs::stepFor(FsrsState state, int step, int rating) const
{
    const bool relearning = state == FsrsState::Review || state == FsrsState::Relearning;
    const QList<qint64> &steps = relearning ? m_params.relearningStepsSecs : m_params.learningStepsSecs;
    const int count = int(steps.size());
    step = std::max(step, 0);
    if (count == 0 || step >= count)
        return {};
    const auto minutes = [&steps](int i) { return double(steps.at(i) / 60); };
    if (state == FsrsState::Review) // a lapse: only Again enters relearning
        return rating == 1 ? Step{minutes(step), 0} : Step{};
    switch (rating) {
    case 1: return {minutes(0), 0};
    case 2: {
        // Hard repeats the step, with a delay between the first two steps (ts-fsrs's rule, whatever
        // the current step).
        const double delay = count == 1 ? minutes(0) * 1.5 : (minutes(0) + minutes(1)) / 2;
        return {FsrsModel::roundHalfUp(delay), step};
    }
    case 3:
        if (step + 1 < count && minutes(step + 1) > 0)
            return {minutes(step + 1), step + 1};
        return {};
    default: return {}; // Easy graduates at once
    }
}

void Fsrs::applyStep(FsrsCard &card, const Step &step, FsrsState stepState, const Review &review) const
{
    const QDateTime stepDue = review.now.addSecs(qint64(FsrsModel::roundHalfUp(step.minutes)) * 60);
    if (step.minutes > 0 && step.minutes < kMinutesPerDay) {
        card.state = stepState;
        card.learningStep = step.next;
        card.scheduledDays = 0;
        card.due = stepDue;
    } else if (step.minutes >= kMinutesPerDay) {
        // A step of a day or more already counts as a review, but keeps its place in the steps.
        card.state = FsrsState::Review;
        card.learningStep = step.next;
        card.scheduledDays = qint64(std::floor(step.minutes / kMinutesPerDay));
        card.due = stepDue;
    } else {
        scheduleDays(card, interval(card.stability, review), review.now);
    }
}

qint64 Fsrs::interval(double stability, const Review &review) const
{
    const double days = std::clamp(FsrsModel::roundHalfUp(stability * m_model.intervalModifier()), 1.0,
                                   double(m_params.maximumInterval));
    if (!m_params.enableFuzz || days < 2.5)
        return qint64(days);
    const FuzzRange range = fuzzRange(days, review.elapsedDays, m_params.maximumInterval);
    return qint64(std::floor(review.fuzz * (range.max - range.min + 1) + range.min));
}

void Fsrs::scheduleReview(std::array<FsrsCard, 4> &cards, const FsrsCard &before, const Review &review) const
{
    // Hard never beats Good, and Good and Easy each add at least a day. These bumps come after the
    // maximum interval, so Good and Easy can end one and two days above it, as in ts-fsrs.
    qint64 hard = interval(cards[1].stability, review);
    qint64 good = interval(cards[2].stability, review);
    hard = std::min(hard, good);
    good = std::max(good, hard + 1);
    const qint64 easy = std::max(interval(cards[3].stability, review), good + 1);
    scheduleDays(cards[1], hard, review.now);
    scheduleDays(cards[2], good, review.now);
    scheduleDays(cards[3], easy, review.now);

    applyStep(cards[0], stepFor(FsrsState::Review, before.learningStep, 1), FsrsState::Relearning, review);
    cards[0].lapses += 1;
}

void Fsrs::scheduleLongTerm(std::array<FsrsCard, 4> &cards, const FsrsCard &before, const Review &review) const
{
    std::array<qint64, 4> days;
    for (int i = 0; i < 4; ++i)
        days[i] = interval(cards[i].stability, review);
    days[0] = std::min(days[0], days[1]);
    for (int i = 1; i < 4; ++i)
        days[i] = std::max(days[i], days[i - 1] + 1);
    for (int i = 0; i < 4; ++i)
        scheduleDays(cards[i], days[i], review.now);
    if (before.state != FsrsState::New)
        cards[0].lapses += 1;
}

double Fsrs::retrievability(const FsrsCard &card, const QDateTime &now) const
{
    if (card.state == FsrsState::New || !card.lastReview.isValid() || card.stability <= 0)
        return 0;
    const qint64 days = std::max<qint64>(0, card.lastReview.msecsTo(now) / (kSecsPerDay * 1000));
    return m_model.retrievability(double(days), FsrsModel::round8(card.stability));
}

Fsrs::FuzzRange Fsrs::fuzzRange(double interval, qint64 elapsedDays, int maximumInterval)
{
    struct Band
    {
        double start, end, factor;
    };
    static constexpr Band kBands[] = {
        {2.5, 7, 0.15}, {7, 20, 0.1}, {20, std::numeric_limits<double>::infinity(), 0.05}};
    double delta = 1;
    for (const Band &band : kBands)
        delta += band.factor * std::max(std::min(interval, band.end) - band.start, 0.0);
    interval = std::min(interval, double(maximumInterval));
    FuzzRange range;
    range.max = int(std::min(FsrsModel::roundHalfUp(interval + delta), double(maximumInterval)));
    range.min = int(std::max(2.0, FsrsModel::roundHalfUp(interval - delta)));
    if (interval > double(elapsedDays))
        range.min = int(std::max<qint64>(range.min, elapsedDays + 1));
    range.min = std::min(range.min, range.max);
    return range;
}

} // namespace k8sfc
