#include "../core/simulatedlearner.h"
#include "grader.h"
#include "masterystore.h"
#include "optimizepanel.h"
#include "refitnotice.h"
#include "reviewreplay.h"
#include "studyoptionsdialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestOptimizePanel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void optimizeApplyReset_changesTheNextIntervalsAndBack();
    void belowTheMinimum_saysHowManyMore();
    void refitNotice_isShownOnceAMonthAfterAFit();

private:
    /// Fills the store with `cards` simulated cards of 8 reviews each, through the app's own import.
    void fill(int cards);
    /// Opens Settings with the panel, as the Study menu does.
    OptimizePanel *openDialog();
    QPushButton *button(const QString &text) const;
    QString texts() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MasteryStore> m_store;
    std::unique_ptr<Grader> m_grader;
    std::unique_ptr<StudyOptionsDialog> m_dialog;
    const QDateTime m_start = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
};

void TestOptimizePanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<MasteryStore>();
    QCOMPARE(m_store->openDataDir(m_dir->path()), std::nullopt);
    m_grader = std::make_unique<Grader>(*m_store);
}

void TestOptimizePanel::cleanup()
{
    m_dialog.reset();
    m_grader.reset();
    m_store.reset();
    m_dir.reset();
}

void TestOptimizePanel::fill(int cards)
{
    const auto done = m_store->importReviews(test::simulatedLog(cards, 8, m_start, 11),
                                             ReviewReplay::callback(m_grader->scheduler()));
    QVERIFY(done);
    QCOMPARE(done->imported, cards * 8);
}

OptimizePanel *TestOptimizePanel::openDialog()
{
    auto *panel = new OptimizePanel(*m_grader);
    m_dialog = std::make_unique<StudyOptionsDialog>(m_grader->settings(), theme::Appearance{}, nullptr, panel);
    m_dialog->show();
    if (!QTest::qWaitForWindowExposed(m_dialog.get()))
        return nullptr;
    return panel;
}

QPushButton *TestOptimizePanel::button(const QString &text) const
{
    for (QPushButton *b : m_dialog->findChildren<QPushButton *>())
        if (b->text().remove(u'&') == text)
            return b;
    return nullptr;
}

QString TestOptimizePanel::texts() const
{
    QStringList out;
    for (const QLabel *label : m_dialog->findChildren<QLabel *>())
        if (label->isVisible())
            out.append(label->text());
    return out.join(u'\n');
}

void TestOptimizePanel::optimizeApplyReset_changesTheNextIntervalsAndBack()
{
    fill(60); // 480 reviews
    const QString card = QStringLiteral("card-0");
    const QDateTime now = m_start.addDays(200);
    const CardProgress before = m_store->progress(card).value();
    const auto intervalsBefore = m_grader->previewIntervalSecs(card, now).value();
    OptimizePanel *panel = openDialog();
    QVERIFY(panel);
    QVERIFY2(texts().contains(QStringLiteral("You have made 480 reviews; fitting needs at least 400.")),
             qPrintable(texts()));
    QVERIFY(texts().contains(QStringLiteral("default FSRS-6 parameters")));
    QPushButton *optimize = button(QStringLiteral("Optimize for my memory"));
    QVERIFY(optimize && optimize->isEnabled());
    QVERIFY(!button(QStringLiteral("Reset to defaults"))->isEnabled());
    QTest::mouseClick(optimize, Qt::LeftButton);
    QPushButton *apply = button(QStringLiteral("Apply"));
    QTRY_VERIFY_WITH_TIMEOUT(apply->isVisible(), 120000);
    QVERIFY2(texts().contains(QStringLiteral("Log loss")) && texts().contains(QStringLiteral("RMSE")),
             qPrintable(texts()));
    QVERIFY(texts().contains(QStringLiteral("would next come back in")));
    QVERIFY(button(QStringLiteral("Keep current"))->isVisible());

    QSignalSpy changed(panel, &OptimizePanel::weightsChanged);
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(changed.size(), 1);
    const std::optional<FittedFsrs> saved = m_store->fittedFsrs().value();
    QVERIFY(saved);
    QCOMPARE(saved->reviewCount, 480);
    QCOMPARE(m_grader->weights(), saved->weights);
    QVERIFY(saved->weights != FsrsParameters::kDefaultWeights);
    const CardProgress applied = m_store->progress(card).value();
    QVERIFY(applied.stability != before.stability); // the memory was recomputed…
    QCOMPARE(applied.due, before.due);              // …and the due date left alone
    QVERIFY(m_grader->previewIntervalSecs(card, now).value() != intervalsBefore);
    QVERIFY(texts().contains(QStringLiteral("parameters fitted on")));

    QPushButton *reset = button(QStringLiteral("Reset to defaults"));
    QVERIFY(reset->isEnabled());
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(m_store->fittedFsrs().value(), std::nullopt);
    QCOMPARE(m_grader->weights(), FsrsParameters::kDefaultWeights);
    QCOMPARE(m_store->progress(card).value().stability, before.stability);
    QCOMPARE(m_grader->previewIntervalSecs(card, now).value(), intervalsBefore);
}

void TestOptimizePanel::belowTheMinimum_saysHowManyMore()
{
    fill(40); // 320 reviews
    QVERIFY(openDialog());
    QVERIFY2(texts().contains(QStringLiteral("You have made 320 reviews; fitting needs at least 400. Make 80 more.")),
             qPrintable(texts()));
    QVERIFY(!button(QStringLiteral("Optimize for my memory"))->isEnabled());
}

void TestOptimizePanel::refitNotice_isShownOnceAMonthAfterAFit()
{
    fill(60); // 480 reviews, all after the fit below
    FittedFsrs fit;
    fit.weights = FsrsParameters::kDefaultWeights;
    fit.fittedAt = m_start.addDays(-1);
    fit.reviewCount = 400;
    QCOMPARE(m_store->applyFsrs(fit, {}), std::nullopt);
    RefitNotice early(*m_store);
    early.check(m_start.addDays(20)); // not yet a month
    QVERIFY(early.isHidden());
    QVERIFY(!m_store->fittedFsrs().value()->refitSuggested);

    RefitNotice notice(*m_store);
    QSignalSpy requested(&notice, &RefitNotice::optimizeRequested);
    notice.check(m_start.addDays(60));
    QVERIFY(!notice.isHidden());
    QVERIFY(notice.findChild<QLabel *>()->text().contains(QStringLiteral("480 reviews")));
    QVERIFY(m_store->fittedFsrs().value()->refitSuggested);
    QPushButton *optimize = notice.findChild<QPushButton *>();
    QCOMPARE(optimize->text(), QStringLiteral("Optimize…"));
    optimize->click();
    QCOMPARE(requested.size(), 1);
    QVERIFY(notice.isHidden());

    RefitNotice again(*m_store); // the next start: already suggested once
    again.check(m_start.addDays(90));
    QVERIFY(again.isHidden());
}

QTEST_MAIN(TestOptimizePanel)
#include "tst_optimizepanel.moc"
