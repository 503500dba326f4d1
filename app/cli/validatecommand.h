#pragma once

#include <QStringList>

namespace k8sfc::cli {

/// `k8s-flashcards validate [PATH...]`: loads content headless and prints every problem.
class ValidateCommand
{
public:
    /// Exit code: 0 clean (warnings allowed), 1 errors found, 2 no bundled content to check.
    static int run(const QStringList &paths);
};

} // namespace k8sfc::cli
