#include "historycsv.h"

#include "csvformat.h"
#include "masterystore.h"
#include "registryloader.h"
#include "result.h"
#include "reviewreplay.h"

namespace k8sfc {

namespace {

const QStringList kRatings{QStringLiteral("again"), QStringLiteral("hard"), QStringLiteral("good"),
                           QStringLiteral("easy")};
const QStringList kStates{QStringLiteral("new"), QStringLiteral("learning"), QStringLiteral("review"),
                          QStringLiteral("relearning")};

/// A number in [first, first + names.size()), or one of `names`; -1 otherwise.
int numberOrName(const QString &text, int first, const QStringList &names)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (ok)
        return n >= first && n < first + names.size() ? n : -1;
    const qsizetype i = names.indexOf(text.toLower());
    return i < 0 ? -1 : int(i) + first;
}

// Before any review this app could have written; later than tomorrow is a typo (2062 for 2026)
// that would take its card out of every review queue.
const QDateTime kEarliest(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC);

/// The card and moment of a row, or why they cannot be used.
std::optional<QString> rowCardAndTime(const QStringList &values, const QDateTime &now, QString &cardId, QDateTime &at)
{
    cardId = values.at(0);
    if (!isValidName(cardId))
        return QStringLiteral("\"%1\" is not a card id").arg(cardId);
    at = QDateTime::fromString(values.at(1), Qt::ISODateWithMs);
    if (!at.isValid() || at.timeSpec() == Qt::LocalTime)
        return QStringLiteral("\"%1\" is not a UTC time such as 2024-05-01T09:30:00.125Z").arg(values.at(1));
    at = at.toUTC();
    if (at < kEarliest || at > now.addDays(1))
        return QStringLiteral("%1 is before 2000 or more than a day in the future").arg(values.at(1));
    return std::nullopt;
}

/// The reset a row of kind `reset` gives, or why the row is skipped.
Result<CardEvent> rowReset(const QStringList &values, const QDateTime &now)
{
    CardEvent e;
    e.kind = CardEvent::Kind::Reset;
    if (const std::optional<QString> problem = rowCardAndTime(values, now, e.cardId, e.at))
        return Failure{*problem};
    if (!values.at(2).isEmpty() || !values.at(3).isEmpty() || !values.at(5).isEmpty())
        return Failure{QStringLiteral("a reset row has no rating, duration_ms or state_before")};
    return e;
}

/// The review one row gives (`values` in HistoryCsv::header() order), or why the row is skipped.
Result<ReviewEntry> rowEntry(const QStringList &values, const QDateTime &now)
{
    ReviewEntry e;
    if (const std::optional<QString> problem = rowCardAndTime(values, now, e.cardId, e.reviewedAt))
        return Failure{*problem};
    const int rating = numberOrName(values.at(2), 1, kRatings);
    if (rating < 0)
        return Failure{QStringLiteral("rating \"%1\" is not 1-4 (Again, Hard, Good, Easy)").arg(values.at(2))};
    e.rating = Rating(rating);
    bool ok = true;
    e.durationMs = values.at(3).isEmpty() ? 0 : values.at(3).toLongLong(&ok);
    if (!ok || e.durationMs < 0)
        return Failure{QStringLiteral("duration_ms \"%1\" is not a number of milliseconds").arg(values.at(3))};
    const QString kind = values.at(4).toLower();
    if (!kind.isEmpty() && kind != QLatin1String("study") && kind != QLatin1String("quiz"))
        return Failure{QStringLiteral("kind \"%1\" is not study, quiz or reset").arg(values.at(4))};
    e.kind = kind == QLatin1String("quiz") ? ReviewKind::Quiz : ReviewKind::Study;
    if (!values.at(5).isEmpty()) {
        const int state = numberOrName(values.at(5), 0, kStates);
        if (state < 0)
            return Failure{
                QStringLiteral("state_before \"%1\" is not 0-3 (New, Learning, Review, Relearning)").arg(values.at(5))};
        e.stateBefore = CardState(state);
    }
    return e;
}

} // namespace

const QStringList &HistoryCsv::header()
{
    static const QStringList names{QStringLiteral("card_id"), QStringLiteral("reviewed_at"),
                                   QStringLiteral("rating"),  QStringLiteral("duration_ms"),
                                   QStringLiteral("kind"),    QStringLiteral("state_before")};
    return names;
}

