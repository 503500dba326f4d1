#include "contentfile.h"

#include <QFile>

namespace k8sfc {

std::optional<Diagnostic> contentSizeError(const QString &fileName, qsizetype size)
{
    if (size <= kMaxContentFileBytes)
        return std::nullopt;
    const auto mib = [](qsizetype bytes) { return QString::number(double(bytes) / (1024 * 1024), 'f', 1); };
    return Diagnostic{fileName, 1, 1,
                      QStringLiteral("the file is %1 MiB, over the %2 MiB limit for content files")
                          .arg(mib(size), QString::number(kMaxContentFileBytes / (1024 * 1024)))};
}

std::optional<QByteArray> readContentFile(const QString &path, const QString &what, Diagnostics &diagnostics)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        diagnostics.append(
            Diagnostic{path, 0, 0, QStringLiteral("cannot read the %1: %2").arg(what, file.errorString())});
        return std::nullopt;
    }
    // The size on disk is known for a regular file; a pipe or device reports 0, so the limit is
    // checked on what was read as well.
    qsizetype size = qsizetype(file.size());
    QByteArray text;
    if (size <= kMaxContentFileBytes) {
        // Ask for the size on disk plus one byte, to notice a file that grew: asking for the
        // limit would allocate 2 MiB per file, most of start-up's heap peak. A pipe has no size.
        const qsizetype want = size > 0 ? size + 1 : kMaxContentFileBytes + 1;
        text = file.read(want);
        if (text.size() == want && want <= kMaxContentFileBytes) // it grew since it was measured
            text += file.read(kMaxContentFileBytes + 1 - text.size());
        size = std::max(size, text.size());
    }
    if (const auto tooLarge = contentSizeError(path, size)) {
        diagnostics.append(*tooLarge);
        return std::nullopt;
    }
    return text;
}

} // namespace k8sfc
