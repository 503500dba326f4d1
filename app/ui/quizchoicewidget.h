#pragma once

#include "quizformwidget.h"

#include <QList>

class QPushButton;
class QVBoxLayout;

namespace k8sfc {

/// Multiple choice: one button per option, numbered, with keys 1, 2, 3…; once answered the right
/// option is ticked and a wrong choice crossed, in colour and with a symbol.
class QuizChoiceWidget : public QuizFormWidget
{
    Q_OBJECT
public:
    explicit QuizChoiceWidget(QWidget *parent = nullptr);

    void showQuestion(const QuizQuestion &question) override;
    void showAnswer(const QuizQuestion &question, const QuizAnswer &answer) override;

private:
    QVBoxLayout *m_layout;
    QList<QPushButton *> m_buttons;
};

} // namespace k8sfc
