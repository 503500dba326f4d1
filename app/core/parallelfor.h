#pragma once

#include <QThread>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace k8sfc {

/// Calls `work(i)` for every i in [0, count), spread over the machine's cores; returns when all
/// are done. `work` must only touch its own slot of any shared output. Used for deck parsing,
/// where yaml-cpp is the whole cost of a first start at scale.
template <typename Work>
void parallelFor(qsizetype count, Work work)
{
    const qsizetype threads = std::min<qsizetype>(count, std::max(1, QThread::idealThreadCount()));
    if (threads <= 1) {
        for (qsizetype i = 0; i < count; ++i)
            work(i);
        return;
    }
    std::atomic<qsizetype> next{0};
    auto run = [&] {
        for (qsizetype i = next++; i < count; i = next++)
            work(i);
    };
    std::vector<std::thread> pool;
    pool.reserve(size_t(threads - 1));
    for (qsizetype t = 1; t < threads; ++t)
        pool.emplace_back(run);
    run();
    for (std::thread &t : pool)
        t.join();
}

} // namespace k8sfc
