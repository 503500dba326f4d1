#include "datadirlock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSysInfo>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace k8sfc {

namespace {

// "pid\nhost\n" as the holder wrote it; empty parts when it is still writing.
std::pair<QString, QString> holderOf(int fd)
{
    char buffer[512];
    const ssize_t size = pread(fd, buffer, sizeof buffer, 0);
    const QStringList lines = QString::fromUtf8(buffer, size > 0 ? size : 0).split(u'\n');
    return {lines.value(0), lines.value(1)};
}

} // namespace

DataDirLock::~DataDirLock()
{
    unlock();
}

std::optional<QString> DataDirLock::lock(const QString &dir)
{
    unlock();
    const QString shown = QDir::toNativeSeparators(dir);
    const QByteArray path = QFile::encodeName(QDir(dir).filePath(QString::fromLatin1(kFileName)));
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return QStringLiteral("Cannot lock the data folder %1 (is it read-only?).").arg(shown);
    int rc = 0;
    do
        rc = ::flock(fd, LOCK_EX | LOCK_NB);
    while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        const bool held = errno == EWOULDBLOCK;
        const auto [pid, host] = holderOf(fd);
        ::close(fd);
        if (!held)
            return QStringLiteral("Cannot lock the data folder %1 (is it read-only?).").arg(shown);
        return QStringLiteral("K8s Flashcards is already running with the data folder %1 (process %2 on %3). "
                              "Close it first: this window would not be able to save your grades.")
            .arg(shown, pid.isEmpty() ? QStringLiteral("?") : pid, host.isEmpty() ? QStringLiteral("?") : host);
    }
    const QByteArray holder =
        QByteArray::number(QCoreApplication::applicationPid()) + '\n' + QSysInfo::machineHostName().toUtf8() + '\n';
    // Only informative: a failure to write it does not weaken the lock.
    if (::ftruncate(fd, 0) == 0)
        (void)!::pwrite(fd, holder.constData(), size_t(holder.size()), 0);
    m_fd = fd;
    return std::nullopt;
}

void DataDirLock::unlock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock; the file stays, harmless to the next start
    m_fd = -1;
}

} // namespace k8sfc
