#pragma once

#include <QString>
#include <optional>

namespace k8sfc {

/// The data folder's lock (`DIR/mastery.lock`), so a second instance cannot write to the same
/// store. It is an flock() on the file, which the kernel drops when the process ends however it
/// ends: a crash never leaves a lock behind, even in a PID namespace (a container, Flatpak), where
/// a process number written in the file can be our own on the next start. The number and host
/// written in the file only name the holder in the "already running" message.
class DataDirLock
{
public:
    static constexpr const char *kFileName = "mastery.lock";

    DataDirLock() = default;
    ~DataDirLock();
    DataDirLock(const DataDirLock &) = delete;
    DataDirLock &operator=(const DataDirLock &) = delete;

    /// Takes the lock of `dir`; a message for the learner when another process holds it or the
    /// folder cannot be written.
    std::optional<QString> lock(const QString &dir);
    void unlock();
    bool isLocked() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};

} // namespace k8sfc
