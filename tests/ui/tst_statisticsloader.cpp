// The statistics plugin gets plain values, and only a plugin of this very build is used.
#include "masterytablemodel.h"
#include "statisticsloader.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QTest>
#include <QWidget>

using namespace k8sfc;

class TestStatisticsLoader : public QObject
{
    Q_OBJECT
private slots:
    void plugin_drawsTheValuesItIsGiven();
    void pluginOfAnotherBuild_isRefused();
    void missingPlugin_saysWhichFile();
};

namespace {

StatisticsInput sampleInput()
{
    StatisticsInput in;
    in.today = QDate(2026, 3, 12);
    for (QDate d = in.today.addDays(-90); d <= in.today; d = d.addDays(1))
        in.days.append({d, d.day(), d.day() % 3, 2, 1});
    for (int i = 0; i < StatisticsInput::kForecastDays; ++i)
        in.due.append(i * 2);
    in.components = {{QStringLiteral("etcd"), QStringLiteral("Control plane"), 4, 2, 0.4, 0.8},
                     {QStringLiteral("kubelet"), QStringLiteral("Worker nodes"), 3, 0, 0, 0}};
    in.reviewCount = 123;
    in.desiredRetention = 0.9;
    return in;
}

} // namespace

void TestStatisticsLoader::plugin_drawsTheValuesItIsGiven()
{
    QString error;
    StatisticsInput in = sampleInput();
    std::unique_ptr<QWidget> window(StatisticsLoader::createFrom(StatisticsLoader::pluginPath(), in, nullptr, &error));
    QVERIFY2(window, qPrintable(error));
    const auto values = [&window](const char *name) { return window->property(name).value<QList<int>>(); };
    QList<int> lastDays;
    for (const StatisticsInput::Day &d : in.days.last(StatisticsInput::kHistoryDays))
        lastDays.append(d.reviews);
    QCOMPARE(values("reviewsPerDayValues"), lastDays);
    QCOMPARE(values("forecastValues"), in.due);
    auto *model = qobject_cast<QAbstractItemModel *>(window->property("masteryModel").value<QObject *>());
    QVERIFY(model);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, MasteryTableModel::Mastery).data().toString(), QStringLiteral("40%"));
    QCOMPARE(model->index(1, MasteryTableModel::Mastery).data().toString(), QStringLiteral("not studied"));

    // A refresh pushes new values through the slot.
    in.due.fill(7);
    in.components.removeLast();
    StatisticsLoader::refresh(window.get(), in);
    QCOMPARE(values("forecastValues"), in.due);
    QCOMPARE(model->rowCount(), 1);
}

void TestStatisticsLoader::pluginOfAnotherBuild_isRefused()
{
    QString error;
    QVERIFY(!StatisticsLoader::createFrom(QStringLiteral(K8SFC_STALE_PLUGIN), sampleInput(), nullptr, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(QStringLiteral(K8SFC_STALE_PLUGIN))), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("another build")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("0.0.0+another-build")), qPrintable(error));
}

void TestStatisticsLoader::missingPlugin_saysWhichFile()
{
    const QString path = QDir::temp().filePath(QStringLiteral("no-such-statistics-plugin"));
    QString error;
    QVERIFY(!StatisticsLoader::createFrom(path, sampleInput(), nullptr, &error));
    QVERIFY2(error.contains(QStringLiteral("could not be loaded from ") + QDir::toNativeSeparators(path)),
             qPrintable(error));
}

QTEST_MAIN(TestStatisticsLoader)
#include "tst_statisticsloader.moc"
