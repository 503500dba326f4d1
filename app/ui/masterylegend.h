#pragma once

#include <QWidget>

namespace k8sfc {

/// The key to the mastery view, a strip above the diagram while it shows: the colours are the
/// recall of the cards seen, the bar along each box the coverage (the share of its cards seen).
class MasteryLegend : public QWidget
{
    Q_OBJECT
public:
    explicit MasteryLegend(QWidget *parent = nullptr);
    QSize sizeHint() const override;

private:
    static QString title();
    static QString unseenLabel();
    static QString coverageLabel();

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace k8sfc
