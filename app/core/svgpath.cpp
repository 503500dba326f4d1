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

// The end point of the segment at the front of `args` into `next`, and how many arguments it
// takes: 0 when too few are left, -1 for a command that draws no segment here.
int segmentEnd(QChar c, bool relative, const QList<double> &args, QPointF current, QPointF &next)
{
    next = current;
    if (c == u'M' || c == u'L' || c == u'T') {
        if (args.size() < 2)
            return 0;
        next = QPointF(args[0], args[1]) + (relative ? current : QPointF());
        return 2;
    }
    if (c == u'H') {
        next.setX(args[0] + (relative ? current.x() : 0));
        return 1;
    }
    if (c == u'V') {
        next.setY(args[0] + (relative ? current.y() : 0));
        return 1;
    }
    if (c == u'Q' || c == u'S') {
        if (args.size() < 4)
            return 0;
        next = QPointF(args[2], args[3]) + (relative ? current : QPointF());
        return 4;
    }
    if (c == u'C') {
        if (args.size() < 6)
            return 0;
        next = QPointF(args[4], args[5]) + (relative ? current : QPointF());
        return 6;
    }
    return -1;
}

// The polyline so far, and the command whose numbers are being read.
struct PolylineBuilder
{
    QList<QPointF> points;
    QChar command;
    QList<double> args;
    QPointF current, start;

    // Draws the command's segments (`final`: and closes the path on Z). False when a point is not
    // a finite number ("1e999", or relative steps that add up past the largest double): such a path
    // cannot be drawn or animated along.
    bool flush(bool final)
    {
        const bool relative = command.isLower();
        const QChar c = command.toUpper();
        while (!args.isEmpty()) {
            QPointF next;
            const int used = segmentEnd(c, relative, args, current, next);
            if (used < 0)
                args.clear();
            if (used <= 0)
                break;
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
    }
};

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
    PolylineBuilder path;
    for (const SvgPathToken &token : svgPathTokens(d)) {
        if (!token.command.isNull()) {
            if (!path.flush(false))
                return {};
            path.command = token.command;
            path.args.clear();
            if (path.command.toUpper() == u'Z' && !path.flush(true))
                return {};
        } else {
            path.args.append(token.number.toDouble());
        }
    }
    if (!path.flush(false))
        return {};
    return path.points;
}

} // namespace k8sfc
