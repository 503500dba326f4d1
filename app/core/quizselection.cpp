#include "quizselection.h"

#include "componentregistry.h"
#include "seededshuffle.h"

#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

namespace k8sfc {

namespace {

/// One question per card: a card asked as a choice and then typed would answer itself. A question
/// not from a card is one per component to locate, or else one per prompt.
QString keyOf(const QuizQuestion &q)
{
    if (!q.cardId.isEmpty())
        return q.cardId;
    if (!q.arrowId.isEmpty())
        return QStringLiteral("arrow:") + q.arrowId;
    return q.componentId.isEmpty() ? QStringLiteral("prompt:") + q.prompt
                                   : QStringLiteral("component:") + q.componentId;
}

/// The forms take turns, starting with forms[first]; each keeps its own (shuffled) order.
QList<QuizQuestion> interleave(const QList<QuizQuestion> &questions, const QList<QuizQuestion::Form> &forms,
                               qsizetype first)
{
    QList<QList<QuizQuestion>> byForm(forms.size());
    for (const QuizQuestion &q : questions)
        if (const qsizetype i = forms.indexOf(q.form); i >= 0)
            byForm[(i - first % forms.size() + forms.size()) % forms.size()].append(q);
    QList<QuizQuestion> out;
    for (qsizetype round = 0, before = -1; out.size() != before; ++round) {
        before = out.size();
        for (const QList<QuizQuestion> &list : std::as_const(byForm))
            if (round < list.size())
                out.append(list.at(round));
    }
    return out;
}

/// The components, unseen (-1) first, then the lowest mastery; stable, so ties keep registry order.
QStringList weakestFirst(const ComponentRegistry &registry, const QHash<QString, double> &mastery)
{
    QStringList order;
    for (const Component &c : registry.components())
        order.append(c.id);
    std::stable_sort(order.begin(), order.end(), [&](const QString &a, const QString &b) {
        return mastery.value(a, -1.0) < mastery.value(b, -1.0);
    });
    return order;
}

/// A question reviewing several cards (a path, a connection) reviews the new ones among them only
/// while the day's allowance lasts; it is asked all the same, for the cards already studied.
QuizQuestion withinNewLimit(QuizQuestion q, const QuizConfig &config, int &newTaken)
{
    QStringList kept;
    for (const QString &id : std::as_const(q.cardIds)) {
        const bool isNew = config.newCards.contains(id);
        if (isNew && config.newCardsAllowed >= 0 && newTaken >= config.newCardsAllowed)
            continue;
        newTaken += isNew ? 1 : 0;
        kept.append(id);
    }
    q.cardIds = kept;
    return q;
}

} // namespace

bool QuizSelection::inScope(const QuizQuestion &q, const QuizConfig &config, const ComponentRegistry &registry)
{
    switch (config.scope) {
    case QuizConfig::Scope::All:
    case QuizConfig::Scope::Weakest: return true;
    case QuizConfig::Scope::Deck:
        return (!q.deckId.isEmpty() && q.deckId == config.scopeId) || q.deckIds.contains(config.scopeId);
    case QuizConfig::Scope::Component: {
        const QStringList ids = registry.withParts(config.scopeId);
        return std::any_of(q.components.cbegin(), q.components.cend(),
                           [&](const QString &id) { return ids.contains(id); });
    }
    }
    return false;
}

QList<QuizQuestion> QuizSelection::choose(const QList<QuizQuestion> &pool, const QuizConfig &config,
                                          const ComponentRegistry &registry, const QHash<QString, double> &mastery)
{
    QList<QuizQuestion::Form> forms;
    for (const QuizQuestion::Form f : config.forms)
        if (!forms.contains(f))
            forms.append(f);
    QList<QuizQuestion> candidates;
    for (const QuizQuestion &q : pool)
        if (forms.contains(q.form) && inScope(q, config, registry))
            candidates.append(q);
    QRandomGenerator random(config.seed ^ 0x5bd1e995u);
    seededShuffle(candidates, random);

    QList<QuizQuestion> out;
    QSet<QString> used;
    int newTaken = 0;
    auto take = [&](const QuizQuestion &q) {
        if (out.size() >= config.length || used.contains(keyOf(q)))
            return false;
        const bool isNew = config.newCards.contains(q.cardId);
        if (isNew && config.newCardsAllowed >= 0 && newTaken >= config.newCardsAllowed)
            return false;
        newTaken += isNew ? 1 : 0;
        used.insert(keyOf(q));
        out.append(withinNewLimit(q, config, newTaken));
        return true;
    };
    if (config.scope != QuizConfig::Scope::Weakest) {
        for (const QuizQuestion &q : interleave(candidates, forms, 0))
            take(q);
        seededShuffle(out, random);
        return out;
    }

    const QStringList order = weakestFirst(registry, mastery);
    QList<QList<QuizQuestion>> buckets;
    for (qsizetype i = 0; i < order.size(); ++i) {
        QList<QuizQuestion> about;
        for (const QuizQuestion &q : std::as_const(candidates))
            if (q.components.contains(order.at(i)))
                about.append(q);
        buckets.append(interleave(about, forms, i)); // vary the form that leads from one component to the next
    }
    QList<qsizetype> next(buckets.size(), 0);
    for (bool progress = true; progress && out.size() < config.length;) {
        progress = false;
        for (qsizetype b = 0; b < buckets.size(); ++b)
            while (next[b] < buckets.at(b).size())
                if (take(buckets.at(b).at(next[b]++))) {
                    progress = true;
                    break;
                }
    }
    return out;
}

} // namespace k8sfc
