#pragma once

#include <QWidget>

namespace k8sfc {

struct QuizAnswer;
struct QuizQuestion;
struct QuizStep;

/// The part of the quiz pane one quiz form owns: how its questions take an answer and how the
/// answer is shown. QuizPane keeps the prompt, the feedback line and Next around it, and hosts
/// one of these per form (quizformwidgets.cpp), whichever the current question needs.
class QuizFormWidget : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    // Every form shows the prompt, the feedback and Next around its widget; these add the rest.
    /// A new question of this form: forget the last answer and take input.
    virtual void showQuestion(const QuizQuestion &question) { Q_UNUSED(question); }
    /// Part of an answer given on the diagram, for forms answered in several activations.
    virtual void showStep(const QuizStep &step) { Q_UNUSED(step); }
    /// The question is answered: show what was right and take no more input.
    virtual void showAnswer(const QuizQuestion &question, const QuizAnswer &answer)
    {
        Q_UNUSED(question);
        Q_UNUSED(answer);
    }
    /// True when this form's questions are answered on the diagram.
    virtual bool wantsDiagramClick() const { return false; }

signals:
    void choiceMade(int option);
    void textGiven(const QString &text);
};

} // namespace k8sfc
