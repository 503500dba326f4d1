#include "grader.h"
#include "masterystore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace k8sfc;

namespace {

constexpr int kCards = 600; // several leaf pages of card_state

QString cardName(int i)
{
    return QStringLiteral("card-%1").arg(i, 3, 10, QLatin1Char('0'));
}

/// A second connection to the store's file, as another process would have.
class Raw
{
public:
    explicit Raw(const QString &path)
    {
        sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
        sqlite3_busy_timeout(m_db, 2000);
    }
    ~Raw() { sqlite3_close(m_db); }
    Raw(const Raw &) = delete;
    Raw &operator=(const Raw &) = delete;

    int exec(const char *sql) { return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr); }
    /// Each row's columns joined by '|', up to the end or the first failed step (its code in `rc`).
    QStringList rows(const char *sql, int *rc = nullptr)
    {
        QStringList out;
        sqlite3_stmt *st = nullptr;
        int code = sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr);
        while (code == SQLITE_OK && (code = sqlite3_step(st)) == SQLITE_ROW) {
            QStringList columns;
            for (int c = 0; c < sqlite3_column_count(st); ++c)
                columns.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, c))));
            out.append(columns.join(u'|'));
            code = SQLITE_OK;
        }
        sqlite3_finalize(st);
        if (rc)
            *rc = code;
        return out;
    }

private:
    sqlite3 *m_db = nullptr;
};

} // namespace

/// A read that fails part-way through (a damaged page of card_state, under the open store) is
/// reported, never kept, and never lets a grade or a mark overwrite a card's history.
class TestStoreReadFailure : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void allProgress_failingPartWay_isReportedAndNotKept();
    void grade_ofUnreadableCard_isRefusedAndWritesNothing();
    void marks_onUnreadableCard_areRefusedAndWriteNothing();
    void grade_afterAFailedRead_startsFromTheRealState();
    void undo_ofABatchFailingPartWay_keepsTheRestToRetry();

private:
    /// Damages the middle leaf page of card_state in the file; returns the first card on it.
    QString damagePage();
    void repairPage();
    /// A write from the second connection: the store's connection then drops its page cache and
    /// reads the file again, as it would after another process wrote.
    void touch();
    QStringList everything();

    QTemporaryDir m_dir;
    QString m_path;
    MasteryStore m_store;
    qint64 m_offset = 0;
    QByteArray m_page;
};

void TestStoreReadFailure::init()
{
    m_store.close();
    m_path = m_dir.filePath(QStringLiteral("mastery-%1.sqlite3").arg(QLatin1String(QTest::currentTestFunction())));
    QCOMPARE(m_store.openFile(m_path), std::nullopt);
    m_store.close();
    {
        Raw raw(m_path);
        // Every card in Review, reviewed three times (the log holds the last of those).
        const QByteArray cards = "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                                 QByteArray::number(kCards - 1) + ")";
        const QByteArray sql =
            "BEGIN;" + cards +
            " INSERT INTO card_state (card_id, state, stability, difficulty, due, last_review, reps,"
            " lapses, last_rating, scheduled_days)"
            " SELECT printf('card-%03d', i), 2, 10.0 + i, 5.0, 86400000 * 20, 86400000 * 10, 3, 0, 3,"
            " 10 FROM n;" +
            cards +
            " INSERT INTO review_log (card_id, reviewed_at, rating, duration_ms, kind, state_before)"
            " SELECT printf('card-%03d', i), 86400000 * 10, 3, 1000, 'study', 1 FROM n;"
            "COMMIT;";
        QCOMPARE(raw.exec(sql.constData()), SQLITE_OK);
    }
    QCOMPARE(m_store.openFile(m_path), std::nullopt); // its integrity check reads every page
}

QString TestStoreReadFailure::damagePage()
{
    Raw raw(m_path);
    const QStringList leaves =
        raw.rows("SELECT pageno FROM dbstat WHERE name = 'card_state' AND pagetype = 'leaf' ORDER BY path");
    const int pageSize = raw.rows("PRAGMA page_size").value(0).toInt();
    if (leaves.size() < 3 || pageSize <= 0)
        return {};
    m_offset = (leaves.at(leaves.size() / 2).toLongLong() - 1) * pageSize;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(m_offset))
        return {};
    m_page = file.read(pageSize);
    file.seek(m_offset);
    file.write(QByteArray(16, '\xff')); // no valid b-tree page header
    file.close();
    touch();
    // A fresh connection reads the table up to that page, then fails: the cards before it are read.
    int rc = SQLITE_OK;
    const QStringList read = Raw(m_path).rows("SELECT card_id FROM card_state ORDER BY rowid", &rc);
    if (rc != SQLITE_CORRUPT || read.isEmpty() || read.size() >= kCards)
        return {};
    return cardName(int(read.size()));
}

void TestStoreReadFailure::repairPage()
{
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadWrite) && file.seek(m_offset));
    QCOMPARE(file.write(m_page), m_page.size());
    file.close();
    touch();
}

void TestStoreReadFailure::touch()
{
    const QByteArray sql = "PRAGMA user_version = " + QByteArray::number(MasteryStore::kSchemaVersion);
    QCOMPARE(Raw(m_path).exec(sql.constData()), SQLITE_OK);
}

