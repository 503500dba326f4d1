// k8sfc::Fsrs against ts-fsrs 5.4.2: tests/data/fsrs/generate.mjs wrote the vectors read here.
#include "fsrsvectors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace k8sfc;
using namespace k8sfc::testing;

namespace {

FsrsCard reviewCard(double stability, double difficulty, const QDateTime &lastReview)
{
    FsrsCard card;
    card.state = FsrsState::Review;
    card.stability = stability;
    card.difficulty = difficulty;
    card.lastReview = lastReview;
    card.reps = 5;
    return card;
}

} // namespace

class TestFsrs : public QObject
{
    Q_OBJECT
private slots:
    void eachReview_matchesTsFsrs_data();
    void eachReview_matchesTsFsrs();
    void replayFromNew_staysOnTsFsrs();
    void vectors_coverEveryPath();
    void retrievability_fadesFromOne();
    void preview_ordersIntervalsAgainToEasy();
    void desiredRetention_changesIntervals();
    void maximumInterval_capsIntervals();
    void fuzzRange_matchesTsFsrs_data();
    void fuzzRange_matchesTsFsrs();
    void fuzz_staysInRangeAndRepeats();
    void localDayCounter_startsTheDayAtFour_data();
    void localDayCounter_startsTheDayAtFour();
    void dayCounter_decidesSameDayReviews();
};

void TestFsrs::eachReview_matchesTsFsrs_data()
{
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<QJsonObject>("before"); // ts-fsrs's card after the previous review
    QTest::addColumn<QString>("lastReview");
    QTest::addColumn<QJsonObject>("vector");
    for (const QString &mode : vectorModes()) {
        const QJsonObject file = readVectors(mode);
        QVERIFY2(!file.isEmpty(), qPrintable(mode));
        const QJsonObject parameters = file.value(QStringLiteral("parameters")).toObject();
        QHash<QString, QJsonObject> previous;
        QHash<QString, QString> previousTime;
        QHash<QString, int> count;
        for (const QJsonValue &value : file.value(QStringLiteral("vectors")).toArray()) {
            const QJsonObject v = value.toObject();
            const QString id = v.value(QStringLiteral("card_id")).toString();
            QTest::addRow("%s %s #%d", qPrintable(mode), qPrintable(id), ++count[id])
                << parameters << previous.value(id) << previousTime.value(id) << v;
            previous[id] = v.value(QStringLiteral("expected")).toObject();
            previousTime[id] = v.value(QStringLiteral("review_time")).toString();
        }
    }
}

void TestFsrs::eachReview_matchesTsFsrs()
{
    QFETCH(QJsonObject, parameters);
    QFETCH(QJsonObject, before);
    QFETCH(QString, lastReview);
    QFETCH(QJsonObject, vector);
    const Fsrs fsrs(parametersFrom(parameters));
    const FsrsCard card = cardFrom(before, lastReview);
    const QDateTime now = utc(vector.value(QStringLiteral("review_time")).toString());
    const FsrsCard after = fsrs.next(card, now, vector.value(QStringLiteral("rating")).toInt());
    const QString diff = mismatch(after, vector.value(QStringLiteral("expected")).toObject());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(
        nearlyEqual(fsrs.retrievability(card, now), vector.value(QStringLiteral("retrievability_before")).toDouble()));
    QCOMPARE(after.lastReview, now);
}

void TestFsrs::replayFromNew_staysOnTsFsrs()
{
    // Fed its own results instead of ts-fsrs's, the scheduler must not drift over many reviews.
    for (const QString &mode : vectorModes()) {
        const QJsonObject file = readVectors(mode);
        const Fsrs fsrs(parametersFrom(file.value(QStringLiteral("parameters")).toObject()));
        QHash<QString, FsrsCard> cards;
        for (const QJsonValue &value : file.value(QStringLiteral("vectors")).toArray()) {
            const QJsonObject v = value.toObject();
            FsrsCard &card = cards[v.value(QStringLiteral("card_id")).toString()];
            card = fsrs.next(card, utc(v.value(QStringLiteral("review_time")).toString()),
                             v.value(QStringLiteral("rating")).toInt());
            const QString diff = mismatch(card, v.value(QStringLiteral("expected")).toObject());
            QVERIFY2(diff.isEmpty(),
                     qPrintable(mode + u' ' + QString::fromUtf8(QJsonDocument(v).toJson(QJsonDocument::Compact)) +
                                u' ' + diff));
        }
    }
}

