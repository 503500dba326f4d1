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
    QStringList tags;       ///< free-form concept tags
    QString front;          ///< Markdown
    QString back;           ///< Markdown
    QString source;         ///< https link to the page the card rests on
    QString answer;         ///< short answer for typed quizzes (optional)
    QStringList aliases;
    QStringList choices; ///< multiple-choice options including `answer` (optional)
    QString file;
    int line = 0;
    int column = 0;

    // Every field: the deck cache's round-trip test compares whole cards.
    friend bool operator==(const Card &, const Card &) = default;
};

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
