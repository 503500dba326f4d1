// Runs `k8s-flashcards optimize` as a learner would: on exported review histories, a file or stdin,
// and checks the output contract (one JSON object, exit codes 0/1/2, path:line:column errors).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestOptimizeCommand : public QObject
{
    Q_OBJECT
private slots:
    void fit_printsOneJsonObject();
    void stdinAndFile_fitAlike();
    void longTerm_keepsShortTermTermsAtZero();
    void dayStartAndTimeZone_countDays();
    void malformedRows_exitTwo_data();
    void malformedRows_exitTwo();
    void tooFewReviews_exitOne();
    void resetRows_leaveEarlierReviewsOut();
    void usageErrors_exitTwo();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };
    static Result run(const QStringList &args, const QByteArray &input = {}, const QString &tz = QStringLiteral("UTC"))
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QString::fromLatin1(name)); // a headless command needs no display
        env.insert(QStringLiteral("TZ"), tz);
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(QStringLiteral(K8SFC_TEST_DATA "/fsrs-optimizer"));
        p.start(QStringLiteral(K8SFC_BINARY), QStringList{QStringLiteral("optimize")} + args);
        if (!p.waitForStarted(60000))
            return {};
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(240000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                QString::fromUtf8(p.readAllStandardError())};
    }
    static QByteArray readData(const QString &name)
    {
        QFile file(QStringLiteral(K8SFC_TEST_DATA "/fsrs-optimizer/") + name);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    /// `count` cards graded Good, then Good again the next day.
    static QByteArray pairs(int count)
    {
        QByteArray csv = "card_id,reviewed_at,rating,duration_ms,kind,state_before\n";
        for (int i = 0; i < count; ++i) {
            const QByteArray id = "card-" + QByteArray::number(i);
            csv +=
                id + ",2025-01-01T10:00:00.000Z,3,4000,study,0\n" + id + ",2025-01-02T10:00:00.000Z,good,3000,quiz,\n";
        }
        return csv;
    }
};

void TestOptimizeCommand::fit_printsOneJsonObject()
{
    const Result r = run({QStringLiteral("bench-1000.csv")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out.count('\n'), 1);
    // The keys in the order the issue pins.
    const QList<QByteArray> keys{"parameters",       "reviews",          "items", "log_loss", "rmse_bins",
                                 "default_log_loss", "default_rmse_bins"};
    qsizetype at = 0;
    for (const QByteArray &key : keys) {
        const qsizetype next = r.out.indexOf(QByteArray('"' + key + "\":"), at);
        QVERIFY2(next >= at, key.constData());
        at = next;
    }
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.size(), keys.size());
    QCOMPARE(o[QStringLiteral("parameters")].toArray().size(), 21);
    QCOMPARE(o[QStringLiteral("reviews")].toInt(), 1000);
    QVERIFY(o[QStringLiteral("items")].toInt() > 300 && o[QStringLiteral("items")].toInt() < 1000);
    QVERIFY(o[QStringLiteral("log_loss")].toDouble() < o[QStringLiteral("default_log_loss")].toDouble());
    // Log loss is what the fit minimises; on 369 items the bins may come out either way.
    for (const char *key : {"rmse_bins", "default_rmse_bins"})
        QVERIFY(o[QLatin1String(key)].toDouble() > 0 && o[QLatin1String(key)].toDouble() < 0.2);
    QVERIFY(o[QStringLiteral("parameters")][19].toDouble() >= 0.01); // short-term terms were fitted
}

void TestOptimizeCommand::stdinAndFile_fitAlike()
{
    const Result file = run({QStringLiteral("bench-1000.csv")});
    const Result in = run({QStringLiteral("-")}, readData(QStringLiteral("bench-1000.csv")));
    QCOMPARE(in.exitCode, 0);
    QCOMPARE(in.out, file.out);
}

