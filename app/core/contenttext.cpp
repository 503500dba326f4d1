#include "contenttext.h"

#include <array>

namespace k8sfc {

namespace {

bool isContinuation(uchar byte)
{
    return (byte & 0xC0) == 0x80;
}

/// How many bytes the well-formed sequence starting at `i` takes, or 0 when it is not one.
/// The ranges are those of RFC 3629's table (section 4).
int sequenceLength(QByteArrayView text, qsizetype i)
{
    const auto at = [&](qsizetype k) { return k < text.size() ? uchar(text[k]) : uchar(0); };
    const uchar lead = at(i);
    if (lead < 0x80)
        return 1;
    int length = 0;
    uchar low = 0x80, high = 0xBF; // the allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0; // overlong below U+0800
        else if (lead == 0xED)
            high = 0x9F; // U+D800-DFFF, the surrogates (CESU-8)
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90; // overlong below U+10000
        else if (lead == 0xF4)
            high = 0x8F; // past U+10FFFF
    } else {
        return 0; // a continuation byte, C0/C1 (overlong ASCII) or F5-FF
    }
    if (at(i + 1) < low || at(i + 1) > high)
        return 0;
    for (int k = 2; k < length; ++k)
        if (!isContinuation(at(i + k)))
            return 0;
    return length;
}

} // namespace

std::pair<int, int> textPosition(QByteArrayView text, qsizetype offset)
{
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    int column = 1;
    for (qsizetype i = lineStart; i < offset; ++i)
        if (!isContinuation(uchar(text[i])))
            ++column;
    return {line, column};
}

qsizetype invalidUtf8At(QByteArrayView text)
{
    for (qsizetype i = 0; i < text.size();) {
        const int length = sequenceLength(text, i);
        if (length == 0)
            return i;
        i += length;
    }
    return -1;
}

std::optional<QString> wideEncoding(QByteArrayView text)
{
    const auto startsWith = [&](std::initializer_list<uchar> bytes) {
        qsizetype i = 0;
        for (uchar b : bytes)
            if (i >= text.size() || uchar(text[i++]) != b)
                return false;
        return true;
    };
    if (startsWith({0xFF, 0xFE, 0, 0}) || startsWith({0, 0, 0xFE, 0xFF}))
        return QStringLiteral("UTF-32");
    if (startsWith({0xFF, 0xFE}) || startsWith({0xFE, 0xFF}))
        return QStringLiteral("UTF-16");
    // No mark: count the NULs at each position of four in the first 256 bytes.
    const qsizetype n = std::min<qsizetype>(text.size(), 256) / 4 * 4;
    if (n == 0)
        return std::nullopt;
    std::array<qsizetype, 4> zeros{};
    for (qsizetype i = 0; i < n; ++i)
        zeros[size_t(i % 4)] += text[i] == '\0';
    const qsizetype perPosition = n / 4;
    std::array<bool, 4> nul{};
    for (size_t k = 0; k < 4; ++k) {
        if (zeros[k] * 4 >= perPosition * 3)
            nul[k] = true;
        else if (zeros[k] * 4 > perPosition)
            return std::nullopt; // neither mostly NUL nor mostly not: binary, or no pattern
    }
    using Pattern = std::array<bool, 4>;
    if (nul == Pattern{false, true, true, true} || nul == Pattern{true, true, true, false})
        return QStringLiteral("UTF-32");
    if (nul == Pattern{false, true, false, true} || nul == Pattern{true, false, true, false})
        return QStringLiteral("UTF-16");
    return std::nullopt;
}

std::optional<TextFault> utf8Fault(QByteArrayView text)
{
    if (const auto wide = wideEncoding(text))
        return TextFault{1, 1, QStringLiteral("the file is %1; save it as UTF-8").arg(*wide)};
    const qsizetype bad = invalidUtf8At(text);
    if (bad < 0)
        return std::nullopt;
    const auto [line, column] = textPosition(text, bad);
    const QString byte = QString::number(uchar(text[bad]), 16).toUpper();
    return TextFault{line, column, QStringLiteral("the file is not valid UTF-8 (byte 0x%1 here)").arg(byte)};
}

} // namespace k8sfc