QStringList TestStoreReadFailure::everything()
{
    Raw raw(m_path);
    return raw.rows("SELECT * FROM card_state ORDER BY card_id") + raw.rows("SELECT * FROM review_log ORDER BY id") +
           raw.rows("SELECT * FROM card_event ORDER BY id");
}

void TestStoreReadFailure::allProgress_failingPartWay_isReportedAndNotKept()
{
    const QString damaged = damagePage();
    QVERIFY2(!damaged.isEmpty(), "the damaged page should stop a scan of card_state part-way");
    const auto failed = m_store.allProgress();
    QVERIFY(!failed);
    QVERIFY2(!failed.error().isEmpty(), "a failure carries its reason");
    QVERIFY(!m_store.allProgress()); // read again, not taken from a cache
    repairPage();
    const auto all = m_store.allProgress();
    QVERIFY2(all, qPrintable(all.error()));
    QCOMPARE(all->size(), kCards);
    QCOMPARE(all->value(damaged).state, CardState::Review);
    QCOMPARE(all->value(damaged).reps, 3);
}

void TestStoreReadFailure::grade_ofUnreadableCard_isRefusedAndWritesNothing()
{
    const QStringList before = everything();
    QCOMPARE(before.size(), 2 * kCards);
    const QString damaged = damagePage();
    QVERIFY(!damaged.isEmpty());
    QVERIFY(!m_store.allProgress());
    Grader grader(m_store);
    QSignalSpy failed(&grader, &Grader::failed);
    QSignalSpy graded(&grader, &Grader::graded);
    QVERIFY(!grader.grade(damaged, Rating::Good, 1000, ReviewKind::Study, QDateTime::currentDateTimeUtc()));
    QCOMPARE(failed.size(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("could not be read")), qPrintable(message));
    QCOMPARE(graded.size(), 0);
    QVERIFY(!grader.canUndo());
    QVERIFY(!grader.previewIntervalSecs(damaged, QDateTime::currentDateTimeUtc()));
    repairPage();
    QCOMPARE(everything(), before);
}

void TestStoreReadFailure::marks_onUnreadableCard_areRefusedAndWriteNothing()
{
    const QStringList before = everything();
    const QString damaged = damagePage();
    QVERIFY(!damaged.isEmpty());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(m_store.setSuspended({cardName(0), damaged}, true, now)); // an error: all or nothing
    QVERIFY(m_store.setFlag(damaged, 2, now));
    QVERIFY(m_store.markLeech(damaged, now));
    QVERIFY(m_store.resetProgress(damaged, now));
    QVERIFY(!m_store.progress(damaged));
    repairPage();
    QCOMPARE(everything(), before);
}

// The danger a cached part-read would bring: a card missing from it would be graded as New.
void TestStoreReadFailure::grade_afterAFailedRead_startsFromTheRealState()
{
    const QString damaged = damagePage();
    QVERIFY(!damaged.isEmpty());
    QVERIFY(!m_store.allProgress());
    repairPage();
    Grader grader(m_store);
    const auto outcome = grader.grade(damaged, Rating::Good, 1000, ReviewKind::Study, QDateTime::currentDateTimeUtc());
    QVERIFY(outcome);
    QCOMPARE(outcome->before.state, CardState::Review);
    QCOMPARE(outcome->before.reps, 3);
    QCOMPARE(outcome->after.reps, 4);
    const auto log = m_store.reviews(damaged).value();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.first().stateBefore, std::optional<CardState>(CardState::Review));
}

QTEST_GUILESS_MAIN(TestStoreReadFailure)

// One Ctrl+Z over a whole quiz path: if the store refuses part of it, what was not taken back stays
// on the stack, and the next undo finishes the step.
void TestStoreReadFailure::undo_ofABatchFailingPartWay_keepsTheRestToRetry()
{
    const QStringList before = everything();
    Grader grader(m_store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        Grader::Batch batch(grader); // every card, so some sit on the page damaged below
        for (int i = 0; i < kCards; ++i)
            QVERIFY(grader.grade(cardName(i), Rating::Good, 1000, ReviewKind::Quiz, now));
    }
    // The grades sit in the write-ahead log; into the file with them, so the damage is what is read.
    QCOMPARE(Raw(m_path).exec("PRAGMA wal_checkpoint(TRUNCATE)"), SQLITE_OK);
    QVERIFY(!damagePage().isEmpty());
    QSignalSpy undone(&grader, &Grader::undone);
    QSignalSpy failed(&grader, &Grader::failed);
    QVERIFY(!grader.undo()); // newest first: the cards after the damaged page go back, then it fails
    QCOMPARE(failed.size(), 1);
    QVERIFY(undone.size() > 0 && undone.size() < kCards);
    QVERIFY(grader.canUndo());
    repairPage();
    QVERIFY(grader.undo()); // the rest of the step
    QCOMPARE(undone.size(), kCards);
    QCOMPARE(undone.last().first().toString(), cardName(0));
    QVERIFY(!grader.canUndo());
    QCOMPARE(everything(), before);
}

#include "tst_storereadfailure.moc"
