#pragma once

#include <QHash>
#include <QLabel>

namespace k8sfc {

/// A word-wrapped label that remembers its height for each width. QLabel lays its whole text out
/// again on every heightForWidth() call, and layouts ask many times per resize (the start-up
/// profile showed 96 such layouts, a quarter of the instructions to the first frame). The cache
/// is dropped when the text, font or style changes.
class WrappedLabel : public QLabel
{
public:
    explicit WrappedLabel(QWidget *parent = nullptr);
    explicit WrappedLabel(const QString &text, QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    mutable QHash<int, int> m_heights;
    mutable QString m_heightsText;
};

} // namespace k8sfc
