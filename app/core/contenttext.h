#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>
#include <utility>

namespace k8sfc {

/// Where a content file stops being UTF-8 text, and why.
struct TextFault
{
    int line = 0;
    int column = 0;
    QString message;
};

/// The 1-based line and column of the byte at `offset`, the column counted in characters (as an
/// editor shows it). The text before `offset` must be valid UTF-8.
std::pair<int, int> textPosition(QByteArrayView text, qsizetype offset);

/// The offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms,
/// no surrogates, nothing past U+10FFFF), or -1 when all of `text` is. A real U+FFFD is valid.
qsizetype invalidUtf8At(QByteArrayView text);

/// "UTF-16" or "UTF-32" for a file saved in that encoding: a byte-order mark, or, without one,
/// NULs in every other (or three of every four) bytes, as ASCII text in those encodings has.
std::optional<QString> wideEncoding(QByteArrayView text);

/// Why `text` is not UTF-8: saved as UTF-16 or UTF-32 (at 1:1), or an invalid byte (where it is).
std::optional<TextFault> utf8Fault(QByteArrayView text);

} // namespace k8sfc
