#pragma once

#include <QList>
#include <QRandomGenerator>

namespace k8sfc {

/// Fisher-Yates with bounded(), for the quiz (QuizGenerator, QuizSelection): std::shuffle's order
/// differs between standard libraries, and the same seed must give the same quiz everywhere.
template <typename T>
void seededShuffle(QList<T> &list, QRandomGenerator &random)
{
    for (qsizetype i = list.size() - 1; i > 0; --i)
        list.swapItemsAt(i, random.bounded(int(i) + 1));
}

} // namespace k8sfc