void TestFsrs::vectors_coverEveryPath()
{
    for (const QString &mode : {QStringLiteral("short-term"), QStringLiteral("long-term")}) {
        const QJsonObject file = readVectors(mode);
        const int maximum =
            file.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("maximum_interval")).toInt();
        QHash<QString, QJsonObject> previous;
        QSet<QString> cards, seen;
        int reviews = 0;
        for (const QJsonValue &value : file.value(QStringLiteral("vectors")).toArray()) {
            const QJsonObject v = value.toObject();
            const QString id = v.value(QStringLiteral("card_id")).toString();
            const QJsonObject before = previous.value(id), after = v.value(QStringLiteral("expected")).toObject();
            const QString from =
                before.isEmpty() ? QStringLiteral("New") : before.value(QStringLiteral("state")).toString();
            const int rating = v.value(QStringLiteral("rating")).toInt();
            const QDateTime now = utc(v.value(QStringLiteral("review_time")).toString());
            seen << QStringLiteral("%1 %2").arg(from).arg(rating);
            if (!before.isEmpty() && after.value(QStringLiteral("elapsed_days")).toInt() == 0)
                seen << QStringLiteral("same day");
            if (!before.isEmpty() && now < utc(before.value(QStringLiteral("due")).toString()))
                seen << QStringLiteral("before due");
            if (after.value(QStringLiteral("elapsed_days")).toInt() > 3 * 365)
                seen << QStringLiteral("years");
            if (after.value(QStringLiteral("scheduled_days")).toInt() >= maximum)
                seen << QStringLiteral("maximum interval");
            cards << id;
            ++reviews;
            previous[id] = after;
        }
        QVERIFY2(reviews >= 200 && cards.size() >= 30, qPrintable(mode));
        QStringList wanted{QStringLiteral("New 1"), QStringLiteral("New 2"),      QStringLiteral("New 3"),
                           QStringLiteral("New 4"), QStringLiteral("Review 1"),   QStringLiteral("same day"),
                           QStringLiteral("years"), QStringLiteral("before due"), QStringLiteral("maximum interval")};
        if (mode == QStringLiteral("short-term"))
            wanted << QStringLiteral("Learning 2") << QStringLiteral("Learning 4") << QStringLiteral("Relearning 1")
                   << QStringLiteral("Relearning 2") << QStringLiteral("Relearning 3");
        for (const QString &path : wanted)
            QVERIFY2(seen.contains(path), qPrintable(mode + QStringLiteral(": no vector for ") + path));
    }
}

void TestFsrs::retrievability_fadesFromOne()
{
    const Fsrs fsrs;
    const QDateTime t0 = utc(QStringLiteral("2024-01-01T12:00:00Z"));
    QCOMPARE(fsrs.retrievability(FsrsCard{}, t0), 0.0);
    const FsrsCard card = reviewCard(10, 5, t0);
    QCOMPARE(fsrs.retrievability(card, t0), 1.0);
    QCOMPARE(fsrs.retrievability(card, t0.addSecs(23 * 3600)), 1.0); // whole days only
    QCOMPARE(fsrs.retrievability(card, t0.addDays(10)), 0.9);        // stability is the 90 % point
    double last = 1;
    for (int day = 1; day < 400; day += 7) {
        const double r = fsrs.retrievability(card, t0.addDays(day));
        QVERIFY(r < last && r > 0);
        last = r;
    }
}

void TestFsrs::preview_ordersIntervalsAgainToEasy()
{
    for (const QString &mode : {QStringLiteral("short-term"), QStringLiteral("long-term")}) {
        const QJsonObject file = readVectors(mode);
        const Fsrs fsrs(parametersFrom(file.value(QStringLiteral("parameters")).toObject()));
        int checked = 0;
        for (const QJsonValue &value : file.value(QStringLiteral("vectors")).toArray()) {
            const QJsonObject v = value.toObject();
            const FsrsCard card = cardFrom(v.value(QStringLiteral("expected")).toObject(),
                                           v.value(QStringLiteral("review_time")).toString());
            if (card.state != FsrsState::Review)
                continue;
            for (const QDateTime &at : {card.due, card.due.addDays(-1), card.due.addDays(30), card.lastReview}) {
                const auto p = fsrs.preview(card, std::max(at, card.lastReview));
                QVERIFY(p[0].due <= p[1].due);
                QVERIFY(p[1].scheduledDays < p[2].scheduledDays && p[2].scheduledDays < p[3].scheduledDays);
                QVERIFY(p[0].lapses == card.lapses + 1 && p[3].lapses == card.lapses);
                ++checked;
            }
        }
        QVERIFY(checked > 100);
    }
}

