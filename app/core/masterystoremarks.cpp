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

bool MasteryStore::logEvent(const QString &cardId, CardEvent::Kind kind, int value, const QDateTime &at)
{
    sql::Statement st(m_db, "INSERT INTO card_event (card_id, at, kind, value) VALUES (?1, ?2, ?3, ?4)");
    st.bind(1, cardId)
        .bind(2, at.toMSecsSinceEpoch())
        .bind(3, QString::fromLatin1(eventKindName(kind)))
        .bind(4, qint64(value));
    return st.run();
}

bool MasteryStore::setSuspended(const QStringList &cardIds, bool suspended, const QDateTime &at)
{
    return inTransaction([&] {
        for (const QString &id : cardIds) {
            CardProgress p = progress(id);
            if (p.suspended == suspended)
                continue;
            p.suspended = suspended;
            if (!writeState(p) ||
                !logEvent(id, suspended ? CardEvent::Kind::Suspend : CardEvent::Kind::Unsuspend, 0, at))
                return false;
        }
        return true;
    });
}

bool MasteryStore::setFlag(const QString &cardId, int flag, const QDateTime &at)
{
    return inTransaction([&] {
        CardProgress p = progress(cardId);
        p.flag = flag;
        return writeState(p) && logEvent(cardId, CardEvent::Kind::Flag, flag, at);
    });
}

bool MasteryStore::markLeech(const QString &cardId, const QDateTime &at)
{
    return inTransaction([&] {
        CardProgress p = progress(cardId);
        p.leech = true;
        p.suspended = true;
        return writeState(p) && logEvent(cardId, CardEvent::Kind::Leech, 0, at);
    });
}

bool MasteryStore::resetProgress(const QString &cardId, const QDateTime &at)
{
    return inTransaction([&] {
        const CardProgress old = progress(cardId);
        CardProgress fresh;
        fresh.cardId = cardId;
        fresh.flag = old.flag; // a flag is the learner's note, not progress
        return writeState(fresh) && logEvent(cardId, CardEvent::Kind::Reset, 0, at);
    });
}

QList<CardEvent> MasteryStore::events(const QString &cardId)
{
    QList<CardEvent> out;
    if (!isOpen())
        return out;
    sql::Statement st(m_db, "SELECT id, at, kind, value FROM card_event WHERE card_id = ?1 ORDER BY at, id");
    st.bind(1, cardId);
    static const QHash<QString, CardEvent::Kind> kinds{{QStringLiteral("reset"), CardEvent::Kind::Reset},
                                                       {QStringLiteral("suspend"), CardEvent::Kind::Suspend},
                                                       {QStringLiteral("unsuspend"), CardEvent::Kind::Unsuspend},
                                                       {QStringLiteral("flag"), CardEvent::Kind::Flag},
                                                       {QStringLiteral("leech"), CardEvent::Kind::Leech}};
    while (st.next())
        out.append(CardEvent{st.int64(0), cardId, fromMs(st.int64(1)), kinds.value(st.text(2)), int(st.int64(3))});
    return out;
}

} // namespace k8sfc
