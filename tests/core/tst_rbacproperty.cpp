// Randomly generated policies (seeded), written as YAML and read by the loader, decided by the
// Authorizer and by a second evaluator written here as plainly as possible: its own model, its own
// matching, bindings in no particular order, aggregation as reachability. They must agree on every
// decision, on the binding the Authorizer names (the first allowing one in its documented order)
// and on who-can.
#include "rbacauthorizer.h"
#include "rbacloader.h"

#include <QSet>
#include <QTest>

#include <map>
#include <random>

using namespace k8sfc;
using namespace k8sfc::rbac;
using namespace Qt::StringLiterals;

class TestRbacProperty : public QObject
{
    Q_OBJECT
private slots:
    void randomPolicies_agreeWithANaiveEvaluator();
};

namespace {

const QStringList kVerbs{u"get"_s, u"list"_s, u"create"_s, u"delete"_s, u"*"_s};
const QStringList kGroups{QString(), u"apps"_s, u"*"_s};
const QStringList kResources{u"pods"_s, u"deployments"_s, u"secrets"_s, u"pods/log"_s, u"*/status"_s, u"*"_s};
const QStringList kNames{u"a"_s, u"b"_s};
const QStringList kUrls{u"/healthz"_s, u"/api/*"_s, u"*"_s, u"/api"_s};
const QStringList kNamespaces{u"dev"_s, u"prod"_s};
const QStringList kUsers{u"jane"_s, u"bob"_s, u"system:serviceaccount:dev:ci"_s, u"system:serviceaccount:prod:ci"_s,
                         u"system:anonymous"_s};
const QStringList kUserGroups{u"devs"_s, u"ops"_s, u"system:authenticated"_s};

struct NRule
{
    QStringList verbs, groups, resources, names, urls;
};
struct NRole
{
    QString name, ns, tier; // ns empty: ClusterRole; tier: its label, if any
    QList<NRule> rules;
    QStringList selectTiers; // aggregated: one matchLabels selector per tier
};
struct NSubject
{
    QString kind, name, ns;
};
struct NBinding
{
    QString name, ns, roleKind, roleName;
    QList<NSubject> subjects;
};
struct Model
{
    QList<NRole> roles;
    QList<NBinding> bindings;
};

class Generator
{
public:
    explicit Generator(unsigned seed) : m_random(seed) {}
    int below(int n) { return int(m_random() % unsigned(n)); }
    const QString &pick(const QStringList &from) { return from.at(below(int(from.size()))); }
    QStringList some(const QStringList &from, int max)
    {
        QStringList out;
        for (int n = below(max) + 1; n > 0; --n)
            if (const QString &v = pick(from); !out.contains(v))
                out.append(v);
        return out;
    }
    NRule rule()
    {
        NRule r;
        r.verbs = some(kVerbs, 2);
        if (below(4) == 0) {
            r.urls = some(kUrls, 2);
            return r;
        }
        r.groups = some(kGroups, 2);
        r.resources = some(kResources, 2);
        if (below(3) == 0)
            r.names = some(kNames, 2);
        return r;
    }
    Model model();

private:
    std::mt19937 m_random;
};

Model Generator::model()
{
    Model m;
    const QStringList tiers{u"x"_s, u"y"_s};
    for (int i = 0; i < 5; ++i) {
        NRole role{u"c%1"_s.arg(i), {}, below(2) ? pick(tiers) : QString(), {}, {}};
        for (int n = below(3) + 1; n > 0; --n)
            role.rules.append(rule());
        m.roles.append(role);
    }
    for (int i = 0; i < 2; ++i) // aggregated ClusterRoles start empty, as the controller leaves them
        m.roles.append(NRole{u"agg%1"_s.arg(i), {}, {}, {}, some(tiers, 2)});
    for (const QString &ns : kNamespaces)
        for (int i = 0; i < 2; ++i) {
            NRole role{u"r%1"_s.arg(i), ns, {}, {}, {}};
            role.rules.append(rule());
            m.roles.append(role);
        }
    for (int i = 0; i < 8; ++i) {
        const bool cluster = below(3) == 0;
        NBinding b{u"b%1"_s.arg(below(100), 2, 10, QLatin1Char('0')) + u'-' + QString::number(i),
                   cluster ? QString() : pick(kNamespaces),
                   u"ClusterRole"_s,
                   {},
                   {}};
        if (!cluster && below(2)) {
            b.roleKind = u"Role"_s;
            b.roleName = u"r%1"_s.arg(below(3)); // r2 does not exist
        } else {
            b.roleName = below(4) ? (below(3) ? u"c%1"_s.arg(below(5)) : u"agg%1"_s.arg(below(2))) : u"gone"_s;
        }
        for (int n = below(3) + 1; n > 0; --n) {
            const int kind = below(3);
            if (kind == 0)
                b.subjects.append({u"User"_s, pick(kUsers), {}});
            else if (kind == 1)
                b.subjects.append({u"Group"_s, pick(kUserGroups), {}});
            else
                b.subjects.append({u"ServiceAccount"_s, u"ci"_s, below(2) ? pick(kNamespaces) : QString()});
        }
        m.bindings.append(b);
    }
    return m;
}

QByteArray flow(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted.append(u'"' + v + u'"');
    return (u'[' + quoted.join(u", "_s) + u']').toUtf8();
}

QByteArray yaml(const Model &m)
{
    QByteArray out = "apiVersion: v1\nkind: List\nitems:\n";
    for (const NRole &r : m.roles) {
        out += "- apiVersion: rbac.authorization.k8s.io/v1\n  kind: " +
               QByteArray(r.ns.isEmpty() ? "ClusterRole" : "Role") + "\n  metadata:\n    name: " + r.name.toUtf8() +
               "\n";
        if (!r.ns.isEmpty())
            out += "    namespace: " + r.ns.toUtf8() + "\n";
        if (!r.tier.isEmpty())
            out += "    labels: {tier: " + r.tier.toUtf8() + "}\n";
        if (!r.selectTiers.isEmpty()) {
            out += "  aggregationRule:\n    clusterRoleSelectors:\n";
            for (const QString &tier : r.selectTiers)
                out += "    - matchLabels: {tier: " + tier.toUtf8() + "}\n";
        }
        out += "  rules:\n";
        for (const NRule &rule : r.rules) {
            out += "  - verbs: " + flow(rule.verbs) + "\n";
            if (!rule.urls.isEmpty())
                out += "    nonResourceURLs: " + flow(rule.urls) + "\n";
            if (!rule.resources.isEmpty())
                out += "    apiGroups: " + flow(rule.groups) + "\n    resources: " + flow(rule.resources) + "\n";
            if (!rule.names.isEmpty())
                out += "    resourceNames: " + flow(rule.names) + "\n";
        }
    }
    for (const NBinding &b : m.bindings) {
        out += "- apiVersion: rbac.authorization.k8s.io/v1\n  kind: " +
               QByteArray(b.ns.isEmpty() ? "ClusterRoleBinding" : "RoleBinding") +
               "\n  metadata: {name: " + b.name.toUtf8() +
               (b.ns.isEmpty() ? QByteArray() : ", namespace: " + b.ns.toUtf8()) +
               "}\n  roleRef: {kind: " + b.roleKind.toUtf8() + ", name: " + b.roleName.toUtf8() + "}\n  subjects:\n";
        for (const NSubject &s : b.subjects)
            out += "  - {kind: " + s.kind.toUtf8() + ", name: \"" + s.name.toUtf8() + "\"" +
                   (s.ns.isEmpty() ? QByteArray() : ", namespace: " + s.ns.toUtf8()) + "}\n";
    }
    return out;
}

} // namespace

