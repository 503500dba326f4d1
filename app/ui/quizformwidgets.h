#pragma once

#include "quizquestion.h"

class QWidget;

namespace k8sfc {

class QuizFormWidget;

/// The widget of the form `id` (one per form in quizForms()), or null for a form without one.
QuizFormWidget *createQuizFormWidget(QuizQuestion::Form id, QWidget *parent = nullptr);

} // namespace k8sfc