void TestFsrs::desiredRetention_changesIntervals()
{
    const QDateTime last = utc(QStringLiteral("2024-01-01T12:00:00Z"));
    const FsrsCard card = reviewCard(20, 5, last);
    const auto goodDays = [&](double retention) {
        FsrsParameters p;
        p.desiredRetention = retention;
        return Fsrs(p).next(card, last.addDays(20), 3).scheduledDays;
    };
    QVERIFY(goodDays(0.8) > goodDays(0.9));
    QVERIFY(goodDays(0.9) > goodDays(0.95));
    QCOMPARE(goodDays(0.5), goodDays(0.7)); // outside 0.70…0.97 the nearest bound is used
    QCOMPARE(goodDays(0.999), goodDays(0.97));
    FsrsParameters p;
    p.desiredRetention = 0.2;
    QCOMPARE(Fsrs(p).parameters().desiredRetention, 0.7);
}

void TestFsrs::maximumInterval_capsIntervals()
{
    const QDateTime last = utc(QStringLiteral("2024-01-01T12:00:00Z"));
    const FsrsCard card = reviewCard(5000, 3, last);
    for (bool shortTerm : {true, false}) {
        FsrsParameters p;
        p.maximumInterval = 365;
        p.enableShortTerm = shortTerm;
        const auto next = Fsrs(p).preview(card, last.addDays(5000));
        // As in ts-fsrs: the cap applies first, then Good and Easy are kept a day apart.
        QCOMPARE(next[1].scheduledDays, qint64(365));
        QCOMPARE(next[2].scheduledDays, qint64(366));
        QCOMPARE(next[3].scheduledDays, qint64(367));
        QCOMPARE(next[3].due, last.addDays(5000 + 367));
    }
}

void TestFsrs::fuzzRange_matchesTsFsrs_data()
{
    // Expected values printed by ts-fsrs 5.4.2's get_fuzz_range(interval, elapsed, maximum).
    QTest::addColumn<double>("interval");
    QTest::addColumn<qint64>("elapsed");
    QTest::addColumn<int>("maximum");
    QTest::addColumn<int>("min");
    QTest::addColumn<int>("max");
    QTest::newRow("3 days") << 3.0 << qint64(0) << 36500 << 2 << 4;
    QTest::newRow("5 days") << 5.0 << qint64(2) << 36500 << 4 << 6;
    QTest::newRow("8 days, on time") << 8.0 << qint64(8) << 36500 << 6 << 10;
    QTest::newRow("15 days") << 15.0 << qint64(3) << 36500 << 13 << 17;
    QTest::newRow("100 days") << 100.0 << qint64(40) << 36500 << 93 << 107;
    QTest::newRow("more than elapsed") << 1000.0 << qint64(900) << 36500 << 948 << 1052;
    QTest::newRow("at the maximum") << 36500.0 << qint64(10) << 36500 << 34673 << 36500;
    QTest::newRow("above a small maximum") << 400.0 << qint64(500) << 365 << 343 << 365;
}

void TestFsrs::fuzzRange_matchesTsFsrs()
{
    QFETCH(double, interval);
    QFETCH(qint64, elapsed);
    QFETCH(int, maximum);
    const Fsrs::FuzzRange range = Fsrs::fuzzRange(interval, elapsed, maximum);
    QTEST(range.min, "min");
    QTEST(range.max, "max");
}

