#include "optimizepanel.h"

#include "grader.h"
#include "masterystore.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace k8sfc {

namespace {

QString days(int n)
{
    return n == 1 ? QStringLiteral("1 day") : QStringLiteral("%1 days").arg(n);
}

QString figures(const FsrsFitReport &r, int intervalBefore, int intervalAfter)
{
    const QLocale c = QLocale::c();
    return QStringLiteral("Fitted to %1 reviews. Log loss %2 → %3, RMSE %4 % → %5 % (lower is better).\nA card "
                          "answered Good, then Good again when due, would next come back in %6 (now %7).")
        .arg(r.reviewCount)
        .arg(c.toString(r.before.logLoss, 'f', 4), c.toString(r.after.logLoss, 'f', 4),
             c.toString(r.before.rmseBins * 100, 'f', 2), c.toString(r.after.rmseBins * 100, 'f', 2),
             days(intervalAfter), days(intervalBefore));
}

} // namespace

OptimizePanel::OptimizePanel(Grader &grader, QWidget *parent)
    : QGroupBox(QStringLiteral("FSRS parameters"), parent), m_grader(grader)
{
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_optimize = new QPushButton(QStringLiteral("&Optimize for my memory"));
    m_reset = new QPushButton(QStringLiteral("Reset to &defaults"));
    m_progress = new QProgressBar;
    m_progress->setAccessibleName(QStringLiteral("Fitting progress"));
    m_cancel = new QPushButton(QStringLiteral("Cancel"));
    m_result = new QLabel;
    m_result->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_optimize);
    buttons->addWidget(m_reset);
    buttons->addStretch();
    auto *running = new QHBoxLayout;
    running->addWidget(m_progress, 1);
    running->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    layout->addLayout(running);
    layout->addWidget(m_result);
    layout->addWidget(buildResultRow());
    connect(m_optimize, &QPushButton::clicked, this, &OptimizePanel::start);
    connect(m_reset, &QPushButton::clicked, this, &OptimizePanel::resetToDefaults);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_run)
            m_run->cancel = true;
    });
    connect(&m_watcher, &QFutureWatcher<FsrsFitReport>::finished, this, &OptimizePanel::finished);
    connect(&m_poll, &QTimer::timeout, this, &OptimizePanel::showProgress);
    m_poll.setInterval(100);
    // Enter in the settings above means OK, never "start a fit" or "apply".
    for (QPushButton *b : findChildren<QPushButton *>())
        b->setAutoDefault(false);
    m_result->hide();
    m_resultRow->hide();
    setRunning(false);
    refresh();
}

OptimizePanel::~OptimizePanel()
{
    if (m_run)
        m_run->cancel = true;
    m_watcher.waitForFinished();
}

QWidget *OptimizePanel::buildResultRow()
{
    m_resultRow = new QWidget;
    m_reschedule = new QCheckBox(QStringLiteral("Resc&hedule cards"));
    m_reschedule->setToolTip(QStringLiteral("Also move every card's due date to what the new parameters give. "
                                            "Unticked, due dates stay as they are and change at the next review."));
    m_apply = new QPushButton(QStringLiteral("&Apply"));
    m_keep = new QPushButton(QStringLiteral("&Keep current"));
    auto *row = new QHBoxLayout(m_resultRow);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_reschedule);
    row->addStretch();
    row->addWidget(m_apply);
    row->addWidget(m_keep);
    connect(m_apply, &QPushButton::clicked, this, &OptimizePanel::apply);
    connect(m_keep, &QPushButton::clicked, this, [this] {
        m_report.reset();
        m_resultRow->hide();
        showResult(QStringLiteral("The current parameters were kept."));
    });
    return m_resultRow;
}

void OptimizePanel::refresh()
{
    MasteryStore &store = m_grader.store();
    const auto log = store.allReviews();
    const auto resets = store.lastResets();
    const auto saved = store.fittedFsrs();
    if (!log || !resets || !saved) {
        m_status->setText(QStringLiteral("Your review history could not be read (%1), so nothing can be fitted.")
                              .arg(!log      ? log.error()
                                   : !resets ? resets.error()
                                             : saved.error()));
        m_optimize->setEnabled(false);
        m_reset->setEnabled(false);
        return;
    }
    m_log = *log;
    m_resets = *resets;
    m_saved = *saved;
    m_reviews = FsrsFit::countingReviews(m_log, m_resets);
    const int missing = FsrsFit::kMinReviews - m_reviews;
    QString text = missing > 0 ? QStringLiteral("You have made %1 reviews; fitting needs at least %2. Make %3 more.")
                                     .arg(m_reviews)
                                     .arg(FsrsFit::kMinReviews)
                                     .arg(missing)
                               : QStringLiteral("You have made %1 reviews; fitting needs at least %2.")
                                     .arg(m_reviews)
                                     .arg(FsrsFit::kMinReviews);
    text += m_saved ? QStringLiteral("\nScheduling uses parameters fitted on %1 to %2 reviews.")
                          .arg(QLocale().toString(m_saved->fittedAt.toLocalTime().date(), QLocale::LongFormat))
                          .arg(m_saved->reviewCount)
                    : QStringLiteral("\nScheduling uses the default FSRS-6 parameters.");
    m_status->setText(text);
    m_optimize->setEnabled(missing <= 0 && !m_run);
    m_reset->setEnabled(m_saved.has_value() && !m_run);
}

