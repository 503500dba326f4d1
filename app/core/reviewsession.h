#pragma once

#include "studymode.h"

#include <QList>
#include <QTimer>

namespace k8sfc {

/// A review of what is due, across all decks or one component (with its parts): learning cards
/// when their step is up, review cards due today, and new cards up to the daily limits, as Anki
/// orders them. Learning cards due later today wait, and come back on time.
class ReviewSession : public StudyMode
{
    Q_OBJECT
public:
    struct Counts
    {
        int newCards = 0;
        int learning = 0;
        int review = 0;
        int total() const { return newCards + learning + review; }
    };
    /// A learning card may be shown this much before its step is up when nothing else is left.
    static constexpr int kLearnAheadSecs = 20 * 60;

    ReviewSession(ContentSnapshot content, Grader &grader, QObject *parent = nullptr);
    /// A review under way starts again on the new content; one never started stays idle.
    void setContent(ContentSnapshot content) override;
    /// A review under way starts again from the replaced grades.
    void reloadProgress() override;

    /// Builds today's queue. An empty id reviews every deck.
    void start(const QString &componentId = {});
    QString componentId() const { return m_componentId; }
    const Card *current() const override { return m_current; }
    /// What is left of today's queue, the current card included.
    Counts remaining() const;
    /// When the next waiting learning card is due (invalid if none).
    QDateTime nextLearningDue() const;
    /// What a review would hold now, within the daily limits: the status bar's "due today".
    static Counts dueToday(const ContentSet &content, Grader &grader, const QDateTime &now,
                           const QString &componentId = {});

    QString heading() const override;
    QString subheading() const override;
    QString positionText() const override;
    /// The main component of the card on screen.
    QString litComponent() const override;
    /// What was graded since the review started.
    StudyProgress progress() const override;
    QString emptyText() const override;

protected:
    void advance(const Card &graded, const Grader::Outcome &outcome) override;
    void restore(const QString &cardId) override;
    /// Today's queue built again from the cards' states; the card on screen stays while it is due.
    void resync() override;

private:
    struct Queues
    {
        QList<const Card *> learning; ///< by due time
        QList<const Card *> review;   ///< by due time
        QList<const Card *> fresh;    ///< deck order
        QHash<const Card *, QDateTime> due;
    };
    static Queues build(const ContentSet &content, Grader &grader, const QDateTime &now, const QString &componentId);
    void pickNext();
    void insertLearning(const Card *card, const QDateTime &due);
    void scheduleWakeUp();

    QString m_componentId;
    bool m_started = false;
    Queues m_queues;
    const Card *m_current = nullptr;
    int m_reviewsSinceNew = 0;
    int m_doneThisSession = 0;
    QTimer m_wakeUp; ///< shows a waiting learning card when its step is up
};

} // namespace k8sfc
