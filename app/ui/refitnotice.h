#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QStatusBar;

namespace k8sfc {

class MasteryStore;

/// A line in the status bar suggesting to fit FSRS again (FsrsFit::suggestRefit), with a button
/// that opens Settings. Shown once per fit: the store remembers it was.
class RefitNotice : public QWidget
{
    Q_OBJECT
public:
    explicit RefitNotice(MasteryStore &store, QWidget *parent = nullptr);
    /// Shows the suggestion when it is due, and records that it was shown; hides it otherwise.
    /// Returns whether it is shown.
    bool check(const QDateTime &now);
    /// Puts the notice in `bar` when fitting again is due now, and takes it out otherwise.
    void showIn(QStatusBar *bar);

signals:
    void optimizeRequested();

private:
    MasteryStore &m_store;
    QLabel *m_text;
};

} // namespace k8sfc
