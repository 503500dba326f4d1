#include "contentfile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace k8sfc {

std::optional<Diagnostic> contentSizeError(const QString &fileName, qsizetype size)
{
    if (size <= kMaxContentFileBytes)
        return std::nullopt;
    const auto mib = [](qsizetype bytes) { return QString::number(double(bytes) / (1024 * 1024), 'f', 1); };
    return Diagnostic{fileName, 1, 1,
                      QStringLiteral("the file is %1 MiB, over the %2 MiB limit for content files")
                          .arg(mib(size), QString::number(kMaxContentFileBytes / (1024 * 1024)))};
}

std::optional<QString> openRegularFile(const QString &path, QFile &file)
{
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. The type is then
    // read from the open descriptor itself, so a file swapped in between cannot slip through.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) // strerror's "Too many levels of symbolic links" does not say there is a loop
        return errno == ELOOP ? QStringLiteral("it is a loop of symbolic links, which leads to no file")
                              : QString::fromLocal8Bit(std::strerror(errno));
    struct stat info = {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return QStringLiteral("not a regular file (a FIFO, socket, device or folder), so it was not read");
    }
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return file.errorString();
    }
    return std::nullopt;
}

std::optional<QByteArray> readContentFile(const QString &path, const QString &what, Diagnostics &diagnostics)
{
    QFile file;
    if (const auto error = openRegularFile(path, file)) {
        diagnostics.append(Diagnostic{path, 0, 0, QStringLiteral("cannot read the %1: %2").arg(what, *error)});
        return std::nullopt;
    }
    // The size on disk is known; the limit is checked on what was read as well (it may grow).
    qsizetype size = qsizetype(file.size());
    QByteArray text;
    if (size <= kMaxContentFileBytes) {
        // Ask for the size on disk plus one byte, to notice a file that grew: asking for the
        // limit would allocate 2 MiB per file, most of start-up's heap peak.
        const qsizetype want = size + 1;
        text = file.read(want);
        if (text.size() == want && want <= kMaxContentFileBytes) // it grew since it was measured
            text += file.read(kMaxContentFileBytes + 1 - text.size());
        size = std::max(size, text.size());
    }
    if (const auto tooLarge = contentSizeError(path, size)) {
        diagnostics.append(*tooLarge);
        return std::nullopt;
    }
    return text;
}

} // namespace k8sfc
