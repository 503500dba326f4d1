#include "deckwriter.h"

#include <QStringList>

namespace k8sfc {

namespace {

/// Characters YAML treats as line breaks or that a reader may drop; always escaped.
bool needsEscape(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
           (c >= 0xD800 && c <= 0xDFFF);
}

bool hasEscapes(const QString &value, bool allowNewline)
{
    for (const char32_t c : value.toUcs4())
        if (needsEscape(c) && !(allowNewline && c == u'\n'))
            return true;
    return false;
}

/// Text YAML reads back unchanged without quotes. `flow`: inside `[a, b]`.
bool isPlainSafe(const QString &value, bool flow)
{
    if (value.isEmpty() || !value.front().isLetterOrNumber() || value.back().isSpace() || hasEscapes(value, false))
        return false;
    if (value.endsWith(u':') || value.contains(QLatin1String(": ")) || value.contains(QLatin1String(" #")))
        return false;
    for (const char *null : {"null", "Null", "NULL"}) // read as a null node, not as text
        if (value == QLatin1String(null))
            return false;
    // yaml-cpp reads `?`, `:` and `#` inside a flow list as indicators even where YAML would not.
    if (flow)
        for (const QChar c : value)
            if (!c.isLetterOrNumber() && !QStringView(u" ._/()'+-").contains(c))
                return false;
    return true;
}

/// A multi-line text a literal block keeps exactly: no tabs or blanks where YAML would eat them.
bool isLiteralSafe(const QString &value)
{
    if (!value.contains(u'\n') || value.contains(u'\t') || hasEscapes(value, true))
        return false;
    const QStringList lines = value.split(u'\n');
    bool first = true;
    for (const QString &line : lines) {
        if (line.isEmpty())
            continue;
        if (line.back().isSpace() || line.trimmed().isEmpty() || (first && line.front().isSpace()))
            return false;
        first = false;
    }
    return !first;
}

QString literal(const QString &value, int indent)
{
    qsizetype trailing = 0;
    while (trailing < value.size() && value.at(value.size() - 1 - trailing) == u'\n')
        ++trailing;
    const QString chomp = trailing == 0 ? QStringLiteral("-") : trailing == 1 ? QString() : QStringLiteral("+");
    QStringList lines = value.left(value.size() - trailing).split(u'\n');
    for (int i = 1; i < trailing; ++i)
        lines.append(QString()); // kept by `|+`
    const QString pad(indent + 2, u' ');
    QString out = u'|' + chomp;
    for (const QString &line : lines)
        out += u'\n' + (line.isEmpty() ? QString() : pad + line);
    return out;
}

QString flowList(const QStringList &items)
{
    QStringList parts;
    for (const QString &item : items)
        parts.append(isPlainSafe(item, true) ? item : DeckWriter::quoted(item));
    return u'[' + parts.join(QStringLiteral(", ")) + u']';
}

} // namespace

QString DeckWriter::quoted(const QString &value)
{
    QString out(u'"');
    for (const char32_t c : value.toUcs4()) {
        switch (c) {
        case u'"': out += QStringLiteral("\\\""); break;
        case u'\\': out += QStringLiteral("\\\\"); break;
        case u'\n': out += QStringLiteral("\\n"); break;
        case u'\t': out += QStringLiteral("\\t"); break;
        case u'\r': out += QStringLiteral("\\r"); break;
        default:
            if (needsEscape(c))
                out += c <= 0xFF ? QStringLiteral("\\x%1").arg(uint(c), 2, 16, QChar(u'0'))
                                 : QStringLiteral("\\u%1").arg(uint(c), 4, 16, QChar(u'0'));
            else
                out += QString::fromUcs4(&c, 1);
        }
    }
    return out + u'"';
}

QString DeckWriter::scalar(const QString &value, int indent)
{
    if (isPlainSafe(value, false))
        return value;
    if (isLiteralSafe(value))
        return literal(value, indent);
    return quoted(value);
}

QString DeckWriter::card(const Card &card, int indent)
{
    const QString pad(indent + 2, u' ');
    QString out = QString(indent, u' ') + QStringLiteral("- id: ") + scalar(card.id, indent + 2) + u'\n';
    auto field = [&](const char *key, const QString &value) {
        if (!value.isEmpty())
            out += pad + QLatin1String(key) + QStringLiteral(": ") + scalar(value, indent + 2) + u'\n';
    };
    auto list = [&](const char *key, const QStringList &values) {
        if (!values.isEmpty())
            out += pad + QLatin1String(key) + QStringLiteral(": ") + flowList(values) + u'\n';
    };
    out += pad + QStringLiteral("components: ") + flowList(card.components) + u'\n';
    list("arrows", card.arrows);
    list("tags", card.tags);
    out += pad + QStringLiteral("front: ") + scalar(card.front, indent + 2) + u'\n';
    out += pad + QStringLiteral("back: ") + scalar(card.back, indent + 2) + u'\n';
    field("source", card.source);
    field("answer", card.answer);
    list("aliases", card.aliases);
    if (!card.choices.isEmpty()) {
        out += pad + QStringLiteral("choices:\n");
        for (const QString &choice : card.choices)
            out += pad + QStringLiteral("  - ") + (isPlainSafe(choice, false) ? choice : quoted(choice)) + u'\n';
    }
    field("answer-kind", card.answerKind);
    if (card.twoPart)
        out += pad + QStringLiteral("two-part: true\n");
    field("copied-from", card.copiedFrom);
    return out;
}

QByteArray DeckWriter::write(const Deck &deck)
{
    QString out = QStringLiteral("title: ") + scalar(deck.title, 0) + u'\n';
    if (!deck.description.isEmpty())
        out += QStringLiteral("description: ") + scalar(deck.description, 0) + u'\n';
    out += QStringLiteral("cards:\n");
    for (const Card &c : deck.cards)
        out += card(c, 2) + u'\n';
    return out.toUtf8();
}

} // namespace k8sfc