void TestOptimizeCommand::longTerm_keepsShortTermTermsAtZero()
{
    const Result r = run({QStringLiteral("--long-term"), QStringLiteral("bench-1000.csv")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray w = QJsonDocument::fromJson(r.out).object()[QStringLiteral("parameters")].toArray();
    for (int i : {17, 18, 19})
        QCOMPARE(w[i].toDouble(), 0.0);
}

void TestOptimizeCommand::dayStartAndTimeZone_countDays()
{
    // The reviews fall between 08:00 and about 14:00 UTC: a day starting at noon splits some days,
    // and so does a time zone where 04:00 falls in that span (10:00 UTC in Chicago in winter).
    const QByteArray base = run({QStringLiteral("bench-1000.csv")}).out;
    const QByteArray explicitFour =
        run({QStringLiteral("--day-start"), QStringLiteral("4"), QStringLiteral("bench-1000.csv")}).out;
    QCOMPARE(explicitFour, base);
    const Result noon = run({QStringLiteral("--day-start=12"), QStringLiteral("bench-1000.csv")});
    QCOMPARE(noon.exitCode, 0);
    QVERIFY(noon.out != base);
    const Result chicago = run({QStringLiteral("bench-1000.csv")}, {}, QStringLiteral("America/Chicago"));
    QCOMPARE(chicago.exitCode, 0);
    QVERIFY(chicago.out != base);
}

void TestOptimizeCommand::malformedRows_exitTwo_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("message");
    QTest::newRow("rating") << QByteArray("card-x,2025-01-03T10:00:00Z,7,0,study,") << QStringLiteral("rating \"7\"");
    QTest::newRow("time") << QByteArray("card-x,yesterday,3,0,study,")
                          << QStringLiteral("\"yesterday\" is not a UTC time");
    QTest::newRow("card") << QByteArray("Card X,2025-01-03T10:00:00Z,3,0,study,") << QStringLiteral("is not a card id");
    QTest::newRow("kind") << QByteArray("card-x,2025-01-03T10:00:00Z,3,0,cram,") << QStringLiteral("kind \"cram\"");
    QTest::newRow("fields") << QByteArray("card-x,2025-01-03T10:00:00Z,3,0,study,,extra")
                            << QStringLiteral("7 fields, but the header names 6");
}

void TestOptimizeCommand::malformedRows_exitTwo()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, message);
    // Enough good rows to fit, and one bad row on line 4: nothing is fitted.
    QByteArray csv = pairs(30);
    csv.insert(csv.indexOf('\n', csv.indexOf('\n', csv.indexOf('\n') + 1) + 1) + 1, row + '\n');
    const Result in = run({QStringLiteral("-")}, csv);
    QCOMPARE(in.exitCode, 2);
    QCOMPARE(in.out, QByteArray());
    QVERIFY2(in.err.startsWith(QStringLiteral("-:4:1: error: ")), qPrintable(in.err));
    QVERIFY2(in.err.contains(message), qPrintable(in.err));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    const Result named = run({path});
    QCOMPARE(named.exitCode, 2);
    QCOMPARE(named.out, QByteArray());
    QVERIFY2(named.err.startsWith(path + QStringLiteral(":4:1: error: ")), qPrintable(named.err));
}

void TestOptimizeCommand::tooFewReviews_exitOne()
{
    // The threshold fsrs-rs's binding showed (tests/data/fsrs-optimizer/reference.json).
    const int threshold = QJsonDocument::fromJson(
                              readData(QStringLiteral("reference.json")))[QStringLiteral("not_enough_data_below_items")]
                              .toInt();
    QCOMPARE(threshold, 20);
    const Result few = run({QStringLiteral("-")}, pairs(threshold - 1));
    QCOMPARE(few.exitCode, 1);
    QCOMPARE(few.out, QByteArray());
    QVERIFY2(few.err.contains(QStringLiteral("too few reviews to fit: 19 reviews")), qPrintable(few.err));
    const Result empty = run({QStringLiteral("-")}, {});
    QCOMPARE(empty.exitCode, 1);
    const Result enough = run({QStringLiteral("-")}, pairs(threshold));
    QCOMPARE(enough.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(enough.out).object();
    QCOMPARE(o[QStringLiteral("reviews")].toInt(), 2 * threshold);
    QCOMPARE(o[QStringLiteral("items")].toInt(), threshold);
}

void TestOptimizeCommand::usageErrors_exitTwo()
{
    for (const QStringList &args :
         {QStringList{}, QStringList{QStringLiteral("--day-start"), QStringLiteral("24"), QStringLiteral("-")},
          QStringList{QStringLiteral("--day-start"), QStringLiteral("four"), QStringLiteral("-")},
          QStringList{QStringLiteral("a.csv"), QStringLiteral("b.csv")},
          QStringList{QStringLiteral("--short-term"), QStringLiteral("-")}}) {
        const Result r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(
                     QStringLiteral("usage: k8s-flashcards optimize [--day-start HOUR] [--long-term] HISTORY.csv|-")),
                 qPrintable(r.err));
    }
    const Result missing = run({QStringLiteral("no-such-history.csv")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains(QStringLiteral("no-such-history.csv")));
}

void TestOptimizeCommand::resetRows_leaveEarlierReviewsOut()
{
    // Twenty cards are just enough to fit; a reset between one card's two reviews leaves it with
    // one review since, and so nineteen items.
    QByteArray csv = pairs(20);
    csv += "card-7,2025-01-01T18:00:00.000Z,,,reset,\n";
    const Result r = run({QStringLiteral("-")}, csv);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("too few reviews to fit: 19 reviews")), qPrintable(r.err));
    // A reset after both reviews leaves nothing of that card either; one before them changes nothing.
    const Result before = run({QStringLiteral("-")}, pairs(20) + "card-7,2024-12-31T18:00:00.000Z,,,reset,\n");
    QCOMPARE(before.exitCode, 0);
    QCOMPARE(before.out, run({QStringLiteral("-")}, pairs(20)).out);
}

QTEST_GUILESS_MAIN(TestOptimizeCommand)
#include "tst_optimizecommand.moc"
