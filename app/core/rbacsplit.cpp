#include "rbacsplit.h"

#include <QByteArrayView>

namespace k8sfc::rbac {

namespace {

struct Line
{
    qsizetype start = 0;
    qsizetype end = 0; ///< past the line's '\n', or the end of the text
};

QList<Line> linesOf(const QByteArray &text)
{
    QList<Line> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype newline = text.indexOf('\n', start);
        const qsizetype end = newline < 0 ? text.size() : newline + 1;
        lines.append({start, end});
        start = end;
    }
    return lines;
}

/// The line without its line break and trailing blanks.
QByteArrayView content(const QByteArray &text, const Line &line)
{
    QByteArrayView view(text.constData() + line.start, line.end - line.start);
    while (!view.isEmpty() && (view.back() == '\n' || view.back() == '\r' || view.back() == ' ' || view.back() == '\t'))
        view.chop(1);
    return view;
}

bool isItemStart(QByteArrayView line)
{
    return line == "-" || line.startsWith("- ");
}

/// A line at the margin that a sequence of items at the margin may hold: an item, a comment, blank.
bool staysInItems(QByteArrayView line)
{
    return line.isEmpty() || line.front() == ' ' || line.front() == '#' || isItemStart(line);
}

} // namespace

std::optional<ListSplit> splitListExport(const QByteArray &text, int pieces, int minItems)
{
    if (pieces < 2)
        return std::nullopt;
    const QList<Line> lines = linesOf(text);
    qsizetype itemsKey = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArrayView line = content(text, lines.at(i));
        // Document markers and directives: several documents, or a header yaml-cpp must see.
        if (line.startsWith("---") || line.startsWith("...") || line.startsWith("%") || line.contains('\t'))
            return std::nullopt;
        if (line == "items:") {
            if (itemsKey >= 0)
                return std::nullopt;
            itemsKey = i;
        }
    }
    if (itemsKey < 0)
        return std::nullopt;
    // The items run from the first item line after the key to the next line at the margin that is
    // not an item, a comment or blank (kubectl's `kind: List`, `metadata:`).
    qsizetype first = itemsKey + 1;
    while (first < lines.size() && content(text, lines.at(first)).isEmpty())
        ++first;
    if (first >= lines.size() || !isItemStart(content(text, lines.at(first))))
        return std::nullopt;
    qsizetype last = first;
    QList<qsizetype> starts;
    for (; last < lines.size() && staysInItems(content(text, lines.at(last))); ++last)
        if (isItemStart(content(text, lines.at(last))))
            starts.append(last);
    if (starts.size() < minItems)
        return std::nullopt;

    ListSplit split;
    split.head = text;
    for (qsizetype i = first; i < last; ++i) // blanked, so the head keeps its line numbers
        for (qsizetype at = lines.at(i).start; at < lines.at(i).end; ++at)
            if (split.head.at(at) != '\n' && split.head.at(at) != '\r')
                split.head[at] = ' ';
    const qsizetype perPiece = (starts.size() + pieces - 1) / pieces;
    for (qsizetype s = 0; s < starts.size(); s += perPiece) {
        const qsizetype from = starts.at(s);
        const qsizetype to = s + perPiece < starts.size() ? starts.at(s + perPiece) : last;
        const qsizetype begin = lines.at(from).start;
        const qsizetype end = lines.at(to - 1).end;
        split.pieces.append({int(from), text.mid(begin, end - begin)});
    }
    return split;
}

} // namespace k8sfc::rbac
