#pragma once

#include <QList>
#include <QString>

namespace k8sfc {

/// A problem found in a content file, located by 1-based line and column (0 = unknown).
struct Diagnostic
{
    enum class Severity { Error, Warning };

    QString file;
    int line = 0;
    int column = 0;
    QString message;
    Severity severity = Severity::Error;

    /// GCC style: `decks/rbac.yaml:12:5: error: duplicate card id "rbac-x"`.
    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace k8sfc
