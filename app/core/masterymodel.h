#pragma once

#include "mastery.h"

#include <QList>
#include <QVarLengthArray>

namespace k8sfc {

/// Mastery per component, and per arrow id the cards name (`arrow.a--b`, or one copy's id), kept up to date one grade
/// at a time: a full rebuild reads every card, an update after a grade moves only that card's share of its components'
/// sums. Recall fades with time, so the caller rebuilds now and then (the window does every minute).
class MasteryModel
{
public:
    void rebuild(const ContentSet &content, const QHash<QString, CardProgress> &progress, const QDateTime &now,
                 const RecallFunction &recall);
    /// One card's state changed (a grade, an undo, a reset).
    void update(const QString &cardId, const CardProgress &progress, const QDateTime &now,
                const RecallFunction &recall);
    QHash<QString, ComponentMastery> result() const;
    bool isEmpty() const { return m_components.isEmpty(); }

private:
    struct Sum
    {
        int cards = 0, seen = 0;
        double recall = 0;
    };
    struct CardShare
    {
        /// Components (and their parents) the card counts for: inline for the usual few, so a
        /// rebuild makes no allocation per card (a quarter of its instructions at 50,000 cards).
        QVarLengthArray<int, 6> owners;
        bool seen = false;
        double recall = 0;
    };

    QStringList m_components;
    QList<Sum> m_sums;
    QHash<QString, CardShare> m_cards;
};

} // namespace k8sfc
