#pragma once

#include <QWidget>

namespace k8sfc {

/// The key to the mastery colours: a strip above the diagram while they show.
class MasteryLegend : public QWidget
{
    Q_OBJECT
public:
    explicit MasteryLegend(QWidget *parent = nullptr);
    QSize sizeHint() const override;

private:
    static QString title();
    static QString unseenLabel();

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace k8sfc
