#pragma once

#include "rbacpolicy.h"

#include <QString>

namespace k8sfc::rbac {

/// The table `kubectl auth can-i --list` prints for `rules` (a SelfSubjectRulesReview's): resource
/// rules then non-resource rules broken down to one verb, group, resource and name each; those with
/// one group, one resource and at most one name merged back by resource, adding their verbs; sorted
/// by their Go text; printed through a tab writer (minimum width 6, padding 3) in the columns
/// `Resources`, `Non-Resource URLs`, `Resource Names`, `Verbs`, lists as Go prints them (`[get list]`).
QString accessTable(const QList<Rule> &rules);

} // namespace k8sfc::rbac
