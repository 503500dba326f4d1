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
    bool hasHeightForWidth() const override { return true; }
    /// Rows wrap on a narrow window, so no entry is cut off.
    int heightForWidth(int width) const override;
    /// Where the title and each entry (swatch and label) go at `width`, in drawing order.
    QList<QRect> itemRects(int width) const;

private:
    struct Entry
    {
        QString label;
        int kind; ///< a mastery class, or one of the special swatches
    };
    QList<Entry> entries() const;
    int rowHeight() const;

    static QString title();
    static QString unseenLabel();
    static QString coverageLabel();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
};

} // namespace k8sfc
