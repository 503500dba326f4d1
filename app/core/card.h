#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace k8sfc {

/// One flashcard. `id` is stable forever: review history is keyed by it.
struct Card
{
    QString id;
    QString deckId;
    QStringList components; ///< registry ids
    QStringList arrows;     ///< arrow ids: `arrow.a--b` for every copy, `arrow.a.copy--b` for one
    QStringList tags;       ///< free-form concept tags
    QString front;          ///< Markdown
    QString back;           ///< Markdown
    QString source;         ///< https link to the page the card rests on (a learner's deck may leave it empty)
    QString answer;         ///< short answer for typed quizzes (optional)
    QStringList aliases;
    QStringList choices;  ///< multiple-choice options including `answer` (optional)
    QString answerKind;   ///< what `answer` is, one of answerKinds(); empty when the deck does not say
    bool twoPart = false; ///< the front asks two things ("what and why"): no typed or locate question
    QString copiedFrom;   ///< the id of the card this one was copied from ("Copy to My Cards")
    QString file;
    int line = 0;
    int column = 0;

    // Every field: the deck cache's round-trip test compares whole cards.
    friend bool operator==(const Card &, const Card &) = default;
};

/// The values of a card's `answer-kind`. The quiz draws multiple-choice distractors only among
/// answers of one kind; "other" is no kind it can match.
inline QStringList answerKinds()
{
    return {QStringLiteral("component"), QStringLiteral("port"),     QStringLiteral("verb"),
            QStringLiteral("flag"),      QStringLiteral("resource"), QStringLiteral("other")};
}

struct Deck
{
    QString id; ///< the file stem
    QString title;
    QString description;
    QString file;
    QList<Card> cards;

    friend bool operator==(const Deck &, const Deck &) = default;
};

} // namespace k8sfc
