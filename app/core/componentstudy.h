#pragma once

#include "masterystore.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <functional>

namespace k8sfc {

class ContentSet;
struct Card;

/// Studying one component's cards, one at a time: show the front, reveal the back, grade 1-4.
/// The backend of the card pane; it knows nothing of widgets. Each grade is written to the store
/// before grade() returns.
class ComponentStudy : public QObject
{
    Q_OBJECT
public:
    struct Progress
    {
        int total = 0;
        int seen = 0;             ///< cards with at least one review
        QList<Rating> lastGrades; ///< newest first, across this component's cards
    };

    ComponentStudy(const ContentSet &content, MasteryStore &store, QObject *parent = nullptr);

    /// Opens the cards of a component and of its sub-parts; unseen cards first, then the
    /// longest unseen.
    void open(const QString &componentId);
    QString componentId() const { return m_componentId; }
    const Card *current() const;
    int position() const { return m_position; }
    int queueSize() const { return int(m_queue.size()); }
    bool isRevealed() const { return m_revealed; }
    Progress progress() const { return m_progress; }

    void reveal();
    /// Records the grade for the current card (it must be revealed) and moves to the next card.
    bool grade(Rating rating);
    /// Skips to the next card without grading.
    void next();

    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    /// The state a card moves to on a grade, before FSRS sets stability, difficulty and due.
    static CardProgress advance(const CardProgress &before, Rating rating, const QDateTime &at);

signals:
    void changed();
    void graded(const QString &cardId, k8sfc::Rating rating);
    void failed(const QString &message);

private:
    void rebuildQueue();
    void refreshProgress();
    void showCurrent();

    const ContentSet &m_content;
    MasteryStore &m_store;
    QString m_componentId;
    QList<const Card *> m_queue;
    int m_position = 0;
    bool m_revealed = false;
    Progress m_progress;
    QElapsedTimer m_shownFor;
    std::function<QDateTime()> m_clock = [] { return QDateTime::currentDateTimeUtc(); };
};

} // namespace k8sfc
