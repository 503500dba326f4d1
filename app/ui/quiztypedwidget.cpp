#include "quiztypedwidget.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>

namespace k8sfc {

QuizTypedWidget::QuizTypedWidget(QWidget *parent) : QuizFormWidget(parent), m_field(new QLineEdit(this))
{
    m_field->setObjectName(QStringLiteral("quizAnswer"));
    m_field->setPlaceholderText(QStringLiteral("Type your answer and press Enter"));
    m_field->setAccessibleName(QStringLiteral("Your answer"));
    m_field->setMinimumHeight(36);
    auto *check = new QPushButton(QStringLiteral("Check"), this);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_field, 1);
    row->addWidget(check);
    auto submit = [this] { emit textGiven(m_field->text()); };
    connect(m_field, &QLineEdit::returnPressed, this, submit);
    connect(check, &QPushButton::clicked, this, submit);
}

void QuizTypedWidget::showQuestion(const QuizQuestion &question)
{
    Q_UNUSED(question);
    m_field->clear();
    m_field->setEnabled(true);
    m_field->setFocus();
}

void QuizTypedWidget::showAnswer(const QuizQuestion &question, const QuizAnswer &answer)
{
    Q_UNUSED(question);
    Q_UNUSED(answer);
    m_field->setEnabled(false);
}

void QuizTypedWidget::keyPressEvent(QKeyEvent *event)
{
    // The field passes the Enter that answered on to its parent; the pane must not take it as
    // "next" too.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        return;
    QuizFormWidget::keyPressEvent(event);
}

} // namespace k8sfc
