#pragma once

#include "fsrs.h"
#include "result.h"
#include "review.h"
#include "studysettings.h"

#include <QObject>
#include <array>
#include <optional>

namespace k8sfc {

class MasteryStore;

/// Grades cards for every study mode: schedules with FSRS, writes the review and the new state to
/// the store in one transaction, spots leeches, and keeps the undo stack (Ctrl+Z, several levels).
class Grader : public QObject
{
    Q_OBJECT
public:
    /// Anki's leech threshold: a card that lapses this often is suspended and tagged.
    static constexpr int kLeechLapses = 8;
    static constexpr int kUndoLevels = 50;

    struct Outcome
    {
        qint64 reviewId = 0;
        CardProgress before;
        CardProgress after;
        Rating rating = Rating::Good;
        QDateTime at;
        bool becameLeech = false;
    };

    explicit Grader(MasteryStore &store, QObject *parent = nullptr);

    /// Desired retention, maximum interval, fuzz and the day start take effect for the next grade.
    void setSettings(const StudySettings &settings);
    const StudySettings &settings() const { return m_settings; }
    /// The FSRS weights the next grade uses: those fitted to the learner, or the defaults.
    void setWeights(const std::array<double, 21> &weights);
    /// Takes the weights saved in the store (the defaults when none are); returns why they could
    /// not be read, in which case the defaults are used.
    std::optional<QString> loadSavedWeights();
    const std::array<double, 21> &weights() const { return m_weights; }
    const Fsrs &scheduler() const { return m_fsrs; }
    MasteryStore &store() const { return m_store; }

    /// Records a grade. Returns nullopt (and emits failed) when the card's state cannot be read,
    /// writing nothing, or when the store refuses the write.
    std::optional<Outcome> grade(const QString &cardId, Rating rating, qint64 durationMs, ReviewKind kind,
                                 const QDateTime &now);
    /// What each grade would do now: the time until the card is due again, Again first. Fails when
    /// the card's state cannot be read.
    Result<std::array<qint64, 4>> previewIntervalSecs(const QString &cardId, const QDateTime &now) const;
    /// Predicted recall now (FSRS retrievability), 0 for a card never reviewed.
    double recall(const CardProgress &progress, const QDateTime &now) const;
    /// The same with a given scheduler: for work on another thread, with a copy of scheduler().
    static double recall(const Fsrs &fsrs, const CardProgress &progress, const QDateTime &now);

    /// Grades made while a Batch lives are one step of the undo stack: a path traced in the quiz,
    /// or an RBAC lab answer, grades every card it exercises, and one Ctrl+Z takes all of it back.
    class Batch
    {
    public:
        explicit Batch(Grader &grader) : m_grader(grader)
        {
            if (m_grader.m_batchDepth++ == 0)
                m_grader.m_batchOpen = false;
        }
        ~Batch() { --m_grader.m_batchDepth; }
        Batch(const Batch &) = delete;
        Batch &operator=(const Batch &) = delete;

    private:
        Grader &m_grader;
    };
    /// True while the latest grade joined the step of the one before it (inside a Batch).
    bool lastGradeJoinedStep() const { return m_lastJoined; }

    bool canUndo() const { return !m_undo.isEmpty(); }
    /// Forgets the undo stack (after a restore replaced the data it refers to).
    void clearUndo() { m_undo.clear(); }
    /// Takes back the last step: each grade of it, newest first, removing its log entry and
    /// restoring the card's exact prior state. Returns the step's first grade.
    std::optional<Outcome> undo();

    /// True when a review that took a card from `lapsesBefore` to `lapsesAfter` lapses makes it a
    /// leech: at the 8th lapse, and again at every 4 more, as Anki does.
    static bool makesLeech(int lapsesBefore, int lapsesAfter);
    static FsrsCard toFsrs(const CardProgress &progress);
    static CardProgress fromFsrs(const FsrsCard &card, const CardProgress &marks, Rating rating);
    /// "10m", "4d", "3.2mo", "1.5y": the way Anki labels intervals on its buttons.
    static QString intervalLabel(qint64 seconds);

signals:
    void graded(const QString &cardId, k8sfc::Rating rating);
    void undone(const QString &cardId, qint64 reviewId);
    void leechDetected(const QString &cardId);
    void failed(const QString &message);

private:
    MasteryStore &m_store;
    StudySettings m_settings;
    std::array<double, 21> m_weights = FsrsParameters::kDefaultWeights;
    Fsrs m_fsrs;
    QList<QList<Outcome>> m_undo; // steps, each one grade or a Batch of them
    int m_batchDepth = 0;
    bool m_batchOpen = false; // a step of the current Batch is on the stack
    bool m_lastJoined = false;
};

} // namespace k8sfc
