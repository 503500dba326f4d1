#include "replaycommand.h"

#include "contentfile.h"
#include "fsrs.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QLocale>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <variant>

namespace k8sfc::cli {

namespace {

struct Event
{
    QString cardId;
    QDateTime time; ///< UTC
    int rating = 0;
};

/// A value as JSON text: strings for the output lines (a QJsonObject would sort their keys), and
/// bad values quoted in messages.
QString jsonText(const QJsonValue &value)
{
    // QJsonDocument writes only arrays and objects: write [value] and drop the brackets.
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).chopped(1).mid(1);
}

/// The first key given twice in one object of a JSON text that parsed, as "event N …: KEY is
/// given twice". QJsonDocument keeps only the last of duplicate keys, so a log whose event says
/// "card_id" twice would replay a card the writer may not have meant.
std::optional<QString> duplicateKey(const QByteArray &json)
{
    struct Level
    {
        bool object = false;
        bool expectKey = false;
        QSet<QByteArray> keys;
    };
    QList<Level> stack;
    qsizetype event = 0; // the top-level element we are in
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '{' || c == '[') {
            stack.append({c == '{', c == '{', {}});
        } else if (c == '}' || c == ']') {
            stack.removeLast();
        } else if (c == ',' && !stack.isEmpty()) {
            stack.last().expectKey = stack.last().object;
            if (stack.size() == 1)
                ++event;
        } else if (c == '"') {
            const qsizetype start = i;
            for (++i; i < json.size() && json.at(i) != '"'; ++i)
                if (json.at(i) == '\\')
                    ++i;
            if (stack.isEmpty() || !stack.last().expectKey)
                continue;
            stack.last().expectKey = false;
            QByteArray key = json.mid(start + 1, i - start - 1);
            if (key.contains('\\')) // an escaped letter and the letter are one key
                key = QJsonDocument::fromJson("[\"" + key + "\"]").array().at(0).toString().toUtf8();
            if (stack.last().keys.contains(key))
                return QStringLiteral("event %1 (counting from 0): \"%2\" is given twice")
                    .arg(event)
                    .arg(QString::fromUtf8(key));
            stack.last().keys.insert(key);
        }
    }
    return std::nullopt;
}

/// The events of a log, or what is wrong with it.
std::variant<QList<Event>, QString> parseEvents(const QByteArray &data)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("not valid JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset);
    if (const std::optional<QString> twice = duplicateKey(data))
        return *twice;
    if (!document.isArray())
        return QStringLiteral("expected a JSON array of events such as "
                              "{\"card_id\": \"etcd\", \"timestamp\": \"2024-05-01T09:30:00Z\", \"rating\": 3}");
    const QJsonArray array = document.array();
    QList<Event> events;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const auto bad = [i](const QString &problem) {
            return QStringLiteral("event %1 (counting from 0): %2").arg(i).arg(problem);
        };
        if (!array.at(i).isObject())
            return bad(QStringLiteral("not a JSON object"));
        const QJsonObject object = array.at(i).toObject();
        for (const char *key : {"card_id", "timestamp", "rating"}) {
            if (!object.contains(QLatin1String(key)))
                return bad(QStringLiteral("missing \"%1\"").arg(QLatin1String(key)));
        }
        Event event;
        const QJsonValue id = object.value(QStringLiteral("card_id"));
        if (!id.isString() || id.toString().isEmpty())
            return bad(QStringLiteral("\"card_id\" must be a non-empty string"));
        event.cardId = id.toString();

        const QJsonValue timestamp = object.value(QStringLiteral("timestamp"));
        if (!timestamp.isString())
            return bad(QStringLiteral("\"timestamp\" must be a string such as \"2024-05-01T09:30:00Z\""));
        const QDateTime time = QDateTime::fromString(timestamp.toString(), Qt::ISODateWithMs);
        if (!time.isValid())
            return bad(
                QStringLiteral("\"timestamp\" \"%1\" is not an ISO 8601 date and time").arg(timestamp.toString()));
        // Without a zone Qt would read local time, and the same log would replay differently
        // on another machine.
        if (time.timeSpec() == Qt::LocalTime)
            return bad(
                QStringLiteral("\"timestamp\" \"%1\" has no time zone (add Z for UTC)").arg(timestamp.toString()));
        event.time = time.toUTC();

        const QJsonValue rating = object.value(QStringLiteral("rating"));
        const double value = rating.toDouble(-1);
        if (!rating.isDouble() || value != std::floor(value) || value < 1 || value > 4)
            return bad(QStringLiteral("\"rating\" must be 1, 2, 3 or 4, not %1").arg(jsonText(rating)));
        event.rating = int(value);
        events.append(event);
    }
    return events;
}

