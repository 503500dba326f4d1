// Runs `k8s-flashcards replay` and compares its output with what ts-fsrs 5.4.2 printed for the same
// log (tests/data/fsrs/generate.mjs wrote tests/data/replay/expected-*.jsonl).
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestReplayCommand : public QObject
{
    Q_OBJECT
private slots:
    void fixture_matchesTsFsrs_data();
    void fixture_matchesTsFsrs();
    void badInput_namesTheEvent_data();
    void badInput_namesTheEvent();
    void unreadableFile_namesThePath();
    void fifoAndEndlessInput_areRefused();
    void usageErrors_exitTwo();
    void emptyLog_printsNothing();
    void edgeInput_printsWhatTsFsrsPrints_data();
    void edgeInput_printsWhatTsFsrsPrints();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };
    static Result run(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QString::fromLatin1(name)); // a headless command needs no display
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(QStringLiteral(K8SFC_TEST_DATA));
        p.start(QStringLiteral(K8SFC_BINARY), QStringList{QStringLiteral("replay")} + args);
        if (!p.waitForStarted(60000))
            return {};
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                QString::fromUtf8(p.readAllStandardError())};
    }
    static QByteArray readData(const QString &name)
    {
        QFile file(QStringLiteral(K8SFC_TEST_DATA "/replay/") + name);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
};

void TestReplayCommand::fixture_matchesTsFsrs_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    const QByteArray events = readData(QStringLiteral("events.json"));
    const QString file = QStringLiteral("replay/events.json");
    const QString shortTerm = QStringLiteral("expected-short-term.jsonl");
    const QString longTerm = QStringLiteral("expected-long-term.jsonl");
    QTest::newRow("file") << QStringList{file} << QByteArray() << shortTerm;
    QTest::newRow("stdin") << QStringList{QStringLiteral("-")} << events << shortTerm;
    QTest::newRow("long-term file") << QStringList{QStringLiteral("--long-term"), file} << QByteArray() << longTerm;
    QTest::newRow("long-term stdin") << QStringList{QStringLiteral("-"), QStringLiteral("--long-term")} << events
                                     << longTerm;
}

void TestReplayCommand::fixture_matchesTsFsrs()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    const Result r = run(args, input);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.err.isEmpty());
    const QList<QByteArray> got = r.out.split('\n');
    const QList<QByteArray> want = readData(expected).split('\n');
    QVERIFY(want.size() > 20);
    QCOMPARE(got.size(), want.size());
    for (qsizetype i = 0; i < want.size(); ++i) {
        const QJsonObject g = QJsonDocument::fromJson(got.at(i)).object();
        const QJsonObject w = QJsonDocument::fromJson(want.at(i)).object();
        const QString where = QStringLiteral("line %1: %2").arg(i + 1).arg(QString::fromUtf8(got.at(i)));
        QVERIFY2(g.keys() == w.keys(), qPrintable(where));
        for (auto it = w.begin(); it != w.end(); ++it) {
            const QJsonValue value = g.value(it.key());
            if (it.key() == QLatin1String("stability") || it.key() == QLatin1String("difficulty")) {
                const double a = value.toDouble(), b = it->toDouble();
                QVERIFY2(std::abs(a - b) <= 1e-6 * std::abs(b), qPrintable(where));
            } else {
                QVERIFY2(value == *it, qPrintable(where + QStringLiteral(" (%1)").arg(it.key())));
            }
        }
    }
}

