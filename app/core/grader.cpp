#include "grader.h"

#include "masterystore.h"

#include <cmath>

namespace k8sfc {

Grader::Grader(MasteryStore &store, QObject *parent) : QObject(parent), m_store(store)
{
    setSettings(StudySettings{});
}

void Grader::setSettings(const StudySettings &settings)
{
    m_settings = settings.validated();
    FsrsParameters p;
    p.w = m_weights;
    p.desiredRetention = m_settings.desiredRetention;
    p.maximumInterval = m_settings.maximumIntervalDays;
    p.enableFuzz = m_settings.fuzz;
    m_fsrs = Fsrs(p);
    m_fsrs.setDayCounter(localDayCounter(m_settings.dayStartHour));
}

void Grader::setWeights(const std::array<double, 21> &weights)
{
    m_weights = weights;
    setSettings(m_settings);
}

std::optional<QString> Grader::loadSavedWeights()
{
    const auto fit = m_store.fittedFsrs();
    setWeights(fit && *fit ? (*fit)->weights : FsrsParameters::kDefaultWeights);
    if (!fit)
        return fit.error();
    return std::nullopt;
}

bool Grader::makesLeech(int lapsesBefore, int lapsesAfter)
{
    return lapsesAfter > lapsesBefore && lapsesAfter >= kLeechLapses &&
           (lapsesAfter - kLeechLapses) % (kLeechLapses / 2) == 0;
}

FsrsCard Grader::toFsrs(const CardProgress &p)
{
    FsrsCard card;
    card.cardId = p.cardId;
    card.state = FsrsState(int(p.state));
    card.stability = p.stability.value_or(0);
    card.difficulty = p.difficulty.value_or(0);
    card.due = p.due;
    card.lastReview = p.lastReview;
    card.scheduledDays = p.scheduledDays;
    card.reps = p.reps;
    card.lapses = p.lapses;
    card.learningStep = p.learningStep;
    return card;
}

CardProgress Grader::fromFsrs(const FsrsCard &card, const CardProgress &marks, Rating rating)
{
    CardProgress p = marks; // suspended, flag and leech stay as they were
    p.state = CardState(int(card.state));
    p.stability = card.stability;
    p.difficulty = card.difficulty;
    p.due = card.due;
    p.lastReview = card.lastReview;
    p.scheduledDays = card.scheduledDays;
    p.reps = card.reps;
    p.lapses = card.lapses;
    p.learningStep = card.learningStep;
    p.lastRating = rating;
    return p;
}

std::optional<Grader::Outcome> Grader::grade(const QString &cardId, Rating rating, qint64 durationMs, ReviewKind kind,
                                             const QDateTime &now)
{
    // Grading from a state that could not be read would start the card over as New and overwrite
    // its real schedule.
    Result<CardProgress> before = m_store.progress(cardId);
    if (!before) {
        emit failed(QStringLiteral("Your grade was not recorded: this card's progress could not be read (%1).")
                        .arg(before.error()));
        return std::nullopt;
    }
    Outcome out;
    out.before = std::move(before).value();
    out.rating = rating;
    out.at = now;
    out.after = fromFsrs(m_fsrs.next(toFsrs(out.before), now, int(rating)), out.before, rating);
    out.becameLeech = makesLeech(out.before.lapses, out.after.lapses);
    if (out.becameLeech) {
        out.after.leech = true;
        out.after.suspended = true;
    }
    ReviewEntry entry{0, cardId, now, rating, durationMs, kind};
    entry.stateBefore = out.before.state;
    const auto id = m_store.recordReview(
        entry, out.after, out.becameLeech ? std::optional<CardEvent::Kind>(CardEvent::Kind::Leech) : std::nullopt);
    if (!id) {
        emit failed(QStringLiteral("Your grade could not be saved: %1").arg(id.error()));
        return std::nullopt;
    }
    out.reviewId = *id;
    m_lastJoined = m_batchDepth > 0 && m_batchOpen && !m_undo.isEmpty();
    if (m_lastJoined) {
        m_undo.last().append(out);
    } else {
        m_undo.append({out});
        m_batchOpen = m_batchDepth > 0;
        if (m_undo.size() > kUndoLevels)
            m_undo.removeFirst();
    }
    emit graded(cardId, rating);
    if (out.becameLeech)
        emit leechDetected(cardId);
    return out;
}

std::optional<Grader::Outcome> Grader::undo()
{
    if (m_undo.isEmpty())
        return std::nullopt;
    m_batchOpen = false; // a grade after this starts a step of its own
    QList<Outcome> step = m_undo.takeLast();
    while (!step.isEmpty()) {
        const Outcome last = step.constLast();
        if (auto error = m_store.undoReview(last.reviewId, last.before)) {
            m_undo.append(step); // what is left of the step can be tried again
            emit failed(QStringLiteral("The grade could not be undone: %1").arg(*error));
            return std::nullopt;
        }
        step.removeLast();
        emit undone(last.before.cardId, last.reviewId);
        if (step.isEmpty())
            return last;
    }
    return std::nullopt;
}

Result<std::array<qint64, 4>> Grader::previewIntervalSecs(const QString &cardId, const QDateTime &now) const
{
    const Result<CardProgress> progress = m_store.progress(cardId);
    if (!progress)
        return Failure{progress.error()};
    const auto cards = m_fsrs.preview(toFsrs(*progress), now);
    std::array<qint64, 4> out{};
    for (int i = 0; i < 4; ++i)
        out[i] = std::max<qint64>(0, now.secsTo(cards[i].due));
    return out;
}

double Grader::recall(const CardProgress &progress, const QDateTime &now) const
{
    return recall(m_fsrs, progress, now);
}

double Grader::recall(const Fsrs &fsrs, const CardProgress &progress, const QDateTime &now)
{
    if (progress.isNew())
        return 0.0;
    FsrsCard card; // only what retrievability reads
    card.state = FsrsState(int(progress.state));
    card.stability = progress.stability.value_or(0);
    card.lastReview = progress.lastReview;
    return fsrs.retrievability(card, now);
}

QString Grader::intervalLabel(qint64 seconds)
{
    const double minutes = seconds / 60.0, hours = minutes / 60, days = hours / 24;
    auto number = [](double v) {
        return v < 10 && std::abs(v - std::round(v)) > 0.05 ? QString::number(v, 'f', 1) : QString::number(qRound(v));
    };
    if (minutes < 1)
        return QStringLiteral("<1m");
    if (hours < 1)
        return number(minutes) + u'm';
    if (days < 1)
        return number(hours) + u'h';
    if (days < 30)
        return number(days) + u'd';
    if (days < 365)
        return number(days / 30) + QStringLiteral("mo");
    return number(days / 365) + u'y';
}

} // namespace k8sfc
