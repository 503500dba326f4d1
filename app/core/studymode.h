#pragma once

#include "grader.h"
#include "modebackend.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>
#include <functional>
#include <optional>

namespace k8sfc {

struct Card;

/// How far a study mode has got, as values: the card pane words and colours them.
struct StudyProgress
{
    int total = 0;            ///< the mode's cards
    int seen = 0;             ///< cards with at least one review
    QList<Rating> lastGrades; ///< each card's latest grade, newest first
    /// A review counts what it graded since it started, not cards seen.
    std::optional<int> doneThisSession;
};

/// What every card-by-card mode shares: show a card's front, reveal the back, grade it through
/// the Grader. Subclasses decide which card comes next (ComponentStudy: one component's cards;
/// ReviewSession: what is due). The card pane is the front end of either.
class StudyMode : public ModeBackend
{
    Q_OBJECT
public:
    StudyMode(ContentSnapshot content, Grader &grader, QObject *parent = nullptr);

    virtual const Card *current() const = 0;
    // Plain text; the card pane decides how it looks.
    /// Large title and the line under it ("kube-apiserver" and its role; "Review" and the counts).
    virtual QString heading() const = 0;
    virtual QString subheading() const = 0;
    /// "Card 3 of 12" or "14 left today".
    virtual QString positionText() const = 0;
    /// The component the diagram lights for what is on screen (empty: none).
    virtual QString litComponent() const = 0;
    virtual StudyProgress progress() const = 0;
    /// Shown when there is no current card.
    virtual QString emptyText() const = 0;

    bool isRevealed() const { return m_revealed; }
    void reveal();
    /// Grades the current card (it must be revealed); the next card shows at once.
    bool grade(Rating rating);
    /// The interval each grade would give the current card, as button labels ("10m", "3d").
    std::array<QString, 4> intervalLabels() const;

    /// Ignored while this mode's own grade is being stored: advance() brings it up to date then.
    void progressChanged() override;

    Grader &grader() const { return m_grader; }
    const ContentSet &content() const override { return *m_content; }
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); }

signals:
    void changed();

protected:
    /// Called after the grade is stored: move on to the next card.
    virtual void advance(const Card &graded, const Grader::Outcome &outcome) = 0;
    /// A grade of this card was undone: show it again.
    virtual void restore(const QString &cardId) = 0;
    /// Card states changed elsewhere: re-read them, keeping the card on screen if it still belongs.
    virtual void resync() = 0;
    /// Hides the back and restarts the answer timer; emits changed().
    void showCurrent();
    void replaceContent(ContentSnapshot content) { m_content = std::move(content); }

private:
    ContentSnapshot m_content;
    Grader &m_grader;
    bool m_revealed = false;
    bool m_grading = false;
    QSet<qint64> m_myReviews; ///< grades made in this mode, so an undo comes back to it
    QElapsedTimer m_shownFor;
    std::function<QDateTime()> m_clock = [] { return QDateTime::currentDateTimeUtc(); };
};

} // namespace k8sfc
