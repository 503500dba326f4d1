#include "rbacauthorizer.h"

#include <QSet>

#include <algorithm>

namespace k8sfc::rbac {

namespace {

QString roleKey(const QString &ns, const QString &name)
{
    return ns + u'/' + name;
}

void sortByName(QList<const Binding *> &bindings)
{
    std::stable_sort(bindings.begin(), bindings.end(),
                     [](const Binding *a, const Binding *b) { return a->name < b->name; });
}

// user == serviceAccountUser(ns, name), without building that string: this runs for every
// ServiceAccount subject of every binding a request visits.
bool isServiceAccountUser(const QString &user, const QString &ns, const QString &name)
{
    static const QLatin1String prefix("system:serviceaccount:");
    if (user.size() != prefix.size() + ns.size() + 1 + name.size() || !user.startsWith(prefix))
        return false;
    const QStringView rest = QStringView(user).sliced(prefix.size());
    return rest.startsWith(ns) && rest.at(ns.size()) == u':' && rest.endsWith(name);
}

} // namespace

QString goQuoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (QChar c : text) {
        switch (c.unicode()) {
        case '"': out += QLatin1String("\\\""); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\t': out += QLatin1String("\\t"); break;
        case '\r': out += QLatin1String("\\r"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + u'"';
}

QString describeSubject(const Subject &subject, const QString &bindingNamespace)
{
    if (subject.kind == QLatin1String("ServiceAccount"))
        return subject.kind + u' ' +
               goQuoted(subject.name + u'/' + (subject.ns.isEmpty() ? bindingNamespace : subject.ns));
    return subject.kind + u' ' + goQuoted(subject.name);
}

QString describeBinding(const Binding &binding)
{
    const QString name = binding.cluster ? binding.name : binding.name + u'/' + binding.ns;
    return (binding.cluster ? QStringLiteral("ClusterRoleBinding ") : QStringLiteral("RoleBinding ")) + goQuoted(name) +
           QStringLiteral(" of ") + binding.roleKind + u' ' + goQuoted(binding.roleName);
}

bool appliesTo(const User &user, const Subject &subject, const QString &bindingNamespace)
{
    if (subject.kind == QLatin1String("User"))
        return user.name == subject.name;
    if (subject.kind == QLatin1String("Group"))
        return user.groups.contains(subject.name);
    if (subject.kind == QLatin1String("ServiceAccount")) {
        const QString &ns = subject.ns.isEmpty() ? bindingNamespace : subject.ns;
        return !ns.isEmpty() && isServiceAccountUser(user.name, ns, subject.name);
    }
    return false;
}

Authorizer::Authorizer(Policy policy) : m_policy(std::move(policy))
{
    const Policy &p = m_policy; // const access: the lists never detach, so the pointers hold
    for (const Role &role : p.roles)
        (role.cluster ? m_clusterRoles : m_roles).insert(role.cluster ? role.name : roleKey(role.ns, role.name), &role);
    for (const Binding &binding : p.bindings) {
        if (binding.cluster)
            m_clusterBindings.append(&binding);
        else
            m_bindingsByNamespace[binding.ns].append(&binding);
    }
    sortByName(m_clusterBindings);
    for (auto it = m_bindingsByNamespace.begin(); it != m_bindingsByNamespace.end(); ++it)
        sortByName(it.value());
}

const Role *Authorizer::roleOf(const Binding &binding) const
{
    if (binding.roleKind == QLatin1String("ClusterRole"))
        return m_clusterRoles.value(binding.roleName);
    // A ClusterRoleBinding's Role would be looked up in no namespace, where none exists.
    if (binding.roleKind == QLatin1String("Role") && !binding.cluster)
        return m_roles.value(roleKey(binding.ns, binding.roleName));
    return nullptr;
}

QList<const Binding *> Authorizer::bindingsFor(const QString &ns) const
{
    QList<const Binding *> bindings = m_clusterBindings;
    if (!ns.isEmpty())
        bindings += m_bindingsByNamespace.value(ns);
    return bindings;
}

void Authorizer::visitRulesFor(const User &user, const QString &ns, const Visitor &visit) const
{
    const auto visitAll = [&](const QList<const Binding *> &bindings) {
        for (const Binding *binding : bindings) {
            const QList<Subject> &subjects = binding->subjects;
            const auto subject = std::find_if(subjects.begin(), subjects.end(),
                                              [&](const Subject &s) { return appliesTo(user, s, binding->ns); });
            const Role *role = subject == subjects.end() ? nullptr : roleOf(*binding);
            if (!role)
                continue;
            for (int i = 0; i < role->rules.size(); ++i)
                if (!visit(*binding, int(subject - subjects.begin()), *role, i))
                    return false;
        }
        return true;
    };
    if (!visitAll(m_clusterBindings) || ns.isEmpty())
        return;
    const auto found = m_bindingsByNamespace.constFind(ns);
    if (found != m_bindingsByNamespace.constEnd())
        visitAll(*found);
}

Decision Authorizer::authorize(const User &user, const Request &request) const
{
    Decision decision;
    visitRulesFor(user, request.ns, [&](const Binding &binding, int subject, const Role &role, int rule) {
        if (!ruleAllows(request, role.rules.at(rule)))
            return true;
        decision = {true,
                    QStringLiteral("RBAC: allowed by ") + describeBinding(binding) + QStringLiteral(" to ") +
                        describeSubject(binding.subjects.at(subject), binding.ns),
                    &binding,
                    subject,
                    &role,
                    rule};
        return false;
    });
    return decision;
}

QList<Rule> Authorizer::rulesFor(const User &user, const QString &ns) const
{
    QList<Rule> rules;
    visitRulesFor(user, ns, [&](const Binding &, int, const Role &role, int rule) {
        rules.append(role.rules.at(rule));
        return true;
    });
    return rules;
}

QStringList Authorizer::whoCan(const Request &request) const
{
    QStringList lines;
    QSet<QString> seen;
    for (const Binding *binding : bindingsFor(request.ns)) {
        const Role *role = roleOf(*binding);
        if (!role || std::none_of(role->rules.begin(), role->rules.end(),
                                  [&](const Rule &rule) { return ruleAllows(request, rule); }))
            continue;
        for (const Subject &subject : binding->subjects) {
            // A ServiceAccount without a namespace in a ClusterRoleBinding names no one.
            if (subject.kind == QLatin1String("ServiceAccount") && subject.ns.isEmpty() && binding->cluster)
                continue;
            const QString who = describeSubject(subject, binding->ns);
            if (!seen.contains(who)) {
                seen.insert(who);
                lines.append(who + QStringLiteral(" by ") + describeBinding(*binding));
            }
        }
    }
    lines.sort();
    return lines;
}

} // namespace k8sfc::rbac
