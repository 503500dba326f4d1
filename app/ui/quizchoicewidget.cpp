#include "quizchoicewidget.h"

#include "quizanswer.h"
#include "quizquestion.h"
#include "theme.h"

#include <QPushButton>
#include <QVBoxLayout>

namespace k8sfc {

QuizChoiceWidget::QuizChoiceWidget(QWidget *parent) : QuizFormWidget(parent), m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
}

void QuizChoiceWidget::showQuestion(const QuizQuestion &q)
{
    qDeleteAll(m_buttons);
    m_buttons.clear();
    for (int i = 0; i < q.options.size(); ++i) {
        auto *button = new QPushButton(QStringLiteral("%1.  %2").arg(i + 1).arg(q.options.at(i)), this);
        button->setObjectName(QStringLiteral("option%1").arg(i + 1));
        button->setStyleSheet(QStringLiteral("text-align: left; padding: 8px;"));
        button->setMinimumHeight(38);
        button->setShortcut(QKeySequence(Qt::Key_1 + i));
        connect(button, &QPushButton::clicked, this, [this, i] { emit choiceMade(i); });
        m_layout->addWidget(button);
        button->show(); // at once, so its number key works before the next event loop turn
        m_buttons.append(button);
    }
}

void QuizChoiceWidget::showAnswer(const QuizQuestion &q, const QuizAnswer &answer)
{
    const QString look = QStringLiteral("text-align: left; padding: 8px; border: 3px solid %1; border-radius: 5px;"
                                        " color: #1B2433; font-weight: bold;");
    for (int i = 0; i < m_buttons.size(); ++i) {
        QPushButton *b = m_buttons.at(i);
        b->setEnabled(false);
        if (i == q.correctOption) {
            b->setText(b->text() + QStringLiteral("   ✓"));
            b->setStyleSheet(look.arg(theme::answerRight().name(QColor::HexRgb).toUpper()));
        } else if (i == answer.chosenOption) {
            b->setText(b->text() + QStringLiteral("   ✗"));
            b->setStyleSheet(look.arg(theme::answerWrong().name(QColor::HexRgb).toUpper()));
        }
    }
}

} // namespace k8sfc