QByteArray HistoryCsv::write(const QList<ReviewEntry> &reviews, const QList<CardEvent> &resets)
{
    QList<std::pair<QDateTime, QStringList>> rows;
    for (const ReviewEntry &r : reviews)
        rows.append({r.reviewedAt,
                     {r.cardId, r.reviewedAt.toUTC().toString(Qt::ISODateWithMs), QString::number(int(r.rating)),
                      QString::number(r.durationMs),
                      r.kind == ReviewKind::Quiz ? QStringLiteral("quiz") : QStringLiteral("study"),
                      r.stateBefore ? QString::number(int(*r.stateBefore)) : QString()}});
    for (const CardEvent &e : resets)
        if (e.kind == CardEvent::Kind::Reset)
            rows.append({e.at,
                         {e.cardId, e.at.toUTC().toString(Qt::ISODateWithMs), QString(), QString(),
                          QStringLiteral("reset"), QString()}});
    // A reset and a review of the same moment: the reset first, as the app cannot grade a card in
    // the instant it resets it.
    std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QString out = CsvFormat::record(header(), u',');
    for (const auto &row : std::as_const(rows))
        out += CsvFormat::record(row.second, u',');
    return out.toUtf8();
}

QHash<QString, QDateTime> HistoryCsv::lastResets(const QList<CardEvent> &resets)
{
    QHash<QString, QDateTime> last;
    for (const CardEvent &e : resets)
        if (e.kind == CardEvent::Kind::Reset && (!last.contains(e.cardId) || last.value(e.cardId) < e.at))
            last.insert(e.cardId, e.at);
    return last;
}

QList<ReviewEntry> HistoryCsv::read(const QByteArray &text, const QString &fileName, Diagnostics &rejected,
                                    const QDateTime &now, QList<CardEvent> *resets)
{
    QList<ReviewEntry> out;
    QList<CsvRecord> records = CsvFormat::parse(text, CsvFormat::detectDelimiter(text), fileName, rejected);
    if (records.isEmpty())
        return out;
    const CsvRecord head = records.takeFirst();
    QList<int> column; // index in the file of each of header()
    for (const QString &name : header())
        column.append(int(head.fields.indexOf(name)));
    for (int required = 0; required < 3; ++required)
        if (column.at(required) < 0) {
            rejected.append(Diagnostic{fileName, head.line, 0,
                                       QStringLiteral("the header has no \"%1\" column (expected: %2)")
                                           .arg(header().at(required), header().join(QStringLiteral(", ")))});
            return out;
        }
    for (const CsvRecord &r : std::as_const(records)) {
        QStringList values; // in header() order, empty where the file has no such column
        for (const int c : std::as_const(column))
            values.append(c >= 0 ? r.fields.value(c).trimmed() : QString());
        if (values.at(4).compare(QLatin1String("reset"), Qt::CaseInsensitive) == 0 &&
            r.fields.size() <= head.fields.size()) {
            Result<CardEvent> reset = rowReset(values, now);
            if (!reset)
                rejected.append(Diagnostic{fileName, r.line, 0, reset.error()});
            else if (resets)
                resets->append(std::move(reset).value());
            continue;
        }
        Result<ReviewEntry> entry =
            r.fields.size() > head.fields.size()
                ? Failure{QStringLiteral("%1 fields, but the header names %2 (an unquoted comma?)")
                              .arg(r.fields.size())
                              .arg(head.fields.size())}
                : rowEntry(values, now);
        if (entry)
            out.append(std::move(entry).value());
        else
            rejected.append(Diagnostic{fileName, r.line, 0, entry.error()});
    }
    return out;
}

HistoryImportReport HistoryCsv::importInto(MasteryStore &store, const Fsrs &fsrs, const QByteArray &text,
                                           const QString &fileName, const QDateTime &now)
{
    HistoryImportReport report;
    QList<CardEvent> resets;
    const QList<ReviewEntry> reviews = read(text, fileName, report.rejected, now, &resets);
    const auto done = store.importReviews(reviews, ReviewReplay::callback(fsrs), resets);
    if (!done) {
        report.failure = done.error();
        return report;
    }
    report.imported = done->imported;
    report.duplicates = done->duplicates;
    report.resets = done->resets;
    report.cardIds = done->cardIds;
    return report;
}

} // namespace k8sfc
