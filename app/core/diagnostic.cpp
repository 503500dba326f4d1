#include "diagnostic.h"

#include <algorithm>

namespace k8sfc {

QString Diagnostic::toString() const
{
    const QString kind = severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
    return file + u':' + QString::number(std::max(line, 1)) + u':' + QString::number(std::max(column, 1)) + u": " +
           kind + u": " + message;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
}

} // namespace k8sfc
