#include "quizformwidgets.h"

#include "quizchoicewidget.h"
#include "quizlocatewidget.h"
#include "quizstepswidget.h"
#include "quiztypedwidget.h"

#include <utility>

namespace k8sfc {

namespace {

template <typename W>
QuizFormWidget *make(QWidget *parent)
{
    return new W(parent);
}

} // namespace

QuizFormWidget *createQuizFormWidget(QuizQuestion::Form id, QWidget *parent)
{
    // The one list of form widgets, next to quizForms() in the core: a new form is one more line.
    using Factory = QuizFormWidget *(*)(QWidget *);
    static const std::pair<QuizQuestion::Form, Factory> widgets[] = {
        {QuizQuestion::Form::MultipleChoice, &make<QuizChoiceWidget>},
        {QuizQuestion::Form::Typed, &make<QuizTypedWidget>},
        {QuizQuestion::Form::Locate, &make<QuizLocateWidget>},
        {QuizQuestion::Form::Trace, &make<QuizTraceWidget>},
        {QuizQuestion::Form::DrawArrow, &make<QuizDrawWidget>},
    };
    for (const auto &[form, factory] : widgets)
        if (form == id)
            return factory(parent);
    return nullptr;
}

} // namespace k8sfc
