#include "grader.h"
#include "historycsv.h"
#include "masterystore.h"

#include <QTest>

using namespace k8sfc;

class TestHistoryCsv : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void export_writesIsoUtcMilliseconds();
    void exportThenImport_givesTheSameLogAndStates();
    void importTwice_addsNothing();
    void malformedRow_isReportedAndTheRestImported();
    void import_keepsWhatTheDatabaseHad();
    void implausibleDatesAndExtraColumns_areRefusedByLine();
    void resetRows_carryResetsAcross();

private:
    /// Grades in `store` as the app does: several cards, lapses to a leech, quiz answers.
    static void study(Grader &grader);
    static void compareStates(MasteryStore &expected, MasteryStore &actual);

    MasteryStore m_source;
    MasteryStore m_target;
};

void TestHistoryCsv::init()
{
    QCOMPARE(m_source.openFile(QStringLiteral(":memory:")), std::nullopt);
    QCOMPARE(m_target.openFile(QStringLiteral(":memory:")), std::nullopt);
}

void TestHistoryCsv::study(Grader &grader)
{
    QDateTime now = QDateTime(QDate(2024, 3, 1), QTime(8, 15, 0, 125), Qt::UTC);
    const Rating pattern[] = {Rating::Good, Rating::Again, Rating::Hard, Rating::Good, Rating::Easy, Rating::Good};
    for (int i = 0; i < 12; ++i)
        for (const char *id : {"etcd-raft", "rbac-roleref"}) {
            const auto kind = i % 4 == 3 ? ReviewKind::Quiz : ReviewKind::Study;
            QVERIFY(grader.grade(QString::fromLatin1(id), pattern[i % 6], 900 + i, kind, now));
            now = now.addSecs(3600 * 20 + 37).addMSecs(7);
        }
    // Lapse one card until Grader calls it a leech (and suspends it).
    const QString leech = QStringLiteral("leechy-card");
    while (!grader.store().progress(leech).value().leech) {
        const CardProgress p = grader.store().progress(leech).value();
        const Rating r = p.state == CardState::Review ? Rating::Again : Rating::Good;
        QVERIFY(grader.grade(leech, r, 1000, ReviewKind::Study, now));
        now = std::max(now.addSecs(61), grader.store().progress(leech).value().due);
    }
}

void TestHistoryCsv::compareStates(MasteryStore &expected, MasteryStore &actual)
{
    const auto want = expected.allProgress().value();
    const auto got = actual.allProgress().value();
    QCOMPARE(got.keys().size(), want.keys().size());
    for (const CardProgress &w : want) {
        QVERIFY2(got.contains(w.cardId), qPrintable(w.cardId));
        const CardProgress g = got.value(w.cardId);
        QCOMPARE(g.state, w.state);
        QCOMPARE(g.stability, w.stability);
        QCOMPARE(g.difficulty, w.difficulty);
        QCOMPARE(g.due, w.due);
        QCOMPARE(g.lastReview, w.lastReview);
        QCOMPARE(g.reps, w.reps);
        QCOMPARE(g.lapses, w.lapses);
        QCOMPARE(g.lastRating, w.lastRating);
        QCOMPARE(g.learningStep, w.learningStep);
        QCOMPARE(g.scheduledDays, w.scheduledDays);
        QCOMPARE(g.suspended, w.suspended);
        QCOMPARE(g.leech, w.leech);
        QCOMPARE(g.flag, w.flag);
    }
}

void TestHistoryCsv::export_writesIsoUtcMilliseconds()
{
    ReviewEntry e{0,
                  QStringLiteral("etcd-raft"),
                  QDateTime(QDate(2024, 5, 1), QTime(9, 30, 0, 125), Qt::UTC),
                  Rating::Hard,
                  4200,
                  ReviewKind::Quiz,
                  CardState::Review};
    ReviewEntry first = e;
    first.stateBefore.reset();
    first.kind = ReviewKind::Study;
    first.reviewedAt = first.reviewedAt.addDays(-1);
    QCOMPARE(HistoryCsv::write({first, e}), QByteArray("card_id,reviewed_at,rating,duration_ms,kind,state_before\r\n"
                                                       "etcd-raft,2024-04-30T09:30:00.125Z,2,4200,study,\r\n"
                                                       "etcd-raft,2024-05-01T09:30:00.125Z,2,4200,quiz,2\r\n"));
}

