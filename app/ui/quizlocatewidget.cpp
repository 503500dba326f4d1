#include "quizlocatewidget.h"

#include "wrappedlabel.h"

#include <QVBoxLayout>

namespace k8sfc {

QuizLocateWidget::QuizLocateWidget(QWidget *parent) : QuizFormWidget(parent)
{
    auto *hint =
        new WrappedLabel(QStringLiteral("Click the component on the diagram (or Tab to it and press Enter)."), this);
    QFont bold = hint->font();
    bold.setBold(true);
    hint->setFont(bold);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(hint);
}

} // namespace k8sfc
