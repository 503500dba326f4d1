#pragma once

#include "startoptions.h"

namespace k8sfc::cli {

/// `k8s-flashcards rbac can-i | who-can | list`: the RBAC evaluator (app/core/rbac*) on policy
/// files, headless. Exit codes: can-i 0 yes, 1 no; who-can 0, or 1 when nobody may; list 0; 2 for a
/// usage error or a policy file that cannot be read exactly (path:line:column: error: message).
class RbacCommand
{
public:
    static int run(const StartOptions &options);
};

} // namespace k8sfc::cli
