// MasteryStore: the learner's marks on cards (suspend, flag, leech, reset) and their event log.
#include "masterystore.h"

#include <QHash>

namespace k8sfc {

namespace {

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

const char *eventKindName(CardEvent::Kind kind)
{
    switch (kind) {
    case CardEvent::Kind::Reset: return "reset";
    case CardEvent::Kind::Suspend: return "suspend";
    case CardEvent::Kind::Unsuspend: return "unsuspend";
    case CardEvent::Kind::Flag: return "flag";
    case CardEvent::Kind::Leech: return "leech";
    }
    return "reset";
}

} // namespace

std::optional<QString> MasteryStore::logEvent(const QString &cardId, CardEvent::Kind kind, int value,
                                              const QDateTime &at)
{
    sql::Statement st(m_db, "INSERT INTO card_event (card_id, at, kind, value) VALUES (?1, ?2, ?3, ?4)");
    st.bind(1, cardId)
        .bind(2, at.toMSecsSinceEpoch())
        .bind(3, QString::fromLatin1(eventKindName(kind)))
        .bind(4, qint64(value));
    return st.run();
}

// A card whose state cannot be read is left alone: writing a default state over it would wipe its
// scheduling.
std::optional<QString> MasteryStore::changeMarks(const QString &cardId, CardEvent::Kind kind, int value,
                                                 const QDateTime &at, const std::function<bool(CardProgress &)> &change)
{
    Result<CardProgress> read = progress(cardId);
    if (!read)
        return read.error();
    CardProgress p = std::move(read).value();
    if (!change(p))
        return std::nullopt;
    if (auto error = writeState(p))
        return error;
    return logEvent(cardId, kind, value, at);
}

std::optional<QString> MasteryStore::setSuspended(const QStringList &cardIds, bool suspended, const QDateTime &at)
{
    const auto kind = suspended ? CardEvent::Kind::Suspend : CardEvent::Kind::Unsuspend;
    return inTransaction([&]() -> std::optional<QString> {
        for (const QString &id : cardIds) {
            const auto error = changeMarks(id, kind, 0, at, [suspended](CardProgress &p) {
                if (p.suspended == suspended)
                    return false;
                p.suspended = suspended;
                return true;
            });
            if (error)
                return error;
        }
        return std::nullopt;
    });
}

std::optional<QString> MasteryStore::setFlag(const QString &cardId, int flag, const QDateTime &at)
{
    return inTransaction([&] {
        return changeMarks(cardId, CardEvent::Kind::Flag, flag, at, [flag](CardProgress &p) {
            p.flag = flag;
            return true;
        });
    });
}

std::optional<QString> MasteryStore::markLeech(const QString &cardId, const QDateTime &at)
{
    return inTransaction([&] {
        return changeMarks(cardId, CardEvent::Kind::Leech, 0, at, [](CardProgress &p) {
            p.leech = true;
            p.suspended = true;
            return true;
        });
    });
}

std::optional<QString> MasteryStore::resetProgress(const QString &cardId, const QDateTime &at)
{
    return inTransaction([&] {
        return changeMarks(cardId, CardEvent::Kind::Reset, 0, at, [](CardProgress &p) {
            CardProgress fresh;
            fresh.cardId = p.cardId;
            fresh.flag = p.flag; // a flag is the learner's note, not progress
            p = fresh;
            return true;
        });
    });
}

Result<QList<CardEvent>> MasteryStore::events(const QString &cardId)
{
    if (!isOpen())
        return notOpen();
    QList<CardEvent> out;
    sql::Statement st(m_db, "SELECT id, at, kind, value FROM card_event WHERE card_id = ?1 ORDER BY at, id");
    st.bind(1, cardId);
    static const QHash<QString, CardEvent::Kind> kinds{{QStringLiteral("reset"), CardEvent::Kind::Reset},
                                                       {QStringLiteral("suspend"), CardEvent::Kind::Suspend},
                                                       {QStringLiteral("unsuspend"), CardEvent::Kind::Unsuspend},
                                                       {QStringLiteral("flag"), CardEvent::Kind::Flag},
                                                       {QStringLiteral("leech"), CardEvent::Kind::Leech}};
    while (st.next())
        out.append(CardEvent{st.int64(0), cardId, fromMs(st.int64(1)), kinds.value(st.text(2)), int(st.int64(3))});
    if (auto error = st.error())
        return Failure{*error};
    return out;
}

} // namespace k8sfc
