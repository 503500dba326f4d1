#include "startupprobe.h"

#include <QApplication>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <unistd.h>

namespace k8sfc {

namespace {

// Process start time in ms since the epoch: boot time + starttime (clock ticks) from /proc.
qint64 processStartMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return QDateTime::currentMSecsSinceEpoch();
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 of the whole line
    const double upSecs = uptime.readAll().split(' ').value(0).toDouble();
    const double ticks = double(sysconf(_SC_CLK_TCK));
    const double startedSecsAgo = upSecs - startTicks / ticks;
    return QDateTime::currentMSecsSinceEpoch() - qint64(startedSecsAgo * 1000);
}

// The peak resident set so far (VmHWM), in kB; 0 when /proc does not say.
long long peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

class FirstPaint : public QObject
{
public:
    FirstPaint(qint64 startMs, QObject *parent) : QObject(parent), m_start(startMs) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (!m_done && event->type() == QEvent::Paint && widget && widget->window()->isVisible()) {
            m_done = true;
            // After this paint event is handled, i.e. once something is on screen.
            QTimer::singleShot(0, qApp, [start = m_start] {
                printf("first-paint-ms %lld\npeak-rss-kb %lld\n", QDateTime::currentMSecsSinceEpoch() - start,
                       peakRssKb());
                fflush(stdout);
                QApplication::quit();
            });
        }
        return false;
    }

private:
    qint64 m_start;
    bool m_done = false;
};

} // namespace

void reportFirstPaint()
{
    qApp->installEventFilter(new FirstPaint(processStartMs(), qApp));
}

} // namespace k8sfc
