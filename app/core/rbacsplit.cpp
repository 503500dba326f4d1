#include "rbacsplit.h"

#include <QByteArrayView>

#include <cctype>

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

/// The key of a line at the margin that starts a plain `key:` of a block mapping, or empty. Other
/// lines there (a `{` or `[` opening a flow collection, a quoted or complex key, an anchor, the rest
/// of a flow collection) mean the top level is not kubectl's plain mapping.
QByteArrayView plainKey(QByteArrayView line)
{
    qsizetype end = 0;
    while (end < line.size() && (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '_' ||
                                 line[end] == '-' || line[end] == '.'))
        ++end;
    if (end == 0 || end >= line.size() || line[end] != ':' || line.front() == '-')
        return {};
    if (end + 1 < line.size() && line[end + 1] != ' ')
        return {};
    return line.first(end);
}

/// Outside the items (lines [first, last)), every line at the margin is a plain key of the
/// top-level mapping, each key once (a second `items` would be the one yaml-cpp does not read), or
/// a comment; and no tab stands anywhere outside them.
bool plainTopLevel(const QByteArray &text, const QList<Line> &lines, qsizetype first, qsizetype last)
{
    QList<QByteArrayView> keys;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i >= first && i < last)
            continue;
        const QByteArrayView line = content(text, lines.at(i));
        if (line.contains('\t'))
            return false;
        if (line.isEmpty() || line.front() == ' ' || line.front() == '#' ||
            (i == 0 && line.startsWith("\xEF\xBB\xBF#")))
            continue;
        const QByteArrayView key = plainKey(i == 0 && line.startsWith("\xEF\xBB\xBF") ? line.sliced(3) : line);
        if (key.isEmpty() || keys.contains(key))
            return false;
        keys.append(key);
    }
    return true;
}

/// The head (the item lines blanked, so it keeps its line numbers) and about `pieces` runs of
/// whole items, from the item lines `starts` to `last`.
ListSplit cut(const QByteArray &text, const QList<Line> &lines, const QList<qsizetype> &starts, qsizetype last,
              int pieces)
{
    ListSplit split;
    split.head = text;
    for (qsizetype i = starts.first(); i < last; ++i)
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
            itemsKey = i;
            break;
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
    if (!plainTopLevel(text, lines, first, last))
        return std::nullopt;
    return cut(text, lines, starts, last, pieces);
}

} // namespace k8sfc::rbac
