#pragma once

#include "quizformwidget.h"

class QLineEdit;

namespace k8sfc {

/// Typed answer: a text field and Check; Enter checks.
class QuizTypedWidget : public QuizFormWidget
{
    Q_OBJECT
public:
    explicit QuizTypedWidget(QWidget *parent = nullptr);

    void showQuestion(const QuizQuestion &question) override;
    void showAnswer(const QuizQuestion &question, const QuizAnswer &answer) override;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QLineEdit *m_field;
};

} // namespace k8sfc