void TestReplayCommand::badInput_namesTheEvent_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("fragments"); // expected in stderr
    const QByteArray good = R"({"card_id": "etcd", "timestamp": "2024-05-01T09:30:00Z", "rating": 3})";
    const auto row = [&good](const char *name, const QByteArray &event, const char *problem, int index = 1) {
        QTest::newRow(name) << QByteArray('[' + good + ", " + event + ", " + good + ']')
                            << QStringList{QStringLiteral("event %1 (counting from 0): ").arg(index),
                                           QString::fromUtf8(problem)};
    };
    QTest::newRow("not JSON") << QByteArray(R"([{"card_id": "etcd",)") << QStringList{QStringLiteral("not valid JSON")};
    QTest::newRow("not an array") << good << QStringList{QStringLiteral("expected a JSON array")};
    row("not an object", "42", "not a JSON object");
    row("missing card_id", R"({"timestamp": "2024-05-01T09:30:00Z", "rating": 3})", "missing \"card_id\"");
    row("card_id a number", R"({"card_id": 7, "timestamp": "2024-05-01T09:30:00Z", "rating": 3})",
        "\"card_id\" must be a non-empty string");
    row("card_id empty", R"({"card_id": "", "timestamp": "2024-05-01T09:30:00Z", "rating": 3})",
        "\"card_id\" must be a non-empty string");
    row("missing timestamp", R"({"card_id": "etcd", "rating": 3})", "missing \"timestamp\"");
    row("timestamp a number", R"({"card_id": "etcd", "timestamp": 1714555800, "rating": 3})",
        "\"timestamp\" must be a string");
    row("timestamp unparsable", R"({"card_id": "etcd", "timestamp": "yesterday", "rating": 3})",
        "\"timestamp\" \"yesterday\" is not an ISO 8601 date and time");
    row("timestamp impossible", R"({"card_id": "etcd", "timestamp": "2024-02-30T09:30:00Z", "rating": 3})",
        "is not an ISO 8601 date and time");
    row("timestamp without zone", R"({"card_id": "etcd", "timestamp": "2024-05-01T09:30:00", "rating": 3})",
        "has no time zone");
    row("missing rating", R"({"card_id": "etcd", "timestamp": "2024-05-01T09:30:00Z"})", "missing \"rating\"");
    row("rating 0", R"({"card_id": "etcd", "timestamp": "2024-05-01T09:30:00Z", "rating": 0})",
        "\"rating\" must be 1, 2, 3 or 4, not 0");
    row("rating 5", R"({"card_id": "etcd", "timestamp": "2024-05-01T09:30:00Z", "rating": 5})",
        "\"rating\" must be 1, 2, 3 or 4, not 5");
    row("rating 2.5", R"({"card_id": "etcd", "timestamp": "2024-05-01T09:30:00Z", "rating": 2.5})", "not 2.5");
    row("rating a string", R"({"card_id": "etcd", "timestamp": "2024-05-01T09:30:00Z", "rating": "3"})", "not \"3\"");
    row("rating null", R"({"card_id": "etcd", "timestamp": "2024-05-01T09:30:00Z", "rating": null})", "not null");
    QTest::newRow("first event") << QByteArray(R"([{"card_id": "etcd"}])")
                                 << QStringList{QStringLiteral("event 0 (counting from 0): missing \"timestamp\"")};
    // Hostile input (tests/fuzz): a clear message, never a crash.
    QTest::newRow("nested 10,000 deep") << QByteArray(10000, '[')
                                        << QStringList{QStringLiteral("not valid JSON: too deeply nested")};
    row("rating 1e308", R"({"card_id": "etcd", "timestamp": "2024-05-01T09:30:00Z", "rating": 1e308})",
        "\"rating\" must be 1, 2, 3 or 4, not 1e+308");
    // QJsonDocument keeps the last of duplicate keys: the writer's intent is unclear, so refuse.
    row("card_id twice", R"({"card_id": "a", "timestamp": "2024-05-01T09:30:00Z", "rating": 3, "card_id": "b"})",
        "\"card_id\" is given twice");
    row("a key twice, once escaped",
        R"({"card_id": "a", "timestamp": "2024-05-01T09:30:00Z", "rating": 3, "r\u0061ting": 4})",
        "\"rating\" is given twice");
    QTest::newRow("twice in a nested object")
        << QByteArray(R"([{"card_id": "a", "timestamp": "2024-05-01T09:30:00Z", "rating": 3, "x": {"k": 1, "k": 2}}])")
        << QStringList{QStringLiteral("event 0 (counting from 0): \"k\" is given twice")};
    row("card_id an object", R"({"card_id": {"a": []}, "timestamp": "2024-05-01T09:30:00Z", "rating": 3})",
        "\"card_id\" must be a non-empty string");
}

