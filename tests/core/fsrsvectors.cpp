#include "fsrsvectors.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace k8sfc::testing {

namespace {

const QStringList kStates{QStringLiteral("New"), QStringLiteral("Learning"), QStringLiteral("Review"),
                          QStringLiteral("Relearning")};

/// "10m", "1h", "1d" as ts-fsrs writes learning steps.
qint64 stepSecs(const QString &step)
{
    const qint64 value = step.chopped(1).toLongLong();
    switch (step.back().toLatin1()) {
    case 'h': return value * 3600;
    case 'd': return value * 86400;
    default: return value * 60;
    }
}

} // namespace

QStringList vectorModes()
{
    return {QStringLiteral("short-term"), QStringLiteral("long-term"), QStringLiteral("custom-short-term"),
            QStringLiteral("custom-long-term")};
}

QJsonObject readVectors(const QString &mode)
{
    QFile file(QStringLiteral(K8SFC_SOURCE_DIR "/tests/data/fsrs/vectors-%1.json").arg(mode));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toUTC();
}

FsrsParameters parametersFrom(const QJsonObject &json)
{
    FsrsParameters p;
    const QJsonArray w = json.value(QStringLiteral("w")).toArray();
    for (int i = 0; i < 21; ++i)
        p.w[i] = w.at(i).toDouble();
    p.desiredRetention = json.value(QStringLiteral("desired_retention")).toDouble();
    p.maximumInterval = json.value(QStringLiteral("maximum_interval")).toInt();
    p.learningStepsSecs.clear();
    for (const QJsonValue &step : json.value(QStringLiteral("learning_steps")).toArray())
        p.learningStepsSecs.append(stepSecs(step.toString()));
    p.relearningStepsSecs.clear();
    for (const QJsonValue &step : json.value(QStringLiteral("relearning_steps")).toArray())
        p.relearningStepsSecs.append(stepSecs(step.toString()));
    p.enableShortTerm = json.value(QStringLiteral("enable_short_term")).toBool();
    p.enableFuzz = json.value(QStringLiteral("enable_fuzz")).toBool();
    return p;
}

FsrsCard cardFrom(const QJsonObject &expected, const QString &reviewTime)
{
    FsrsCard card;
    if (expected.isEmpty())
        return card;
    card.state = FsrsState(kStates.indexOf(expected.value(QStringLiteral("state")).toString()));
    card.stability = expected.value(QStringLiteral("stability")).toDouble();
    card.difficulty = expected.value(QStringLiteral("difficulty")).toDouble();
    card.due = utc(expected.value(QStringLiteral("due")).toString());
    card.lastReview = utc(reviewTime);
    card.elapsedDays = expected.value(QStringLiteral("elapsed_days")).toInteger();
    card.scheduledDays = expected.value(QStringLiteral("scheduled_days")).toInteger();
    card.reps = expected.value(QStringLiteral("reps")).toInt();
    card.lapses = expected.value(QStringLiteral("lapses")).toInt();
    card.learningStep = expected.value(QStringLiteral("learning_steps")).toInt();
    return card;
}

bool nearlyEqual(double a, double b)
{
    return std::abs(a - b) <= 1e-6 * std::max(std::abs(a), std::abs(b));
}

QString mismatch(const FsrsCard &got, const QJsonObject &want)
{
    QStringList diffs;
    const auto check = [&diffs, &want](const char *key, const QString &value) {
        const QString expected = want.value(QLatin1String(key)).toVariant().toString();
        if (value != expected)
            diffs << QStringLiteral("%1 %2, expected %3").arg(QLatin1String(key), value, expected);
    };
    check("state", kStates.value(int(got.state)));
    check("due", got.due.toString(Qt::ISODate));
    check("elapsed_days", QString::number(got.elapsedDays));
    check("scheduled_days", QString::number(got.scheduledDays));
    check("reps", QString::number(got.reps));
    check("lapses", QString::number(got.lapses));
    check("learning_steps", QString::number(got.learningStep));
    for (const auto &[key, value] : {std::pair{"stability", got.stability}, std::pair{"difficulty", got.difficulty}}) {
        const double expected = want.value(QLatin1String(key)).toDouble();
        if (!nearlyEqual(value, expected))
            diffs << QStringLiteral("%1 %2, expected %3").arg(QLatin1String(key)).arg(value, 0, 'g', 17).arg(expected);
    }
    return diffs.join(QStringLiteral("; "));
}

} // namespace k8sfc::testing
