#include "fsrsfit.h"
#include "simulatedlearner.h"

#include <QTest>

using namespace k8sfc;

class TestFsrsFit : public QObject
{
    Q_OBJECT
private slots:
    void refit_isSuggestedOnceAMonthAfterWith400Reviews();
    void fittedWeights_passTheModelsClampsUnchanged();
    void cancelledFit_fitsNothing();
    void reviewsBeforeAReset_doNotCount();
    void recompute_keepsDueDatesUnlessRescheduling();
    void typicalInterval_followsTheWeights();

private:
    const QDateTime m_start = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
};

void TestFsrsFit::refit_isSuggestedOnceAMonthAfterWith400Reviews()
{
    FittedFsrs fit;
    fit.fittedAt = m_start;
    const QDateTime month = m_start.addDays(30);
    QVERIFY(!FsrsFit::suggestRefit(std::nullopt, 5000, month)); // never fitted: nothing to refresh
    QVERIFY(!FsrsFit::suggestRefit(fit, 5000, month.addSecs(-1)));
    QVERIFY(!FsrsFit::suggestRefit(fit, 399, month));
    QVERIFY(FsrsFit::suggestRefit(fit, 400, month));
    fit.refitSuggested = true;
    QVERIFY(!FsrsFit::suggestRefit(fit, 4000, month.addDays(90)));
}

void TestFsrsFit::fittedWeights_passTheModelsClampsUnchanged()
{
    const QList<ReviewEntry> log = test::simulatedLog(90, 8, m_start, 7);
    QVERIFY(log.size() >= FsrsFit::kMinReviews);
    const FsrsFitReport report = FsrsFit::run(log, {}, 4, FsrsParameters::kDefaultWeights, {});
    QCOMPARE(report.outcome, FsrsOptimizer::Outcome::Fitted);
    QCOMPARE(report.reviewCount, int(log.size()));
    QVERIFY(report.weights != FsrsParameters::kDefaultWeights);
    QCOMPARE(FsrsModel(report.weights, 0.9, true, 1).weights(), report.weights);
    QVERIFY2(report.after.logLoss < report.before.logLoss,
             qPrintable(QStringLiteral("%1 → %2").arg(report.before.logLoss).arg(report.after.logLoss)));
}

void TestFsrsFit::cancelledFit_fitsNothing()
{
    const QList<ReviewEntry> log = test::simulatedLog(90, 8, m_start, 7);
    int calls = 0;
    const FsrsFitReport report =
        FsrsFit::run(log, {}, 4, FsrsParameters::kDefaultWeights, [&calls](qint64, qint64) { return ++calls < 2; });
    QCOMPARE(report.outcome, FsrsOptimizer::Outcome::Cancelled);
    QCOMPARE(calls, 2);
}

void TestFsrsFit::reviewsBeforeAReset_doNotCount()
{
    const QList<ReviewEntry> log = test::simulatedLog(3, 4, m_start, 1);
    const QDateTime reset = log.at(5).reviewedAt;
    const QString card = log.at(5).cardId;
    int before = 0;
    for (const ReviewEntry &r : log)
        before += r.cardId == card && r.reviewedAt < reset;
    QCOMPARE(FsrsFit::countingReviews(log, {{card, reset}}), int(log.size()) - before);
    QCOMPARE(FsrsFit::countingReviews(log, {}), int(log.size()));
}

void TestFsrsFit::recompute_keepsDueDatesUnlessRescheduling()
{
    const QList<ReviewEntry> log = test::simulatedLog(1, 5, m_start, 3);
    const Fsrs defaults;
    const CardProgress now =
        FsrsFit::recompute(defaults, {}, log, {}, true).value(0); // as the default scheduler left it
    QVERIFY(now.stability);
    FsrsParameters other;
    other.w[2] = 9; // a Good first answer makes a far stronger memory
    other.w[8] = 3;
    const Fsrs fitted(other);
    const CardProgress kept = FsrsFit::recompute(fitted, {{now.cardId, now}}, log, {}, false).value(0);
    QVERIFY(*kept.stability != *now.stability);
    QCOMPARE(kept.due, now.due);
    QCOMPARE(kept.reps, now.reps);
    const CardProgress moved = FsrsFit::recompute(fitted, {{now.cardId, now}}, log, {}, true).value(0);
    QCOMPARE(moved.stability, kept.stability);
    QVERIFY(moved.due != now.due);
    // After a reset at the last review's moment, only that review counts: the card is one review old.
    const CardProgress afterReset =
        FsrsFit::recompute(defaults, {}, log, {{now.cardId, log.at(4).reviewedAt}}, true).value(0);
    QCOMPARE(afterReset.reps, 1);
}

void TestFsrsFit::typicalInterval_followsTheWeights()
{
    const int defaults = FsrsFit::typicalIntervalDays(FsrsParameters::kDefaultWeights, 0.9, 36500);
    std::array<double, 21> stronger = FsrsParameters::kDefaultWeights;
    stronger[2] *= 3;
    QVERIFY(defaults >= 2);
    QVERIFY(FsrsFit::typicalIntervalDays(stronger, 0.9, 36500) > defaults);
    QVERIFY(FsrsFit::typicalIntervalDays(FsrsParameters::kDefaultWeights, 0.97, 36500) < defaults);
    QCOMPARE(FsrsFit::typicalIntervalDays(stronger, 0.9, 3), 3); // the maximum interval caps it
}

QTEST_GUILESS_MAIN(TestFsrsFit)
#include "tst_fsrsfit.moc"
