#include "quizforms.h"

#include "quizchoiceform.h"
#include "quizdrawform.h"
#include "quizlocateform.h"
#include "quiztraceform.h"
#include "quiztypedform.h"

#include <memory>
#include <vector>

namespace k8sfc {

namespace {

std::vector<std::unique_ptr<const QuizForm>> registered()
{
    // The one list of forms: a new form is one more line here (and its widget in the ui's list).
    std::vector<std::unique_ptr<const QuizForm>> forms;
    forms.push_back(std::make_unique<QuizChoiceForm>());
    forms.push_back(std::make_unique<QuizTypedForm>());
    forms.push_back(std::make_unique<QuizLocateForm>());
    forms.push_back(std::make_unique<QuizTraceForm>());
    forms.push_back(std::make_unique<QuizDrawForm>());
    return forms;
}

} // namespace

const QList<const QuizForm *> &quizForms()
{
    static const std::vector<std::unique_ptr<const QuizForm>> owned = registered();
    static const QList<const QuizForm *> forms = [] {
        QList<const QuizForm *> list;
        for (const auto &form : owned)
            list.append(form.get());
        return list;
    }();
    return forms;
}

const QuizForm *quizForm(QuizQuestion::Form id)
{
    for (const QuizForm *form : quizForms())
        if (form->id() == id)
            return form;
    return nullptr;
}

QList<QuizQuestion::Form> quizFormIds()
{
    QList<QuizQuestion::Form> ids;
    for (const QuizForm *form : quizForms())
        ids.append(form->id());
    return ids;
}

} // namespace k8sfc