void TestHistoryCsv::exportThenImport_givesTheSameLogAndStates()
{
    Grader source(m_source);
    study(source);
    QVERIFY(m_source.progress(QStringLiteral("leechy-card")).value().suspended);
    const QByteArray csv = HistoryCsv::write(m_source.allReviews().value());

    Grader target(m_target); // the same study options on the new machine
    const HistoryImportReport report =
        HistoryCsv::importInto(m_target, target.scheduler(), csv, QStringLiteral("h.csv"));
    QCOMPARE(report.failure, std::nullopt);
    QVERIFY(report.rejected.isEmpty());
    QCOMPARE(report.imported, int(m_source.reviewCount().value()));
    QCOMPARE(report.duplicates, 0);
    QCOMPARE(report.cardIds,
             (QStringList{QStringLiteral("etcd-raft"), QStringLiteral("leechy-card"), QStringLiteral("rbac-roleref")}));

    const QList<ReviewEntry> want = m_source.allReviews().value(), got = m_target.allReviews().value();
    QCOMPARE(got.size(), want.size());
    for (qsizetype i = 0; i < want.size(); ++i) {
        QCOMPARE(got[i].cardId, want[i].cardId);
        QCOMPARE(got[i].reviewedAt, want[i].reviewedAt);
        QCOMPARE(got[i].rating, want[i].rating);
        QCOMPARE(got[i].durationMs, want[i].durationMs);
        QCOMPARE(got[i].kind, want[i].kind);
        QCOMPARE(got[i].stateBefore, want[i].stateBefore);
    }
    compareStates(m_source, m_target);
    QCOMPARE(m_target.events(QStringLiteral("leechy-card")).value().size(), 1); // the leech, logged at its review
    QCOMPARE(m_target.events(QStringLiteral("leechy-card")).value().first().kind, CardEvent::Kind::Leech);
}

void TestHistoryCsv::importTwice_addsNothing()
{
    Grader source(m_source);
    study(source);
    const QByteArray csv = HistoryCsv::write(m_source.allReviews().value());
    Grader target(m_target);
    QCOMPARE(HistoryCsv::importInto(m_target, target.scheduler(), csv, QStringLiteral("h.csv")).failure, std::nullopt);
    const HistoryImportReport again =
        HistoryCsv::importInto(m_target, target.scheduler(), csv, QStringLiteral("h.csv"));
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.duplicates, int(m_source.reviewCount().value()));
    QVERIFY(again.cardIds.isEmpty());
    QCOMPARE(m_target.reviewCount().value(), m_source.reviewCount().value());
    QCOMPARE(m_target.events(QStringLiteral("leechy-card")).value().size(), 1);
    compareStates(m_source, m_target);
}

void TestHistoryCsv::malformedRow_isReportedAndTheRestImported()
{
    const QByteArray csv = "rating,card_id,reviewed_at,duration_ms\n"              // 1: any column order
                           "3,etcd-raft,2024-05-01T09:30:00.125Z,1000\n"           // 2
                           "5,etcd-raft,2024-05-02T09:30:00.000Z,1000\n"           // 3: no such rating
                           "good,etcd-raft,2024-05-03T09:30:00.000Z,\n"            // 4: a name is fine
                           "3,etcd-raft,2024-05-04 09:30,1000\n"                   // 5: no time zone
                           "3,Not An Id,2024-05-05T09:30:00.000Z,1000\n"           // 6
                           "3,etcd-raft,2024-05-06T09:30:00.000Z,-4\n"             // 7
                           "3,etcd-raft,\"2024-05-07T11:30:00.000+02:00\",1000\n"; // 8: an offset is fine
    Grader target(m_target);
    const HistoryImportReport report =
        HistoryCsv::importInto(m_target, target.scheduler(), csv, QStringLiteral("h.csv"));
    QCOMPARE(report.failure, std::nullopt);
    QCOMPARE(report.imported, 3);
    QList<int> lines;
    for (const Diagnostic &d : report.rejected)
        lines.append(d.line);
    QCOMPARE(lines, (QList<int>{3, 5, 6, 7}));
    QVERIFY(report.rejected.first().toString().startsWith(QLatin1String("h.csv:3:")));
    const QList<ReviewEntry> log = m_target.allReviews().value();
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.last().reviewedAt, QDateTime(QDate(2024, 5, 7), QTime(9, 30), Qt::UTC));
    QCOMPARE(m_target.progress(QStringLiteral("etcd-raft")).value().reps, 3);
}

// Reliability review M9 (a date years ahead took its card out of every queue for good) and the
// minor finding on extra columns (accepted without a word).
void TestHistoryCsv::implausibleDatesAndExtraColumns_areRefusedByLine()
{
    const QByteArray csv = "card_id,reviewed_at,rating\n"              // 1
                           "etcd-raft,9999-12-31T23:59:59Z,4\n"        // 2: thousands of years ahead
                           "etcd-raft,0001-01-01T00:00:00Z,3\n"        // 3
                           "etcd-raft,1999-12-31T23:59:59Z,3\n"        // 4: just before 2000
                           "etcd-raft,2026-12-03T11:00:00Z,3\n"        // 5: a day and an hour ahead
                           "etcd-raft,2026-12-03T09:00:00Z,3\n"        // 6: less than a day ahead: fine
                           "etcd-raft,2000-01-01T00:00:00Z,3\n"        // 7: fine
                           "etcd-raft,2024-05-01T09:30:00Z,3,extra\n"; // 8: one field too many
    const QDateTime now(QDate(2026, 12, 2), QTime(10, 0), Qt::UTC);
    Diagnostics rejected;
    const QList<ReviewEntry> reviews = HistoryCsv::read(csv, QStringLiteral("h.csv"), rejected, now);
    QCOMPARE(reviews.size(), 2);
    QStringList lines;
    for (const Diagnostic &d : std::as_const(rejected))
        lines.append(d.toString());
    QCOMPARE(lines.size(), 5);
    for (int i = 0; i < 4; ++i)
        QVERIFY2(lines.at(i).contains(QStringLiteral("before 2000 or more than a day in the future")),
                 qPrintable(lines.at(i)));
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("h.csv:2:")), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(3).startsWith(QStringLiteral("h.csv:5:")), qPrintable(lines.at(3)));
    QVERIFY2(lines.at(4).startsWith(QStringLiteral("h.csv:8:")) &&
                 lines.at(4).contains(QStringLiteral("4 fields, but the header names 3")),
             qPrintable(lines.at(4)));
}

