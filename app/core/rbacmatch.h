#pragma once

#include "rbacpolicy.h"

#include <QString>

namespace k8sfc::rbac {

/// What is asked: a verb on a resource (group, resource, subresource, name) in a namespace
/// (empty: cluster-wide), or a verb on a non-resource URL (`path` set, `resourceRequest` false).
struct Request
{
    QString verb;
    bool resourceRequest = true;
    QString apiGroup;
    QString resource;
    QString subresource;
    QString name;
    QString ns;
    QString path;
};

// The matching helpers of Kubernetes' pkg/apis/rbac/v1/evaluation_helpers.go, one for one.

/// A rule verb equal to `verb`, or `*`.
bool verbMatches(const Rule &rule, const QString &verb);
/// A rule API group equal to `group`, or `*`.
bool apiGroupMatches(const Rule &rule, const QString &group);
/// `*`, the combined "resource/subresource" itself, or `*/subresource` when a subresource is asked.
bool resourceMatches(const Rule &rule, const QString &combinedResource, const QString &subresource);
/// No resourceNames (every name), or one equal to `name` (so a request without a name never
/// matches a list of names).
bool resourceNameMatches(const Rule &rule, const QString &name);
/// `*`, the URL itself, or a prefix ending in `*`.
bool nonResourceURLMatches(const Rule &rule, const QString &url);

/// Does `rule` allow `request`? The RBAC authorizer's RuleAllows.
bool ruleAllows(const Request &request, const Rule &rule);

/// The first reason `rule` does not allow `request` ("the verb list does not name delete"), for
/// the lab's explanation of a "no"; empty when it allows it.
QString whyNot(const Request &request, const Rule &rule);

} // namespace k8sfc::rbac
