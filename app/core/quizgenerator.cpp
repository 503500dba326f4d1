#include "quizgenerator.h"

#include "answermatcher.h"
#include "content.h"
#include "seededshuffle.h"

#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

namespace k8sfc {

namespace {

/// FNV-1a over the id's UTF-16: a per-card seed that is the same on every run and platform.
quint32 hashOf(const QString &id)
{
    quint32 h = 2166136261u;
    for (const QChar c : id) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return h;
}

bool isYesNo(const QString &answer)
{
    const QString n = AnswerMatcher::normalise(answer);
    for (const QLatin1String word : {QLatin1String("yes"), QLatin1String("no")})
        if (n == word || n.startsWith(QString(word) + u' '))
            return true;
    return false;
}

bool sharesTag(const Card &a, const Card &b)
{
    for (const QString &tag : a.tags)
        if (b.tags.contains(tag))
            return true;
    return false;
}

QuizQuestion fromCard(const Card &card, QuizQuestion::Form form)
{
    QuizQuestion q;
    q.form = form;
    q.cardId = card.id;
    q.deckId = card.deckId;
    q.prompt = card.front.trimmed();
    q.answer = card.answer;
    q.components = card.components;
    return q;
}

} // namespace

QuizGenerator::QuizGenerator(const ContentSet &content) : m_content(content)
{
    for (const Component &c : content.registry().components()) {
        m_componentByName.insert(AnswerMatcher::normalise(c.id), c.id);
        m_componentByName.insert(AnswerMatcher::normalise(c.name), c.id);
    }
}

QList<QuizQuestion> QuizGenerator::generate(QuizQuestion::Form form, quint32 seed) const
{
    QList<QuizQuestion> out;
    for (const Deck &deck : m_content.decks()) {
        for (const Card &card : deck.cards) {
            QRandomGenerator random(seed ^ hashOf(card.id));
            std::optional<QuizQuestion> q;
            switch (form) {
            case QuizQuestion::Form::MultipleChoice: q = multipleChoice(card, random); break;
            case QuizQuestion::Form::Typed: q = typed(card); break;
            case QuizQuestion::Form::Locate: q = locate(card); break;
            }
            if (q && !problemWith(*q, m_content.registry()))
                out.append(*q);
        }
    }
    if (form == QuizQuestion::Form::Locate)
        for (const QuizQuestion &q : locateFromRegistry())
            if (!problemWith(q, m_content.registry()))
                out.append(q);
    return out;
}

std::optional<QuizQuestion> QuizGenerator::multipleChoice(const Card &card, QRandomGenerator &random) const
{
    if (card.answer.trimmed().isEmpty())
        return std::nullopt;
    QuizQuestion q = fromCard(card, QuizQuestion::Form::MultipleChoice);
    if (!card.choices.isEmpty()) {
        q.options = card.choices;
    } else {
        const QStringList distractors = distractorsFor(card, random);
        if (distractors.size() < kDistractors)
            return std::nullopt;
        q.options = QStringList{card.answer} + distractors;
    }
    seededShuffle(q.options, random);
    const QString key = AnswerMatcher::normalise(card.answer);
    for (qsizetype i = 0; i < q.options.size(); ++i)
        if (AnswerMatcher::normalise(q.options.at(i)) == key)
            q.correctOption = int(i);
    if (q.correctOption >= 0)
        q.answer = q.options.at(q.correctOption);
    return q;
}

QStringList QuizGenerator::distractorsFor(const Card &card, QRandomGenerator &random) const
{
    // Cards sharing a tag make the closest distractors; the rest of the deck comes next.
    QStringList byTag, byDeck;
    for (const Deck &deck : m_content.decks()) {
        for (const Card &other : deck.cards) {
            if (other.id == card.id || other.answer.trimmed().isEmpty())
                continue;
            if (sharesTag(card, other))
                byTag.append(other.answer);
            else if (other.deckId == card.deckId)
                byDeck.append(other.answer);
        }
    }
    seededShuffle(byTag, random);
    seededShuffle(byDeck, random);
    // A yes/no question gets yes/no distractors and no other question gets one: a lone "No, ..."
    // among noun phrases gives the answer away.
    const bool yesNo = isYesNo(card.answer);
    const QStringList numbers = AnswerMatcher::numbersIn(card.answer);
    // "A 300 s toleration" is the same fact as "After 300 s": a shared number is no distractor.
    auto sharesNumber = [&](const QString &candidate) {
        const QStringList theirs = AnswerMatcher::numbersIn(candidate);
        return std::any_of(theirs.cbegin(), theirs.cend(), [&](const QString &n) { return numbers.contains(n); });
    };
    QSet<QString> seen{AnswerMatcher::normalise(card.answer)};
    QStringList out;
    for (const QString &candidate : byTag + byDeck) {
        const QString key = AnswerMatcher::normalise(candidate);
        // A candidate that the typed matcher would accept is a second right answer, not a distractor.
        if (out.size() == kDistractors || seen.contains(key) || isYesNo(candidate) != yesNo ||
            sharesNumber(candidate) ||
            AnswerMatcher::match(candidate, card.answer, card.aliases) != AnswerMatcher::Result::Wrong)
            continue;
        seen.insert(key);
        out.append(candidate);
    }
    return out;
}

std::optional<QuizQuestion> QuizGenerator::typed(const Card &card) const
{
    if (card.answer.trimmed().isEmpty())
        return std::nullopt;
    const QStringList accepted = QStringList{card.answer} + card.aliases;
    const bool typeable = std::any_of(accepted.cbegin(), accepted.cend(), [](const QString &a) {
        return AnswerMatcher::normalise(a).count(u' ') < kMaxTypedWords;
    });
    if (!typeable)
        return std::nullopt;
    QuizQuestion q = fromCard(card, QuizQuestion::Form::Typed);
    q.aliases = card.aliases;
    return q;
}

QString QuizGenerator::componentNamedBy(const QString &answer) const
{
    return m_componentByName.value(AnswerMatcher::normalise(answer));
}

std::optional<QuizQuestion> QuizGenerator::locate(const Card &card) const
{
    const QString id = componentNamedBy(card.answer);
    if (id.isEmpty())
        return std::nullopt;
    QuizQuestion q = fromCard(card, QuizQuestion::Form::Locate);
    q.componentId = id;
    q.answer = m_content.registry().component(id)->name;
    if (!q.components.contains(id))
        q.components.append(id);
    return q;
}

QList<QuizQuestion> QuizGenerator::locateFromRegistry() const
{
    QList<QuizQuestion> out;
    for (const Component &c : m_content.registry().components()) {
        if (c.role.trimmed().isEmpty())
            continue;
        QuizQuestion q;
        q.form = QuizQuestion::Form::Locate;
        q.prompt = QStringLiteral("Click the component that: ") + c.role.trimmed();
        q.answer = c.name;
        q.componentId = c.id;
        q.components = {c.id};
        out.append(q);
    }
    return out;
}

std::optional<QString> QuizGenerator::problemWith(const QuizQuestion &q, const ComponentRegistry &registry)
{
    if (q.prompt.trimmed().isEmpty())
        return QStringLiteral("empty prompt");
    if (q.answer.trimmed().isEmpty())
        return QStringLiteral("empty answer");
    for (const QString &id : q.components)
        if (!registry.contains(id))
            return QStringLiteral("unknown component \"%1\"").arg(id);
    switch (q.form) {
    case QuizQuestion::Form::MultipleChoice: {
        if (q.options.size() < 2)
            return QStringLiteral("fewer than two options");
        QSet<QString> keys;
        int correct = 0;
        const QString answer = AnswerMatcher::normalise(q.answer);
        for (const QString &option : q.options) {
            const QString key = AnswerMatcher::normalise(option);
            if (key.isEmpty() || keys.contains(key))
                return QStringLiteral("options not distinct: \"%1\"").arg(option);
            keys.insert(key);
            correct += key == answer ? 1 : 0;
        }
        if (correct != 1 || q.correctOption < 0 || q.correctOption >= q.options.size() ||
            AnswerMatcher::normalise(q.options.at(q.correctOption)) != answer)
            return QStringLiteral("not exactly one correct option");
        return std::nullopt;
    }
    case QuizQuestion::Form::Typed: return std::nullopt;
    case QuizQuestion::Form::Locate:
        if (!registry.contains(q.componentId))
            return QStringLiteral("unknown component \"%1\" to locate").arg(q.componentId);
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace k8sfc