void OptimizePanel::start()
{
    m_report.reset();
    m_result->hide();
    m_resultRow->hide();
    m_run = std::make_shared<Run>();
    setRunning(true);
    // The worker gets copies and the shared counters only: nothing it touches belongs to the UI.
    const std::shared_ptr<Run> run = m_run;
    const QList<ReviewEntry> log = m_log;
    const QHash<QString, QDateTime> resets = m_resets;
    const int dayStart = m_grader.settings().dayStartHour;
    const std::array<double, 21> current = m_grader.weights();
    m_watcher.setFuture(QtConcurrent::run([run, log, resets, dayStart, current] {
        return FsrsFit::run(log, resets, dayStart, current, [run](qint64 done, qint64 total) {
            run->done = done;
            run->total = std::max<qint64>(total, 1);
            return !run->cancel;
        });
    }));
    m_poll.start();
}

void OptimizePanel::showProgress()
{
    if (!m_run)
        return;
    m_progress->setValue(int(1000 * m_run->done / m_run->total));
}

void OptimizePanel::finished()
{
    m_poll.stop();
    const FsrsFitReport report = m_watcher.result();
    m_run.reset();
    setRunning(false);
    refresh();
    switch (report.outcome) {
    case FsrsOptimizer::Outcome::Cancelled: showResult(QStringLiteral("Cancelled: nothing was changed.")); return;
    case FsrsOptimizer::Outcome::NotEnoughData:
        showResult(QStringLiteral("Too few of your reviews came on a later day than the card's review before, so "
                                  "nothing could be fitted yet. Keep studying and try again."));
        return;
    case FsrsOptimizer::Outcome::Fitted: break;
    }
    m_report = report;
    const StudySettings &s = m_grader.settings();
    showResult(figures(report,
                       FsrsFit::typicalIntervalDays(m_grader.weights(), s.desiredRetention, s.maximumIntervalDays),
                       FsrsFit::typicalIntervalDays(report.weights, s.desiredRetention, s.maximumIntervalDays)));
    m_resultRow->show();
}

void OptimizePanel::apply()
{
    if (!m_report)
        return;
    FittedFsrs fit;
    fit.weights = m_report->weights;
    fit.fittedAt = QDateTime::currentDateTimeUtc();
    fit.reviewCount = m_report->reviewCount;
    m_report.reset();
    m_resultRow->hide();
    change(fit, m_reschedule->isChecked());
}

void OptimizePanel::resetToDefaults()
{
    m_report.reset();
    m_resultRow->hide();
    change(std::nullopt, false);
}

void OptimizePanel::change(const std::optional<FittedFsrs> &fit, bool reschedule)
{
    MasteryStore &store = m_grader.store();
    const std::array<double, 21> previous = m_grader.weights();
    m_grader.setWeights(fit ? fit->weights : FsrsParameters::kDefaultWeights);
    const auto states = store.allProgress();
    const std::optional<QString> error =
        states ? store.applyFsrs(fit, FsrsFit::recompute(m_grader.scheduler(), *states, m_log, m_resets, reschedule))
               : std::optional(states.error());
    if (error) {
        m_grader.setWeights(previous);
        showResult(QStringLiteral("Nothing was changed: %1").arg(*error));
        return;
    }
    showResult(fit ? QStringLiteral("Applied: your cards are now scheduled with the fitted parameters.")
                   : QStringLiteral("Reset: your cards are scheduled with the default parameters again."));
    refresh();
    emit weightsChanged();
}

void OptimizePanel::showResult(const QString &text)
{
    m_result->setText(text);
    m_result->show();
    fitWindow();
}

void OptimizePanel::fitWindow()
{
    // A dialog does not grow by itself when wrapped text appears in it: the lines would be cut.
    if (QWidget *top = window(); top != this)
        top->adjustSize();
}

void OptimizePanel::setRunning(bool running)
{
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_optimize->setEnabled(!running && m_reviews >= FsrsFit::kMinReviews);
    m_reset->setEnabled(!running && m_saved.has_value());
    fitWindow();
}

} // namespace k8sfc
