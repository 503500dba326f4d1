#include "svgpath.h"

#include <QRegularExpression>

#include <cmath>

namespace k8sfc {

QList<QPointF> svgPathPolyline(const QString &d)
{
    static const QRegularExpression token(
        QStringLiteral("([MmLlHhVvQqCcZzTtSs])|(-?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)"));
    QList<QPointF> points;
    QChar command;
    QList<double> args;
    QPointF current, start;
    // False when a point is not a finite number ("1e999", or relative steps that add up past
    // the largest double): such a path cannot be drawn or animated along.
    auto flush = [&](bool final) {
        const bool relative = command.isLower();
        const QChar c = command.toUpper();
        auto take = [&](int n) {
            if (args.size() < n)
                return false;
            return true;
        };
        while (!args.isEmpty()) {
            QPointF next = current;
            int used = 0;
            if (c == u'M' || c == u'L' || c == u'T') {
                if (!take(2))
                    break;
                next = QPointF(args[0], args[1]) + (relative ? current : QPointF());
                used = 2;
            } else if (c == u'H') {
                next.setX(args[0] + (relative ? current.x() : 0));
                used = 1;
            } else if (c == u'V') {
                next.setY(args[0] + (relative ? current.y() : 0));
                used = 1;
            } else if (c == u'Q' || c == u'S') {
                if (!take(4))
                    break;
                next = QPointF(args[2], args[3]) + (relative ? current : QPointF());
                used = 4;
            } else if (c == u'C') {
                if (!take(6))
                    break;
                next = QPointF(args[4], args[5]) + (relative ? current : QPointF());
                used = 6;
            } else {
                args.clear();
                break;
            }
            if (!std::isfinite(next.x()) || !std::isfinite(next.y()))
                return false;
            if (c == u'M' && points.isEmpty())
                start = next;
            points.append(next);
            current = next;
            args.remove(0, used);
        }
        if (final && c == u'Z' && !points.isEmpty()) {
            points.append(start);
            current = start;
        }
        return true;
    };
    auto it = token.globalMatch(d);
    while (it.hasNext()) {
        const auto m = it.next();
        if (!m.captured(1).isEmpty()) {
            if (!flush(false))
                return {};
            command = m.captured(1).at(0);
            args.clear();
            if (command.toUpper() == u'Z' && !flush(true))
                return {};
        } else {
            args.append(m.captured(2).toDouble());
        }
    }
    if (!flush(false))
        return {};
    return points;
}

} // namespace k8sfc
