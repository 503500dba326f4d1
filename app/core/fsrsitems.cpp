#include "fsrsitems.h"

#include <algorithm>

namespace k8sfc {

FsrsItemSet FsrsItemSet::build(const QList<ReviewEntry> &log, const FsrsDayCounter &days,
                               const QHash<QString, QDateTime> &resets)
{
    QList<ReviewEntry> sorted = log;
    // Reviews of one instant keep the order of the log.
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const ReviewEntry &a, const ReviewEntry &b) { return a.reviewedAt < b.reviewedAt; });
    FsrsItemSet set;
    QHash<QString, int> cardIndex;
    std::vector<QDateTime> lastReview;
    for (const ReviewEntry &entry : std::as_const(sorted)) {
        const auto reset = resets.constFind(entry.cardId);
        if (reset != resets.constEnd() && entry.reviewedAt < *reset)
            continue;
        auto found = cardIndex.constFind(entry.cardId);
        if (found == cardIndex.constEnd()) {
            found = cardIndex.insert(entry.cardId, int(set.m_cards.size()));
            set.m_cards.emplace_back();
            lastReview.emplace_back();
        }
        const size_t card = size_t(*found);
        std::vector<FsrsReview> &reviews = set.m_cards[card];
        const int deltaT = reviews.empty() ? 0 : int(std::max<qint64>(days(lastReview[card], entry.reviewedAt), 0));
        reviews.push_back({int(entry.rating), deltaT});
        lastReview[card] = entry.reviewedAt;
        ++set.m_reviewCount;
        if (reviews.size() > 1 && deltaT > 0)
            set.m_items.push_back({int(card), int(reviews.size()) - 1});
    }
    return set;
}

FsrsItemSet FsrsItemSet::fromCards(std::vector<std::vector<FsrsReview>> cards)
{
    FsrsItemSet set;
    set.m_cards = std::move(cards);
    for (size_t c = 0; c < set.m_cards.size(); ++c) {
        set.m_reviewCount += int(set.m_cards[c].size());
        for (size_t i = 1; i < set.m_cards[c].size(); ++i)
            if (set.m_cards[c][i].deltaT > 0)
                set.m_items.push_back({int(c), int(i)});
    }
    return set;
}

int FsrsItemSet::longTermCount(const FsrsItem &item) const
{
    const std::vector<FsrsReview> &reviews = m_cards[size_t(item.card)];
    return int(std::count_if(reviews.begin(), reviews.begin() + item.index + 1,
                             [](const FsrsReview &r) { return r.deltaT > 0; }));
}

const FsrsReview &FsrsItemSet::firstLongTerm(const FsrsItem &item) const
{
    const std::vector<FsrsReview> &reviews = m_cards[size_t(item.card)];
    return *std::find_if(reviews.begin(), reviews.begin() + item.index + 1,
                         [](const FsrsReview &r) { return r.deltaT > 0; });
}

} // namespace k8sfc
