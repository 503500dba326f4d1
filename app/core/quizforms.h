#pragma once

#include "quizquestion.h"

#include <QList>

namespace k8sfc {

class QuizForm;

/// Every quiz form, in the order a quiz draws from them and the setup lists them.
const QList<const QuizForm *> &quizForms();
/// The registered form with this id, or null.
const QuizForm *quizForm(QuizQuestion::Form id);
/// The ids of every registered form: a quiz asks in all of them unless told otherwise.
QList<QuizQuestion::Form> quizFormIds();

} // namespace k8sfc