void TestReplayCommand::badInput_namesTheEvent()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, fragments);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("log.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(input) == input.size());
    file.close();
    for (const QString &source : {path, QStringLiteral("-")}) {
        const Result r = run({source}, source == path ? QByteArray() : input);
        QCOMPARE(r.exitCode, 2);
        for (const QString &fragment : fragments)
            QVERIFY2(r.err.contains(fragment), qPrintable(r.err));
        QVERIFY2(r.err.contains(source == path ? path : QStringLiteral("stdin")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty()); // nothing half-done on stdout
    }
}

void TestReplayCommand::unreadableFile_namesThePath()
{
    const Result r = run({QStringLiteral("no/such/log.json")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("cannot read no/such/log.json")), qPrintable(r.err));
}

void TestReplayCommand::fifoAndEndlessInput_areRefused()
{
    // Before, a FIFO waited for a writer forever and /dev/zero grew until the process aborted (C4).
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("log.json"));
    QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    Result r = run({fifo});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("not a regular file")), qPrintable(r.err));
    r = run({QStringLiteral("/dev/zero")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("not a regular file")), qPrintable(r.err));
    // A regular file one byte over the limit (sparse: it takes no disk), and stdin as large.
    const QString big = dir.filePath(QStringLiteral("big.json"));
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.resize(64 * 1024 * 1024 + 1));
    file.close();
    r = run({big});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("over the 64 MiB limit")), qPrintable(r.err));
    r = run({QStringLiteral("-")}, QByteArray(64 * 1024 * 1024 + 1, ' '));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("over the 64 MiB limit")), qPrintable(r.err));
}

void TestReplayCommand::usageErrors_exitTwo()
{
    for (const QStringList &args : {QStringList{}, QStringList{QStringLiteral("--frobnicate"), QStringLiteral("x")},
                                    QStringList{QStringLiteral("a.json"), QStringLiteral("b.json")}}) {
        const Result r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("usage: k8s-flashcards replay")), qPrintable(r.err));
    }
}

void TestReplayCommand::emptyLog_printsNothing()
{
    const Result r = run({QStringLiteral("-")}, "[]");
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
}

void TestReplayCommand::edgeInput_printsWhatTsFsrsPrints_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected"); // in stdout
    // fuzz_replay, minimised: a card due after 9999 was printed with "due":"" (Qt writes no ISO
    // date past 9999); JavaScript's toISOString writes a signed six-digit year.
    QTest::newRow("due in year 10000")
        << QByteArray(R"([{"card_id": "a", "timestamp": "9999-12-31T23:59:59Z", "rating": 4}])")
        << QByteArray(R"("review_time":"9999-12-31T23:59:59Z","rating":4,"state":"Review","stability":8.2956,)"
                      R"("difficulty":1,"scheduled_days":8,"due":"+010000-01-08T23:59:59Z")");
    QTest::newRow("due in year 10000, with milliseconds")
        << QByteArray(R"([{"card_id": "a", "timestamp": "9999-12-31T23:59:59.250Z", "rating": 4}])")
        << QByteArray(R"("due":"+010000-01-08T23:59:59.250Z")");
}

void TestReplayCommand::edgeInput_printsWhatTsFsrsPrints()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const Result r = run({QStringLiteral("-")}, input);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(expected), r.out.constData());
}

QTEST_GUILESS_MAIN(TestReplayCommand)
#include "tst_replaycommand.moc"
