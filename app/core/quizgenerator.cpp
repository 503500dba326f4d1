#include "quizgenerator.h"

#include "answermatcher.h"
#include "content.h"
#include "quizform.h"
#include "quizforms.h"

#include <QRandomGenerator>

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
    const QuizForm *registered = quizForm(form);
    return registered ? generate(*registered, seed) : QList<QuizQuestion>();
}

QList<QuizQuestion> QuizGenerator::generate(const QuizForm &form, quint32 seed) const
{
    const ComponentRegistry &registry = m_content.registry();
    QList<QuizQuestion> out;
    for (const Deck &deck : m_content.decks()) {
        for (const Card &card : deck.cards) {
            QRandomGenerator random(seed ^ hashOf(card.id));
            const std::optional<QuizQuestion> q = form.fromCard(*this, card, random);
            if (q && !problemWith(*q, registry, form))
                out.append(*q);
        }
    }
    for (const QuizQuestion &q : form.fromContent(*this))
        if (!problemWith(q, registry, form))
            out.append(q);
    return out;
}

QString QuizGenerator::componentNamedBy(const QString &answer) const
{
    return m_componentByName.value(AnswerMatcher::normalise(answer));
}

std::optional<QString> QuizGenerator::problemWith(const QuizQuestion &q, const ComponentRegistry &registry)
{
    const QuizForm *form = quizForm(q.form);
    if (!form)
        return QStringLiteral("no such quiz form");
    return problemWith(q, registry, *form);
}

std::optional<QString> QuizGenerator::problemWith(const QuizQuestion &q, const ComponentRegistry &registry,
                                                  const QuizForm &form)
{
    if (q.prompt.trimmed().isEmpty())
        return QStringLiteral("empty prompt");
    if (q.answer.trimmed().isEmpty())
        return QStringLiteral("empty answer");
    for (const QString &id : q.components)
        if (!registry.contains(id))
            return QStringLiteral("unknown component \"%1\"").arg(id);
    return form.problemWith(q, registry);
}

QuizQuestion QuizGenerator::cardQuestion(const Card &card, QuizQuestion::Form form)
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

} // namespace k8sfc
