// MasteryStore: FSRS weights fitted to the learner, and the counts that decide when to fit again.
#include "masterystore.h"

#include <QLocale>

#include <cmath>

namespace k8sfc {

namespace {

QString weightsText(const std::array<double, 21> &w)
{
    QStringList parts;
    for (const double x : w)
        parts.append(QString::number(x, 'g', QLocale::FloatingPointShortest));
    return parts.join(u' ');
}

std::optional<std::array<double, 21>> parseWeights(const QString &text)
{
    const QStringList parts = text.split(u' ', Qt::SkipEmptyParts);
    if (parts.size() != 21)
        return std::nullopt;
    std::array<double, 21> w{};
    for (int i = 0; i < 21; ++i) {
        bool ok = false;
        w[size_t(i)] = parts[i].toDouble(&ok);
        if (!ok || !std::isfinite(w[size_t(i)]))
            return std::nullopt;
    }
    return w;
}

} // namespace

Result<std::optional<FittedFsrs>> MasteryStore::fittedFsrs()
{
    if (!isOpen())
        return notOpen();
    sql::Statement st(m_db, "SELECT weights, fitted_at, review_count, refit_suggested FROM fsrs_parameters");
    if (!st.next()) {
        if (auto error = st.error())
            return Failure{*error};
        return std::optional<FittedFsrs>();
    }
    const auto weights = parseWeights(st.text(0));
    // Weights that cannot be read would silently schedule with others than the learner chose.
    if (!weights)
        return Failure{QStringLiteral("the fitted FSRS weights in %1 are damaged (%2)").arg(m_path, st.text(0))};
    FittedFsrs fit;
    fit.weights = *weights;
    fit.fittedAt = QDateTime::fromMSecsSinceEpoch(st.int64(1), Qt::UTC);
    fit.reviewCount = int(st.int64(2));
    fit.refitSuggested = st.int64(3) != 0;
    return std::optional(fit);
}

std::optional<QString> MasteryStore::applyFsrs(const std::optional<FittedFsrs> &fit, const QList<CardProgress> &states)
{
    return inTransaction([&]() -> std::optional<QString> {
        if (auto error = m_db.exec("DELETE FROM fsrs_parameters"))
            return error;
        if (fit) {
            sql::Statement st(m_db,
                              "INSERT INTO fsrs_parameters (id, weights, fitted_at, review_count, refit_suggested)"
                              " VALUES (1, ?1, ?2, ?3, ?4)");
            st.bind(1, weightsText(fit->weights))
                .bind(2, fit->fittedAt.toMSecsSinceEpoch())
                .bind(3, qint64(fit->reviewCount))
                .bind(4, qint64(fit->refitSuggested));
            if (auto error = st.run())
                return error;
        }
        for (const CardProgress &state : states)
            if (auto error = writeState(state))
                return error;
        return std::nullopt;
    });
}

std::optional<QString> MasteryStore::markRefitSuggested()
{
    return inTransaction([this] { return m_db.exec("UPDATE fsrs_parameters SET refit_suggested = 1"); });
}

Result<qint64> MasteryStore::reviewCountSince(const QDateTime &since)
{
    if (!isOpen())
        return notOpen();
    sql::Statement st(m_db, "SELECT COUNT(*) FROM review_log WHERE reviewed_at >= ?1");
    st.bind(1, since.toMSecsSinceEpoch());
    if (!st.next())
        return Failure{st.error().value_or(QStringLiteral("no count"))};
    return st.int64(0);
}

Result<QHash<QString, QDateTime>> MasteryStore::lastResets()
{
    if (!isOpen())
        return notOpen();
    QHash<QString, QDateTime> out;
    sql::Statement st(m_db, "SELECT card_id, MAX(at) FROM card_event WHERE kind = 'reset' GROUP BY card_id");
    while (st.next())
        out.insert(st.text(0), QDateTime::fromMSecsSinceEpoch(st.int64(1), Qt::UTC));
    if (auto error = st.error())
        return Failure{*error};
    return out;
}

} // namespace k8sfc