QString isoUtc(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const bool ms = utc.time().msec() != 0;
    const int year = utc.date().year();
    if (year >= 0 && year <= 9999)
        return utc.toString(ms ? Qt::ISODateWithMs : Qt::ISODate);
    // Qt writes no ISO date past 9999 (a review late in 9999 is due in 10000); JavaScript's
    // toISOString, which ts-fsrs prints, writes a signed six-digit year: +010000-01-08T23:59:59Z.
    const QString sign = year < 0 ? QStringLiteral("-") : QStringLiteral("+");
    return sign + QStringLiteral("%1-").arg(std::abs(year), 6, 10, QLatin1Char('0')) +
           utc.toString(ms ? QStringLiteral("MM-dd'T'HH:mm:ss.zzz'Z'") : QStringLiteral("MM-dd'T'HH:mm:ss'Z'"));
}

QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString stateName(FsrsState state)
{
    switch (state) {
    case FsrsState::New: return QStringLiteral("New");
    case FsrsState::Learning: return QStringLiteral("Learning");
    case FsrsState::Review: return QStringLiteral("Review");
    case FsrsState::Relearning: return QStringLiteral("Relearning");
    }
    return {};
}

} // namespace

int ReplayCommand::run(const QString &path, bool longTerm)
{
    QTextStream err(stderr);
    const bool fromStdin = path == QLatin1String("-");
    QFile file;
    // A named file must be a regular one (a FIFO would wait for a writer); stdin is what it is.
    const std::optional<QString> unreadable =
        !fromStdin ? openRegularFile(path, file)
                   : (file.open(stdin, QIODevice::ReadOnly) ? std::nullopt : std::optional(file.errorString()));
    if (unreadable) {
        err << "k8s-flashcards replay: cannot read " << path << ": " << *unreadable << Qt::endl;
        return 2;
    }
    const QString name = fromStdin ? QStringLiteral("stdin") : path;
    // Read one byte past the limit, so endless input (/dev/zero, a runaway pipe) is never held whole.
    QByteArray input;
    while (input.size() <= kMaxReplayBytes) { // a pipe gives what it has, a chunk at a time
        const QByteArray chunk = file.read(kMaxReplayBytes + 1 - input.size());
        if (chunk.isEmpty())
            break;
        input += chunk;
    }
    if (input.size() > kMaxReplayBytes) {
        err << "k8s-flashcards replay: " << name << ": the input is over the " << kMaxReplayBytes / (1024 * 1024)
            << " MiB limit for a review log" << Qt::endl;
        return 2;
    }
    QString problem;
    const std::optional<QByteArray> lines = replay(input, longTerm, &problem);
    if (!lines) {
        err << "k8s-flashcards replay: " << name << ": " << problem << Qt::endl;
        return 2;
    }
    QTextStream out(stdout);
    out << *lines;
    out.flush();
    return 0;
}

std::optional<QByteArray> ReplayCommand::replay(const QByteArray &input, bool longTerm, QString *error)
{
    auto parsed = parseEvents(input);
    if (const QString *problem = std::get_if<QString>(&parsed)) {
        if (error)
            *error = *problem;
        return std::nullopt;
    }
    QList<Event> events = std::get<QList<Event>>(std::move(parsed));
    // Reviews of one instant keep the order of the file.
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.time < b.time; });

    FsrsParameters parameters;
    parameters.enableShortTerm = !longTerm;
    const Fsrs fsrs(parameters);
    QHash<QString, FsrsCard> cards;
    QString lines;
    QTextStream out(&lines);
    for (const Event &event : events) {
        FsrsCard &card = cards[event.cardId];
        card.cardId = event.cardId;
        card = fsrs.next(card, event.time, event.rating);
        out << "{\"card_id\":" << jsonText(event.cardId) << ",\"review_time\":\"" << isoUtc(event.time)
            << "\",\"rating\":" << event.rating << ",\"state\":\"" << stateName(card.state)
            << "\",\"stability\":" << number(card.stability) << ",\"difficulty\":" << number(card.difficulty)
            << ",\"scheduled_days\":" << card.scheduledDays << ",\"due\":\"" << isoUtc(card.due)
            << "\",\"reps\":" << card.reps << ",\"lapses\":" << card.lapses << "}\n";
    }
    out.flush();
    return lines.toUtf8();
}

} // namespace k8sfc::cli
