#pragma once

#include "quizformwidget.h"

namespace k8sfc {

/// Locate on the diagram: the answer is a click on the diagram, so this only says so.
class QuizLocateWidget : public QuizFormWidget
{
    Q_OBJECT
public:
    explicit QuizLocateWidget(QWidget *parent = nullptr);

    bool wantsDiagramClick() const override { return true; }
};

} // namespace k8sfc
