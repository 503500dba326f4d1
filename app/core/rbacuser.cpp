#include "rbacuser.h"

#include <algorithm>

namespace k8sfc::rbac {

namespace {

const QLatin1String kServiceAccountPrefix("system:serviceaccount:");
const QLatin1String kAnonymous("system:anonymous");
const QLatin1String kAuthenticated("system:authenticated");
const QLatin1String kUnauthenticated("system:unauthenticated");

bool isLowerAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

// A DNS-1123 label: at most 63 of [a-z0-9-], starting and ending with [a-z0-9].
bool isDnsLabel(QStringView s)
{
    if (s.isEmpty() || s.size() > 63 || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back()))
        return false;
    for (QChar c : s)
        if (!isLowerAlnum(c) && c != u'-')
            return false;
    return true;
}

// A DNS-1123 subdomain: at most 253 characters, dot-separated parts of [a-z0-9-] that start and
// end with [a-z0-9].
bool isDnsSubdomain(QStringView s)
{
    if (s.isEmpty() || s.size() > 253)
        return false;
    for (QStringView part : s.split(u'.'))
        if (part.isEmpty() || !isLowerAlnum(part.front()) || !isLowerAlnum(part.back()) ||
            std::any_of(part.begin(), part.end(), [](QChar c) { return !isLowerAlnum(c) && c != u'-'; }))
            return false;
    return true;
}

} // namespace

std::optional<std::pair<QString, QString>> splitServiceAccountUser(const QString &name)
{
    if (!name.startsWith(kServiceAccountPrefix))
        return std::nullopt;
    const QStringList parts = name.mid(kServiceAccountPrefix.size()).split(u':');
    if (parts.size() != 2 || !isDnsLabel(parts[0]) || !isDnsSubdomain(parts[1]))
        return std::nullopt;
    return std::pair(parts[0], parts[1]);
}

QString serviceAccountUser(const QString &ns, const QString &name)
{
    return kServiceAccountPrefix + ns + u':' + name;
}

User User::impersonated(const QString &name, const QStringList &groups)
{
    User user{name, groups};
    if (const auto sa = splitServiceAccountUser(name); sa && groups.isEmpty())
        user.groups = {QStringLiteral("system:serviceaccounts"), QStringLiteral("system:serviceaccounts:") + sa->first};
    if (name != kAnonymous) {
        if (!user.groups.contains(kAuthenticated) && !user.groups.contains(kUnauthenticated))
            user.groups.append(kAuthenticated);
    } else if (!user.groups.contains(kUnauthenticated)) {
        user.groups.append(kUnauthenticated);
    }
    return user;
}

} // namespace k8sfc::rbac
