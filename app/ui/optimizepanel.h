#pragma once

#include "fsrsfit.h"

#include <QFutureWatcher>
#include <QGroupBox>
#include <QTimer>

#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace k8sfc {

class Grader;

/// Settings → "Optimize for my memory": fits the FSRS weights to the learner's review log on a
/// worker thread (progress bar, Cancel), shows log loss, RMSE and a typical card's next interval
/// before and after, and applies the fit (Apply) or leaves things as they are (Keep current).
/// Apply and Reset to defaults take effect at once, whatever the rest of the dialog does.
class OptimizePanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit OptimizePanel(Grader &grader, QWidget *parent = nullptr);
    /// Cancels a fit still running and waits for it: the worker reads this panel's copy of the log.
    ~OptimizePanel() override;

signals:
    /// The weights changed (applied or reset) and every card's memory was recomputed.
    void weightsChanged();

private:
    struct Run
    {
        std::atomic<qint64> done{0};
        std::atomic<qint64> total{1};
        std::atomic<bool> cancel{false};
    };

    QWidget *buildResultRow();
    /// Reads the log and the saved fit, and shows the counts and what is in use.
    void refresh();
    void start();
    void showProgress();
    void finished();
    void apply();
    void resetToDefaults();
    /// Saves `fit` (nullopt: the defaults), recomputes every card's memory with its weights.
    void change(const std::optional<FittedFsrs> &fit, bool reschedule);
    void showResult(const QString &text);
    void setRunning(bool running);
    void fitWindow();

    Grader &m_grader;
    QList<ReviewEntry> m_log;
    QHash<QString, QDateTime> m_resets;
    int m_reviews = 0;
    std::optional<FittedFsrs> m_saved;
    std::optional<FsrsFitReport> m_report;
    std::shared_ptr<Run> m_run;
    QFutureWatcher<FsrsFitReport> m_watcher;
    QTimer m_poll;

    QLabel *m_status;
    QPushButton *m_optimize;
    QPushButton *m_reset;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_result;
    QWidget *m_resultRow;
    QCheckBox *m_reschedule;
    QPushButton *m_apply;
    QPushButton *m_keep;
};

} // namespace k8sfc
