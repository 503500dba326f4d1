#pragma once

#include "quizformwidget.h"

class QLabel;

namespace k8sfc {

/// A form answered by several clicks on the diagram: says what to click, then how the answer
/// stands after each click (QuizStep::progress), told by a symbol and words as well as colour.
class QuizStepsWidget : public QuizFormWidget
{
    Q_OBJECT
public:
    QuizStepsWidget(const QString &hint, QWidget *parent);

    void showQuestion(const QuizQuestion &question) override;
    void showStep(const QuizStep &step) override;
    void showAnswer(const QuizQuestion &question, const QuizAnswer &answer) override;
    bool wantsDiagramClick() const override { return true; }
    QLabel *progressLabel() const { return m_progress; }

private:
    QLabel *m_hint;
    QLabel *m_progress;
};

/// Trace the path.
class QuizTraceWidget : public QuizStepsWidget
{
    Q_OBJECT
public:
    explicit QuizTraceWidget(QWidget *parent = nullptr);
};

/// Draw the arrow.
class QuizDrawWidget : public QuizStepsWidget
{
    Q_OBJECT
public:
    explicit QuizDrawWidget(QWidget *parent = nullptr);
};

} // namespace k8sfc