void TestFsrs::fuzz_staysInRangeAndRepeats()
{
    FsrsParameters p;
    p.enableFuzz = true;
    const Fsrs fuzzed(p);
    const Fsrs plain;
    const QDateTime last = utc(QStringLiteral("2024-01-01T12:00:00Z"));
    const QDateTime now = last.addDays(30);
    FsrsCard card = reviewCard(30, 5, last);
    const qint64 good = plain.next(card, now, 3).scheduledDays;
    const Fsrs::FuzzRange range = Fsrs::fuzzRange(double(good), 30, p.maximumInterval);
    QSet<qint64> seen;
    for (int i = 0; i < 300; ++i) {
        card.cardId = QStringLiteral("card-%1").arg(i);
        const FsrsCard after = fuzzed.next(card, now, 3);
        QVERIFY2(after.scheduledDays >= range.min && after.scheduledDays <= range.max, qPrintable(card.cardId));
        QCOMPARE(fuzzed.next(card, now, 3).scheduledDays, after.scheduledDays); // same card, same review
        QCOMPARE(fuzzed.preview(card, now)[2].due, after.due);
        QCOMPARE(after.stability, plain.next(card, now, 3).stability); // fuzz moves the due date only
        seen << after.scheduledDays;
    }
    QCOMPARE(int(seen.size()), range.max - range.min + 1); // every day of the range is used

    // Learning steps and intervals under 2.5 days are never fuzzed.
    QCOMPARE(fuzzed.next(FsrsCard{}, now, 3).due, now.addSecs(600));
    p.enableShortTerm = false;
    const Fsrs longTerm(p);
    for (int i = 0; i < 50; ++i) {
        FsrsCard fresh;
        fresh.cardId = QStringLiteral("new-%1").arg(i);
        const auto next = longTerm.preview(fresh, now);
        QCOMPARE(next[0].scheduledDays, qint64(1));
        QCOMPARE(next[1].scheduledDays, qint64(2));
    }
}

void TestFsrs::localDayCounter_startsTheDayAtFour_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("last"); // UTC
    QTest::addColumn<QString>("now");
    QTest::addColumn<qint64>("days");
    const auto row = [](const char *name, const char *zone, const char *last, const char *now, qint64 days) {
        QTest::newRow(name) << QString::fromLatin1(zone) << QString::fromLatin1(last) << QString::fromLatin1(now)
                            << days;
    };
    // UTC+2: 04:00 local is 02:00Z.
    row("evening to small hours", "UTC+02:00", "2024-03-09T20:00:00Z", "2024-03-10T01:59:00Z", 0);
    row("evening to after four", "UTC+02:00", "2024-03-09T20:00:00Z", "2024-03-10T02:00:00Z", 1);
    row("just before and after four", "UTC+02:00", "2024-03-10T01:59:59Z", "2024-03-10T02:00:00Z", 1);
    row("four to four", "UTC+02:00", "2024-03-10T02:00:00Z", "2024-03-11T01:59:59Z", 0);
    row("a week", "UTC+02:00", "2024-03-01T10:00:00Z", "2024-03-08T01:00:00Z", 6);
    row("UTC midnight is not a boundary", "UTC+02:00", "2024-03-09T21:59:00Z", "2024-03-09T22:01:00Z", 0);
    // Berlin moves from 02:00 to 03:00 on 31 March 2024; the day still starts at 04:00 on the clock.
    row("daylight saving", "Europe/Berlin", "2024-03-31T01:30:00Z", "2024-03-31T01:59:00Z", 0);
    row("daylight saving, after four", "Europe/Berlin", "2024-03-31T01:30:00Z", "2024-03-31T02:00:00Z", 1);
}

void TestFsrs::localDayCounter_startsTheDayAtFour()
{
    QFETCH(QString, zone);
    QFETCH(QString, last);
    QFETCH(QString, now);
    QFETCH(qint64, days);
    const QTimeZone tz(zone.toLatin1());
    if (!tz.isValid())
        QSKIP("time zone not available on this system");
    QCOMPARE(localDayCounter(4, tz)(utc(last), utc(now)), days);
}

void TestFsrs::dayCounter_decidesSameDayReviews()
{
    // A review card seen at 22:00 and again at 03:00 local (UTC+2): one UTC day apart, the same
    // learner's day. Same-day reviews take the short-term stability formula.
    const QDateTime last = utc(QStringLiteral("2024-03-09T20:00:00Z"));
    const QDateTime now = utc(QStringLiteral("2024-03-10T01:00:00Z"));
    const FsrsCard card = reviewCard(10, 5, last);
    Fsrs fsrs;
    QCOMPARE(fsrs.next(card, now, 3).elapsedDays, qint64(1));
    fsrs.setDayCounter(localDayCounter(4, QTimeZone(2 * 3600)));
    const FsrsCard sameDay = fsrs.next(card, now, 3);
    QCOMPARE(sameDay.elapsedDays, qint64(0));
    QCOMPARE(utcDayCounter()(last, now), qint64(1));
    QVERIFY(sameDay.stability < Fsrs().next(card, now, 3).stability);
}

QTEST_GUILESS_MAIN(TestFsrs)
#include "tst_fsrs.moc"
