#include "svgpath.h"

#include <cmath>

namespace k8sfc {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

qsizetype digitsFrom(QStringView s, qsizetype i)
{
    while (i < s.size() && isDigit(s[i]))
        ++i;
    return i;
}

// The end of the number starting at `i`, or `i` when none starts there.
qsizetype numberEnd(QStringView s, qsizetype i)
{
    qsizetype j = i;
    if (j < s.size() && s[j] == u'-')
        ++j;
    const qsizetype intEnd = digitsFrom(s, j);
    qsizetype end = i;
    if (intEnd < s.size() && s[intEnd] == u'.' && intEnd + 1 < s.size() && isDigit(s[intEnd + 1]))
        end = digitsFrom(s, intEnd + 1); // [0-9]*\.[0-9]+
    else if (intEnd > j)
        end = intEnd; // [0-9]+ (a dot with no digit after it is not part of the number)
    else
        return i;
    // An exponent only when it is complete.
    if (end < s.size() && (s[end] == u'e' || s[end] == u'E')) {
        qsizetype k = end + 1;
        if (k < s.size() && (s[k] == u'-' || s[k] == u'+'))
            ++k;
        const qsizetype expEnd = digitsFrom(s, k);
        if (expEnd > k)
            end = expEnd;
    }
    return end;
}

} // namespace

QList<SvgPathToken> svgPathTokens(QStringView d)
{
    static constexpr QStringView kCommands = u"MmLlHhVvQqCcZzTtSs";
    QList<SvgPathToken> tokens;
    for (qsizetype i = 0; i < d.size();) {
        if (kCommands.contains(d[i])) {
            tokens.append({d[i], {}});
            ++i;
        } else if (const qsizetype end = numberEnd(d, i); end > i) {
            tokens.append({QChar(), d.mid(i, end - i)});
            i = end;
        } else {
            ++i;
        }
    }
    return tokens;
}

QList<QPointF> svgPathPolyline(const QString &d)
{
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
    for (const SvgPathToken &token : svgPathTokens(d)) {
        if (!token.command.isNull()) {
            if (!flush(false))
                return {};
            command = token.command;
            args.clear();
            if (command.toUpper() == u'Z' && !flush(true))
                return {};
        } else {
            args.append(token.number.toDouble());
        }
    }
    if (!flush(false))
        return {};
    return points;
}

} // namespace k8sfc
