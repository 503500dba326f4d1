#pragma once

#include "modebackend.h"
#include "quizanswer.h"
#include "quizconfig.h"
#include "quizform.h"
#include "quizquestion.h"
#include "quizsummary.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace k8sfc {

class Grader;

/// One quiz, from the first question to the summary: the backend of the quiz mode, no widgets.
///
/// Each question's form (quizForms()) judges its answers; the session keeps time and grades.
/// Idle → start() → Asking → answer…() → Answered → next() → Asking … → Finished. The session
/// writes nothing: each answer is emitted, and the app records a review of kind Quiz for answers
/// with a card id. Ratings: the form's (wrong → Again; right after a forgiven typo → Hard; right →
/// Good), at most Hard when slower than half the question's share of the time limit (limit /
/// questions / 2). Without a
/// time limit there is no "slow": a learner who chose an untimed quiz is not marked down for
/// taking their time. When the limit runs out the quiz finishes and the questions left are
/// unanswered, not wrong: a grade the learner never gave would move mastery.
class QuizSession : public ModeBackend
{
    Q_OBJECT
public:
    enum class State { Idle, Asking, Answered, Finished };

    explicit QuizSession(ContentSnapshot content, QObject *parent = nullptr);
    const ContentSet &content() const override { return *m_content; }
    /// New content: the next quiz draws from it. Questions under way are values and stay as they are.
    void setContent(ContentSnapshot content) override;
    /// During a quiz the diagram is the answer sheet: a click is a step of an open question's
    /// answer (activate()) and opens no cards (they would give answers away).
    bool takeDiagramClick(const QString &componentId) override;
    /// Leaving the quiz ends it (open questions stay unanswered) and leaves its results.
    void leave() override
    {
        stop();
        dismiss();
    }

    void setConfig(const QuizConfig &config) { m_config = config; }
    const QuizConfig &config() const { return m_config; }
    /// Component id → mastery in [0, 1], for Scope::Weakest; a component not in the map is unseen.
    void setMastery(const QHash<QString, double> &mastery) { m_mastery = mastery; }
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    /// The forms a quiz draws from and judges with: quizForms() unless a test gives its own.
    void setForms(QList<const QuizForm *> forms) { m_forms = std::move(forms); }

    /// The cards new to the learner and how many of them may still come in today.
    struct NewCards
    {
        QSet<QString> ids;
        int allowed = -1; ///< -1: no limit
    };
    /// Asked when a quiz starts; without it the quiz brings in new cards freely.
    void setNewCardsProvider(std::function<NewCards()> provider) { m_newCards = std::move(provider); }
    /// Today's remaining new-card allowance under `grader`'s settings (the limit less the new
    /// cards already studied since the day began), and the cards of `content` never studied.
    static NewCards newCardsToday(const ContentSet &content, Grader &grader, const QDateTime &now);

    /// Draws the questions and shows the first. Returns why the quiz cannot start, or nothing.
    std::optional<QString> start();
    State state() const { return m_state; }
    bool isFinished() const { return m_state == State::Finished; }
    const QuizQuestion *current() const;
    int position() const { return m_position; }
    int count() const { return int(m_questions.size()); }
    const QList<QuizQuestion> &questions() const { return m_questions; }
    /// Milliseconds left, or -1 without a time limit.
    qint64 remainingMs() const;

    /// Each answers the current question when its form takes that kind of answer and it is still
    /// open, and returns the outcome, also emitted as answered(). Nothing when it does not apply
    /// or the time is up.
    std::optional<QuizAnswer> answerChoice(int option);
    std::optional<QuizAnswer> answerText(const QString &text);
    /// One activation on the diagram (a component or an arrow, by element id) toward the open
    /// question's answer, as its form judged it: a step that completes the answer answers the
    /// question (answered()); one that does not is kept and emitted as stepTaken().
    std::optional<QuizStep> activate(const QString &elementId);
    /// activate(), and the outcome when that answered the question. `componentId` may be a drawn
    /// copy's element id ("kubelet.node-a").
    std::optional<QuizAnswer> answerComponent(const QString &componentId);
    /// From an answered question to the next one, or to the end. False when there is no answer yet.
    bool next();
    /// Ends the quiz now; open questions stay unanswered.
    void stop();
    /// The learner is done with a finished quiz's results: back to Idle, and dismissed().
    void dismiss();
    /// Ends the quiz if its time is up and says so. An internal timer calls it; so do answers and next().
    bool checkTime();
    QuizSummary summary() const;

signals:
    /// After setContent(): the choices a front end offers (decks, components) may have changed.
    void contentReplaced();
    void questionChanged(int position);
    /// Part of an answer given on the diagram, not yet complete.
    void stepTaken(const k8sfc::QuizStep &step);
    void answered(const k8sfc::QuizAnswer &answer);
    void finished(const k8sfc::QuizSummary &summary);
    /// The results were left: what the quiz marked (on the diagram) is stale.
    void dismissed();

private:
    /// The current question's form while the question is open, else null.
    const QuizForm *openForm();
    std::optional<QuizAnswer> take(const std::optional<QuizStep> &step);
    QuizAnswer respond(const QuizStep &step);
    bool isSlow(qint64 ms) const;
    QDateTime deadline() const;
    void show(int position);
    void finish(bool timeUp);

    ContentSnapshot m_content;
    QuizConfig m_config;
    QHash<QString, double> m_mastery;
    std::function<NewCards()> m_newCards;
    QList<const QuizForm *> m_forms;
    std::function<QDateTime()> m_clock = [] { return QDateTime::currentDateTimeUtc(); };
    QList<QuizQuestion> m_questions;
    QList<std::optional<QuizAnswer>> m_answers;
    QStringList m_steps; ///< the current answer's activations so far, while it is not done
    State m_state = State::Idle;
    int m_position = 0;
    QDateTime m_startedAt;
    QDateTime m_shownAt;
    QDateTime m_endedAt; ///< the last answer, or the end of the quiz
    bool m_timedOut = false;
    QTimer m_timer;
};

} // namespace k8sfc