void TestHistoryCsv::import_keepsWhatTheDatabaseHad()
{
    Grader source(m_source);
    study(source);
    // The target machine has its own reviews of one card, some of them the same as the source's.
    Grader target(m_target);
    const QList<ReviewEntry> sourceLog = m_source.allReviews().value();
    const QDateTime later = sourceLog.last().reviewedAt.addDays(3);
    QVERIFY(target.grade(QStringLiteral("only-here"), Rating::Good, 500, ReviewKind::Study, later));
    const QByteArray csv = HistoryCsv::write(sourceLog.mid(0, 5));
    QCOMPARE(HistoryCsv::importInto(m_target, target.scheduler(), csv, QStringLiteral("h.csv")).imported, 5);
    const HistoryImportReport all =
        HistoryCsv::importInto(m_target, target.scheduler(), HistoryCsv::write(sourceLog), QStringLiteral("h.csv"));
    QCOMPARE(all.duplicates, 5);
    QCOMPARE(all.imported, int(sourceLog.size()) - 5);
    QCOMPARE(m_target.reviewCount().value(), sourceLog.size() + 1);
    QCOMPARE(m_target.progress(QStringLiteral("only-here")).value().reps, 1);
    // Grading the same card in the source too makes both databases agree again.
    QVERIFY(source.grade(QStringLiteral("only-here"), Rating::Good, 500, ReviewKind::Study, later));
    compareStates(m_source, m_target);
}

void TestHistoryCsv::resetRows_carryResetsAcross()
{
    Grader source(m_source);
    study(source);
    const QDateTime resetAt(QDate(2024, 3, 4), QTime(9, 0), Qt::UTC);
    QCOMPARE(m_source.resetProgress(QStringLiteral("etcd-raft"), resetAt), std::nullopt);
    const QByteArray csv =
        HistoryCsv::write(m_source.allReviews().value(), m_source.events(QStringLiteral("etcd-raft")).value());
    QVERIFY(csv.contains("etcd-raft,2024-03-04T09:00:00.000Z,,,reset,\r\n"));
    // In time order: the reset row stands between the card's reviews of 3 and 5 March.
    const qsizetype at = csv.indexOf("reset");
    QVERIFY(csv.lastIndexOf("2024-03-03", at) > 0 && csv.indexOf("2024-03-05", at) > at);

    Diagnostics rejected;
    QList<CardEvent> resets;
    const QList<ReviewEntry> read =
        HistoryCsv::read(csv, QStringLiteral("h.csv"), rejected, QDateTime::currentDateTimeUtc(), &resets);
    QVERIFY(rejected.isEmpty());
    QCOMPARE(read.size(), m_source.allReviews().value().size());
    QCOMPARE(resets.size(), 1);
    QCOMPARE(HistoryCsv::lastResets(resets).value(QStringLiteral("etcd-raft")), resetAt);

    // Another machine's import takes the file as it is, reset rows and all.
    Grader target(m_target);
    const HistoryImportReport report =
        HistoryCsv::importInto(m_target, target.scheduler(), csv, QStringLiteral("h.csv"));
    QCOMPARE(report.failure, std::nullopt);
    QVERIFY(report.rejected.isEmpty());
    QCOMPARE(report.imported, read.size());
    // The reset is logged here too, so the card's state, and a fit, leave out what came before it.
    QCOMPARE(report.resets, 1);
    QCOMPARE(m_target.lastResets().value().value(QStringLiteral("etcd-raft")), resetAt);
    int since = 0, before = 0;
    for (const ReviewEntry &r : read)
        (r.reviewedAt >= resetAt ? since : before) += r.cardId == QLatin1String("etcd-raft");
    QVERIFY(before > 0 && since > 0);
    QCOMPARE(m_target.progress(QStringLiteral("etcd-raft")).value().reps, since);
    QCOMPARE(HistoryCsv::importInto(m_target, target.scheduler(), csv, QStringLiteral("h.csv")).resets, 0);

    // A reset row with a rating is malformed; a file without reset rows still imports.
    const QByteArray bad = "card_id,reviewed_at,rating,duration_ms,kind,state_before\n"
                           "etcd-raft,2024-05-01T09:30:00.000Z,3,,reset,\n";
    HistoryCsv::read(bad, QStringLiteral("b.csv"), rejected);
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.first().line, 2);
    QVERIFY(rejected.first().message.contains(QLatin1String("a reset row has no rating")));
}

QTEST_GUILESS_MAIN(TestHistoryCsv)
#include "tst_historycsv.moc"
