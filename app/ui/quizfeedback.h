#pragma once

#include <QWidget>

class QLabel;

namespace k8sfc {

class CardTextView;
class ComponentRegistry;
class ContentSet;
struct QuizAnswer;
struct QuizQuestion;
struct QuizSummary;

/// What the quiz shows after an answer: the verdict, then the card's back and its source link, as
/// Anki and Quizlet do (a verdict alone teaches little). A question about a component with no card
/// shows the component's role. The back is card text, shown through CardTextView like everywhere.
class QuizFeedback : public QWidget
{
    Q_OBJECT
public:
    explicit QuizFeedback(QWidget *parent = nullptr);

    /// Nothing shown: a question is open.
    void clearAnswer();
    void showAnswer(const QuizQuestion *question, const QuizAnswer &answer, const ContentSet &content);

    QLabel *verdictLabel() const { return m_verdict; }
    CardTextView *backView() const { return m_back; }
    QLabel *sourceLabel() const { return m_source; }

private:
    QLabel *m_verdict;
    CardTextView *m_back;
    QLabel *m_source;
};

/// The results page: the score, the time, each missed and each unanswered question with its right
/// answer, the weakest components.
QString quizSummaryHtml(const QuizSummary &summary, const ComponentRegistry &registry);

} // namespace k8sfc
