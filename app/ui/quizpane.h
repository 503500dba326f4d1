#pragma once

#include <QHash>
#include <QWidget>

#include <functional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTextBrowser;
class QVBoxLayout;

namespace k8sfc {

class QuizSession;
struct QuizAnswer;
struct QuizSummary;

/// The quiz mode's front end: set a quiz up, answer its questions (buttons, a text field, or a
/// click on the diagram), see the summary. QuizSession does the work; the window records the
/// answers as reviews and forwards diagram clicks while a locate question is open.
class QuizPane : public QWidget
{
    Q_OBJECT
public:
    explicit QuizPane(QuizSession *session, QWidget *parent = nullptr);

    /// Mastery per component for "weakest components first", asked for when a quiz starts.
    void setMasteryProvider(std::function<QHash<QString, double>()> provider) { m_mastery = std::move(provider); }

    /// Back to the setup page (a new quiz).
    void showSetup();
    /// True while a locate question waits for a click on the diagram.
    bool wantsDiagramClick() const;

    // For tests and for the window's keyboard handling.
    QPushButton *startButton() const { return m_start; }
    QLineEdit *answerField() const { return m_typed; }
    QList<QPushButton *> optionButtons() const { return m_optionButtons; }
    QPushButton *nextButton() const { return m_next; }
    QLabel *feedbackLabel() const { return m_feedback; }
    QLabel *summaryLabel() const { return m_summary; }
    QSpinBox *lengthBox() const { return m_length; }
    QComboBox *scopeBox() const { return m_scope; }
    QComboBox *timeBox() const { return m_time; }

signals:
    /// Leave the quiz mode.
    void closeRequested();

private:
    QWidget *buildSetup();
    void fillScopes();
    QWidget *buildQuestion();
    QWidget *buildSummary();
    void start();
    void showQuestion();
    void showAnswer(const QuizAnswer &answer);
    void showSummary(const QuizSummary &summary);
    void updateClock();
    void keyPressEvent(QKeyEvent *event) override;

    QuizSession *m_session;
    std::function<QHash<QString, double>()> m_mastery;
    bool m_enterAnswered = false; ///< the Enter that answered a typed question is not also "next"
    QStackedWidget *m_pages;
    // setup
    QSpinBox *m_length = nullptr;
    QComboBox *m_time = nullptr;
    QComboBox *m_scope = nullptr;
    QCheckBox *m_formChoice = nullptr;
    QCheckBox *m_formTyped = nullptr;
    QCheckBox *m_formLocate = nullptr;
    QLabel *m_setupError = nullptr;
    QPushButton *m_start = nullptr;
    // question
    QLabel *m_progress = nullptr;
    QLabel *m_clock = nullptr;
    QTextBrowser *m_prompt = nullptr;
    QWidget *m_options = nullptr;
    QVBoxLayout *m_optionsLayout = nullptr;
    QList<QPushButton *> m_optionButtons;
    QLineEdit *m_typed = nullptr;
    QPushButton *m_submit = nullptr;
    QLabel *m_locateHint = nullptr;
    QLabel *m_feedback = nullptr;
    QPushButton *m_next = nullptr;
    // summary
    QLabel *m_summary = nullptr;
};

} // namespace k8sfc
