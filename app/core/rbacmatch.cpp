#include "rbacmatch.h"

namespace k8sfc::rbac {

namespace {

const QString kAll = QStringLiteral("*");

QString combined(const Request &request)
{
    return request.subresource.isEmpty() ? request.resource : request.resource + u'/' + request.subresource;
}

QString quotedList(const QStringList &values)
{
    return u'[' + values.join(QStringLiteral(", ")) + u']';
}

} // namespace

bool verbMatches(const Rule &rule, const QString &verb)
{
    for (const QString &v : rule.verbs)
        if (v == kAll || v == verb)
            return true;
    return false;
}

bool apiGroupMatches(const Rule &rule, const QString &group)
{
    for (const QString &g : rule.apiGroups)
        if (g == kAll || g == group)
            return true;
    return false;
}

bool resourceMatches(const Rule &rule, const QString &combinedResource, const QString &subresource)
{
    for (const QString &r : rule.resources) {
        if (r == kAll || r == combinedResource)
            return true;
        if (subresource.isEmpty())
            continue;
        // Only the exact form "*/SUB": "*/" followed by the whole subresource.
        if (r.size() == subresource.size() + 2 && r.startsWith(QLatin1String("*/")) && r.endsWith(subresource))
            return true;
    }
    return false;
}

bool resourceNameMatches(const Rule &rule, const QString &name)
{
    if (rule.resourceNames.isEmpty())
        return true;
    return rule.resourceNames.contains(name);
}

bool nonResourceURLMatches(const Rule &rule, const QString &url)
{
    for (const QString &u : rule.nonResourceURLs) {
        if (u == kAll || u == url)
            return true;
        if (u.endsWith(u'*')) {
            // Every trailing star goes, as Go's strings.TrimRight(url, "*") does.
            qsizetype end = u.size();
            while (end > 0 && u.at(end - 1) == u'*')
                --end;
            if (url.startsWith(QStringView(u).left(end)))
                return true;
        }
    }
    return false;
}

bool ruleAllows(const Request &request, const Rule &rule)
{
    if (request.resourceRequest)
        return verbMatches(rule, request.verb) && apiGroupMatches(rule, request.apiGroup) &&
               resourceMatches(rule, combined(request), request.subresource) && resourceNameMatches(rule, request.name);
    return verbMatches(rule, request.verb) && nonResourceURLMatches(rule, request.path);
}

QString whyNot(const Request &request, const Rule &rule)
{
    if (!verbMatches(rule, request.verb))
        return QStringLiteral("its verbs %1 do not include %2").arg(quotedList(rule.verbs), request.verb);
    if (!request.resourceRequest) {
        if (!nonResourceURLMatches(rule, request.path))
            return QStringLiteral("its nonResourceURLs %1 do not match %2")
                .arg(quotedList(rule.nonResourceURLs), request.path);
        return {};
    }
    if (!apiGroupMatches(rule, request.apiGroup))
        return QStringLiteral("its apiGroups %1 do not include \"%2\"")
            .arg(quotedList(rule.apiGroups), request.apiGroup);
    if (!resourceMatches(rule, combined(request), request.subresource))
        return QStringLiteral("its resources %1 do not match %2").arg(quotedList(rule.resources), combined(request));
    if (!resourceNameMatches(rule, request.name))
        return request.name.isEmpty()
                   ? QStringLiteral("it names resourceNames %1, and a request without a name never matches them")
                         .arg(quotedList(rule.resourceNames))
                   : QStringLiteral("its resourceNames %1 do not include %2")
                         .arg(quotedList(rule.resourceNames), request.name);
    return {};
}

} // namespace k8sfc::rbac
