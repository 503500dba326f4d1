#pragma once

#include "quizquestion.h"

#include <QHash>
#include <QMap>
#include <QWidget>

#include <functional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QLayout;
class QSpinBox;
class QStackedWidget;
class QVBoxLayout;

namespace k8sfc {

class CardTextView;
class QuizFeedback;
class QuizFormWidget;
class QuizSession;
struct QuizAnswer;
struct QuizSummary;

/// The quiz mode's front end: set a quiz up, answer its questions, see the summary. QuizSession
/// does the work; the window records the answers as reviews and forwards diagram clicks. Around
/// the prompt, the feedback and Next, each question shows its form's widget (quizformwidgets.cpp).
class QuizPane : public QWidget
{
    Q_OBJECT
public:
    explicit QuizPane(QuizSession *session, QWidget *parent = nullptr);

    /// Mastery per component for "weakest components first", asked for when a quiz starts.
    void setMasteryProvider(std::function<QHash<QString, double>()> provider) { m_mastery = std::move(provider); }

    /// Back to the setup page (a new quiz).
    void showSetup();
    /// True while a question answered on the diagram waits for a click there.
    bool wantsDiagramClick() const;

    // For tests and for the window's keyboard handling.
    QPushButton *startButton() const { return m_start; }
    /// The typed answer's field (null before the first typed question).
    QLineEdit *answerField() const;
    /// The current multiple-choice question's options, in order.
    QList<QPushButton *> optionButtons() const;
    QPushButton *nextButton() const { return m_next; }
    QLabel *feedbackLabel() const;
    /// After an answer: the card's back (or the located component's role) and its source link.
    CardTextView *backView() const;
    QLabel *sourceLabel() const;
    /// Narrows the About list to the decks and components whose name contains its text.
    QLineEdit *scopeFilter() const { return m_scopeFilter; }
    QLabel *summaryLabel() const { return m_summary; }
    QSpinBox *lengthBox() const { return m_length; }
    QComboBox *scopeBox() const { return m_scope; }
    QComboBox *timeBox() const { return m_time; }

signals:
    /// Leave the quiz mode.
    void closeRequested();

private:
    QWidget *buildSetup();
    QLayout *buildScopeRow();
    void fillScopes();
    QWidget *buildQuestion();
    QWidget *buildSummary();
    void start();
    void showQuestion();
    QuizFormWidget *formWidget(QuizQuestion::Form form);
    void showAnswer(const QuizAnswer &answer);
    /// "Next" or, on the last question, "See results".
    void setNextLabel();
    void showSummary(const QuizSummary &summary);
    void updateClock();
    void keyPressEvent(QKeyEvent *event) override;

    QuizSession *m_session;
    std::function<QHash<QString, double>()> m_mastery;
    QStackedWidget *m_pages;
    // setup
    QSpinBox *m_length = nullptr;
    QComboBox *m_time = nullptr;
    QComboBox *m_scope = nullptr;
    QLineEdit *m_scopeFilter = nullptr;
    QList<std::pair<QuizQuestion::Form, QCheckBox *>> m_formBoxes;
    QLabel *m_setupError = nullptr;
    QPushButton *m_start = nullptr;
    // question
    QLabel *m_progress = nullptr;
    QLabel *m_clock = nullptr;
    CardTextView *m_prompt = nullptr;
    QVBoxLayout *m_formArea = nullptr;
    QMap<QuizQuestion::Form, QuizFormWidget *> m_formWidgets; ///< made when a form is first asked
    QuizFormWidget *m_form = nullptr;                         ///< the current question's
    QuizFeedback *m_feedback = nullptr;
    QPushButton *m_next = nullptr;
    // summary
    QLabel *m_summary = nullptr;
};

} // namespace k8sfc