namespace {

struct Ask
{
    bool url = false;
    QString verb, group, resource, sub, name, ns, path;
};

bool naiveRuleAllows(const NRule &r, const Ask &a)
{
    const auto listed = [](const QStringList &list, const QString &v) {
        return list.contains(u"*"_s) || list.contains(v);
    };
    if (!listed(r.verbs, a.verb))
        return false;
    if (a.url) {
        for (QString u : r.urls) {
            const bool prefix = u.endsWith(u'*');
            while (u.endsWith(u'*'))
                u.chop(1);
            if ((prefix && a.path.startsWith(u)) || u == a.path)
                return true;
        }
        return false;
    }
    if (!listed(r.groups, a.group))
        return false;
    const QString full = a.sub.isEmpty() ? a.resource : a.resource + u'/' + a.sub;
    QSet<QString> accepted{u"*"_s, full};
    if (!a.sub.isEmpty())
        accepted.insert(u"*/"_s + a.sub);
    bool resourceOk = false;
    for (const QString &res : r.resources)
        resourceOk = resourceOk || accepted.contains(res);
    return resourceOk && (r.names.isEmpty() || r.names.contains(a.name));
}

QStringList naiveGroups(const QString &user, const QStringList &given)
{
    QStringList groups = given;
    const QStringList parts = user.split(u':');
    if (user.startsWith(u"system:serviceaccount:"_s) && parts.size() == 4 && given.isEmpty())
        groups = {u"system:serviceaccounts"_s, u"system:serviceaccounts:"_s + parts[2]};
    if (user == u"system:anonymous"_s) {
        if (!groups.contains(u"system:unauthenticated"_s))
            groups.append(u"system:unauthenticated"_s);
    } else if (!groups.contains(u"system:authenticated"_s) && !groups.contains(u"system:unauthenticated"_s)) {
        groups.append(u"system:authenticated"_s);
    }
    return groups;
}

QList<NRule> naiveRules(const Model &m, const NBinding &b)
{
    for (const NRole &role : m.roles) {
        const bool cluster = role.ns.isEmpty();
        if (role.name != b.roleName || (b.roleKind == u"ClusterRole"_s) != cluster || (!cluster && role.ns != b.ns))
            continue;
        if (role.selectTiers.isEmpty())
            return role.rules;
        QList<NRule> all; // aggregated: everything its tiers select (the generator never selects an aggregate)
        for (const NRole &other : m.roles)
            if (other.ns.isEmpty() && !other.tier.isEmpty() && role.selectTiers.contains(other.tier))
                all += other.rules;
        return all;
    }
    return {};
}

QString naiveSubjectText(const NSubject &s, const NBinding &b)
{
    const QString name = s.kind == u"ServiceAccount"_s ? s.name + u'/' + (s.ns.isEmpty() ? b.ns : s.ns) : s.name;
    return s.kind + u" \""_s + name + u'"';
}

QString naiveBindingText(const NBinding &b)
{
    const QString role = u" of "_s + b.roleKind + u" \""_s + b.roleName + u'"';
    if (b.ns.isEmpty())
        return u"ClusterRoleBinding \""_s + b.name + u'"' + role;
    return u"RoleBinding \""_s + b.name + u'/' + b.ns + u'"' + role;
}

/// The bindings a request in `ns` visits, in the Authorizer's documented order.
QList<NBinding> ordered(const Model &m, const QString &ns)
{
    std::map<QString, NBinding> cluster, local;
    for (const NBinding &b : m.bindings) {
        if (b.ns.isEmpty())
            cluster[b.name] = b;
        else if (b.ns == ns)
            local[b.name] = b;
    }
    QList<NBinding> out;
    for (const auto &[name, b] : cluster)
        out.append(b);
    for (const auto &[name, b] : local)
        out.append(b);
    return out;
}

bool allows(const Model &m, const NBinding &b, const Ask &a)
{
    for (const NRule &r : naiveRules(m, b))
        if (naiveRuleAllows(r, a))
            return true;
    return false;
}

QString naiveReason(const Model &m, const QString &user, const QStringList &groups, const Ask &a)
{
    for (const NBinding &b : ordered(m, a.ns)) {
        for (const NSubject &s : b.subjects) {
            const QString saNs = s.ns.isEmpty() ? b.ns : s.ns;
            const bool applies = (s.kind == u"User"_s && s.name == user) ||
                                 (s.kind == u"Group"_s && groups.contains(s.name)) ||
                                 (s.kind == u"ServiceAccount"_s && !saNs.isEmpty() &&
                                  user == u"system:serviceaccount:"_s + saNs + u':' + s.name);
            if (!applies)
                continue;
            if (allows(m, b, a))
                return u"RBAC: allowed by "_s + naiveBindingText(b) + u" to "_s + naiveSubjectText(s, b);
            break; // the first subject that applies is the binding's; its role decides
        }
    }
    return {};
}

QStringList naiveWhoCan(const Model &m, const Ask &a)
{
    QStringList lines;
    QSet<QString> seen;
    for (const NBinding &b : ordered(m, a.ns)) {
        if (!allows(m, b, a))
            continue;
        for (const NSubject &s : b.subjects) {
            if (s.kind == u"ServiceAccount"_s && s.ns.isEmpty() && b.ns.isEmpty())
                continue;
            const QString who = naiveSubjectText(s, b);
            if (!seen.contains(who))
                lines.append(who + u" by "_s + naiveBindingText(b));
            seen.insert(who);
        }
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

Ask randomAsk(Generator &g)
{
    Ask a;
    a.verb = g.pick({u"get"_s, u"list"_s, u"create"_s, u"delete"_s, u"update"_s});
    a.ns = g.pick({QString(), u"dev"_s, u"prod"_s});
    if (g.below(5) == 0) {
        a.url = true;
        a.path = g.pick({u"/healthz"_s, u"/api"_s, u"/api/v1"_s, u"/apis"_s, u"/metrics"_s});
        return a;
    }
    a.group = g.pick({QString(), u"apps"_s, u"batch"_s});
    a.resource = g.pick({u"pods"_s, u"deployments"_s, u"secrets"_s, u"nodes"_s});
    a.sub = g.pick({QString(), QString(), u"log"_s, u"status"_s, u"scale"_s});
    a.name = g.pick({QString(), u"a"_s, u"c"_s});
    return a;
}

Request toRequest(const Ask &a)
{
    Request r;
    r.verb = a.verb;
    r.resourceRequest = !a.url;
    r.path = a.path;
    r.apiGroup = a.group;
    r.resource = a.resource;
    r.subresource = a.sub;
    r.name = a.name;
    r.ns = a.ns;
    return r;
}

} // namespace

void TestRbacProperty::randomPolicies_agreeWithANaiveEvaluator()
{
    int allowed = 0, denied = 0;
    for (unsigned seed = 1; seed <= 300; ++seed) {
        Generator g(seed);
        const Model model = g.model();
        const Policy policy = PolicyLoader::loadTexts({{u"random.yaml"_s, yaml(model)}});
        QVERIFY2(policy.diagnostics.isEmpty(), qPrintable(policy.diagnostics.value(0).toString()));
        const Authorizer authorizer(policy);
        for (int i = 0; i < 100; ++i) {
            const Ask ask = randomAsk(g);
            const QString user = g.pick(kUsers);
            const QStringList given = g.below(2) ? QStringList() : g.some(kUserGroups, 2);
            const Decision d = authorizer.authorize(User::impersonated(user, given), toRequest(ask));
            const QString expected = naiveReason(model, user, naiveGroups(user, given), ask);
            QVERIFY2(d.reason == expected,
                     qPrintable(u"seed %1 ask %2: %3 / %4"_s.arg(seed).arg(i).arg(d.reason, expected)));
            (d.allowed ? allowed : denied)++;
            if (i % 10 == 0)
                QCOMPARE(authorizer.whoCan(toRequest(ask)), naiveWhoCan(model, ask));
        }
    }
    qInfo("%d allowed, %d denied", allowed, denied);
    // Both answers must be common, or the agreement says little.
    QVERIFY(allowed > 3000 && denied > 3000);
}

QTEST_GUILESS_MAIN(TestRbacProperty)
#include "tst_rbacproperty.moc"
