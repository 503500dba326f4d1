#include "sqlitewal.h"

#include <QFile>

#include <array>

namespace k8sfc::sql {

namespace {

constexpr quint32 kMagic = 0x377f0682; // | 1: the checksums read big-endian words
constexpr qsizetype kHeaderSize = 32;
constexpr qsizetype kFrameHeaderSize = 24;
constexpr qint64 kLargestInspected = qint64(1) << 30; // a mastery log is a few MB; beyond, trust SQLite

quint32 be32(const char *p)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    return quint32(u[0]) << 24 | quint32(u[1]) << 16 | quint32(u[2]) << 8 | quint32(u[3]);
}

quint32 le32(const char *p)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    return quint32(u[3]) << 24 | quint32(u[2]) << 16 | quint32(u[1]) << 8 | quint32(u[0]);
}

using Checksum = std::array<quint32, 2>;

// The WAL checksum of SQLite's file format (section 4.1), continued from `s` over `size` bytes.
Checksum checksum(const char *data, qsizetype size, Checksum s, bool bigEndian)
{
    for (qsizetype i = 0; i + 8 <= size; i += 8) {
        const quint32 x0 = bigEndian ? be32(data + i) : le32(data + i);
        const quint32 x1 = bigEndian ? be32(data + i + 4) : le32(data + i + 4);
        s[0] += x0 + s[1];
        s[1] += x1 + s[0];
    }
    return s;
}

} // namespace

WalReport WalReport::inspect(const QString &path)
{
    WalReport report;
    QFile file(path);
    if (file.size() <= kHeaderSize || file.size() > kLargestInspected || !file.open(QIODevice::ReadOnly))
        return report;
    const QByteArray wal = file.readAll();
    const char *h = wal.constData();
    const quint32 magic = be32(h);
    const quint32 pageSize = be32(h + 8) == 1 ? 65536 : be32(h + 8);
    if ((magic & ~1u) != kMagic || pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)))
        return report;
    const bool bigEndian = magic & 1;
    Checksum sum = checksum(h, 24, {0, 0}, bigEndian);
    if (sum != Checksum{be32(h + 24), be32(h + 28)})
        return report; // SQLite ignores the whole log; nothing in it was ever replayed
    const qsizetype frameSize = kFrameHeaderSize + pageSize;
    const qsizetype frames = (wal.size() - kHeaderSize) / frameSize;
    auto saltsMatch = [&](const char *f) { return be32(f + 8) == be32(h + 16) && be32(f + 12) == be32(h + 20); };
    qsizetype i = 0;
    for (; i < frames; ++i) {
        const char *f = h + kHeaderSize + i * frameSize;
        if (!saltsMatch(f))
            break; // a frame of an older round of the log: the end of this one
        sum = checksum(f + kFrameHeaderSize, pageSize, checksum(f, 8, sum, bigEndian), bigEndian);
        if (sum != Checksum{be32(f + 16), be32(f + 20)})
            break;
        if (be32(f + 4) != 0)
            report.replayedFrames = int(i + 1);
    }
    // Commits of this round after the bad frame were written and synced whole: they are lost to
    // SQLite. A bad last frame alone is a write a crash cut short, whose commit never returned.
    for (qsizetype j = i + 1; j < frames; ++j) {
        const char *f = h + kHeaderSize + j * frameSize;
        if (saltsMatch(f) && be32(f + 4) != 0)
            ++report.lostCommits;
    }
    return report;
}

} // namespace k8sfc::sql
