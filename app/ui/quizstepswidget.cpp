#include "quizstepswidget.h"

#include "quizanswer.h"
#include "quizform.h"
#include "quizquestion.h"
#include "theme.h"
#include "wrappedlabel.h"

#include <QVBoxLayout>

namespace k8sfc {

QuizStepsWidget::QuizStepsWidget(const QString &hint, QWidget *parent) : QuizFormWidget(parent)
{
    m_hint = new WrappedLabel(hint, this);
    QFont bold = m_hint->font();
    bold.setBold(true);
    m_hint->setFont(bold);
    m_progress = new WrappedLabel(this);
    m_progress->setObjectName(QStringLiteral("quizProgressOnDiagram"));
    m_progress->setAccessibleName(QStringLiteral("Answer so far"));
    m_progress->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_hint);
    layout->addWidget(m_progress);
}

void QuizStepsWidget::showQuestion(const QuizQuestion &question)
{
    Q_UNUSED(question);
    m_hint->show();
    m_progress->clear();
    m_progress->setStyleSheet(QString());
}

void QuizStepsWidget::showStep(const QuizStep &step)
{
    m_progress->setText(step.progress);
    const QColor colour = step.correct ? palette().color(QPalette::WindowText) : theme::answerWrong();
    m_progress->setStyleSheet(QStringLiteral("color: %1").arg(colour.name()));
}

void QuizStepsWidget::showAnswer(const QuizQuestion &question, const QuizAnswer &answer)
{
    Q_UNUSED(question);
    Q_UNUSED(answer);
    m_hint->hide(); // the feedback below says the rest
    m_progress->clear();
}

QuizTraceWidget::QuizTraceWidget(QWidget *parent)
    : QuizStepsWidget(QStringLiteral("Click on the diagram, step by step (or Tab to a component or arrow and press "
                                     "Enter). Within a step, any order."),
                      parent)
{}

QuizDrawWidget::QuizDrawWidget(QWidget *parent)
    : QuizStepsWidget(QStringLiteral("Click the component that opens the connection, then the one it connects to "
                                     "(or Tab to each and press Enter)."),
                      parent)
{}

} // namespace k8sfc
