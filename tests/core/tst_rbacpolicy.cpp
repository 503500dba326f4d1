// The RBAC loader, resolver, aggregation and `list` table on real YAML. The resolver cases follow
// the ones Kubernetes tests its rule resolver and authorizer with (which subjects a binding applies
// to, RoleBindings to ClusterRoles, missing roles, the reason text); aggregation follows the
// aggregation controller's. All written anew here.
#include "rbacauthorizer.h"
#include "rbaclisting.h"
#include "rbacloader.h"
#include "rbacsplit.h"

#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;
using namespace k8sfc::rbac;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(k8sfc::rbac::Request)

class TestRbacPolicy : public QObject
{
    Q_OBJECT
private slots:
    void load_readsListsDocumentsAndSkipsOtherKinds();
    void malformed_isLocated_data();
    void malformed_isLocated();
    void oversizedFile_isRefused();
    void largeList_readInPieces_readsAsWhole();
    void authorize_followsTheResolver_data();
    void authorize_followsTheResolver();
    void authorize_namesTheFirstMatch();
    void whoCan_listsEachSubjectOnce();
    void aggregation_reachesAFixedPoint();
    void accessTable_isKubectls();
};

namespace {

// A team namespace, a CI ServiceAccount, an OIDC group, a trap or two.
const QByteArray kPolicy = R"(apiVersion: v1
kind: List
items:
- apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata: {name: edit}
  rules:
  - apiGroups: ["", apps]
    resources: [pods, deployments, deployments/scale]
    verbs: [get, list, create, update, delete]
- apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata: {name: status-writer}
  rules:
  - apiGroups: ["*"]
    resources: ["*/status"]
    verbs: [update]
- apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata: {name: read-db-secret, namespace: dev}
  rules:
  - apiGroups: [""]
    resources: [secrets]
    resourceNames: [db]
    verbs: [get, list]
- apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata: {name: ci, namespace: dev}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
  subjects:
  - {kind: ServiceAccount, name: deployer}
- apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata: {name: secrets, namespace: dev}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: read-db-secret}
  subjects:
  - {kind: Group, name: "oidc:devs"}
- apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata: {name: ghost, namespace: dev}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: missing}
  subjects:
  - {kind: User, name: jane}
- apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata: {name: status}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: status-writer}
  subjects:
  - {kind: ServiceAccount, name: nowhere}
  - {kind: ServiceAccount, name: ctrl, namespace: ops}
  - {kind: User, name: "*"}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: other, namespace: dev}
)";

Policy load(const QByteArray &text)
{
    return PolicyLoader::loadTexts({{u"policy.yaml"_s, text}});
}

Request request(const char *verb, const char *group, const char *resource, const char *ns, const char *sub = "",
                const char *name = "")
{
    Request r;
    r.verb = QString::fromLatin1(verb);
    r.apiGroup = QString::fromLatin1(group);
    r.resource = QString::fromLatin1(resource);
    r.ns = QString::fromLatin1(ns);
    r.subresource = QString::fromLatin1(sub);
    r.name = QString::fromLatin1(name);
    return r;
}

QByteArray object(const char *kind, const QByteArray &body)
{
    return "apiVersion: rbac.authorization.k8s.io/v1\nkind: " + QByteArray(kind) + "\n" + body;
}

/// Everything a load gives, positions included, one line each: two loads agree if these do.
QStringList dump(const Policy &policy)
{
    const auto at = [](const Origin &o) { return u"@%1:%2:%3"_s.arg(o.file).arg(o.line).arg(o.column); };
    QStringList out;
    for (const Role &role : policy.roles) {
        out.append(u"role %1 %2/%3 %4 labels=%5 aggregated=%6"_s.arg(role.cluster)
                       .arg(role.ns, role.name, at(role.origin), QStringList(role.labels.keys()).join(u','))
                       .arg(role.aggregation ? role.aggregation->size() : -1));
        for (const Rule &rule : role.rules)
            out.append(u"  rule %1 %2 %3 %4 %5 %6"_s.arg(rule.verbs.join(u','), rule.apiGroups.join(u','),
                                                         rule.resources.join(u','), rule.resourceNames.join(u','),
                                                         rule.nonResourceURLs.join(u','), at(rule.origin)));
    }
    for (const Binding &binding : policy.bindings) {
        out.append(u"binding %1 %2/%3 -> %4 %5 %6"_s.arg(binding.cluster)
                       .arg(binding.ns, binding.name, binding.roleKind, binding.roleName, at(binding.origin)));
        for (const Subject &subject : binding.subjects)
            out.append(u"  subject %1 %2/%3 %4"_s.arg(subject.kind, subject.ns, subject.name, at(subject.origin)));
    }
    for (const Diagnostic &d : policy.diagnostics)
        out.append(d.toString());
    out.append(u"skipped %1"_s.arg(policy.skippedObjects));
    return out;
}

/// A kubectl-style List export of `count` items, with problems and other kinds among them.
QByteArray generatedExport(int count)
{
    QByteArray text = "apiVersion: v1\nitems:\n";
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(i);
        switch (i % 7) {
        case 0:
            text += "- apiVersion: rbac.authorization.k8s.io/v1\n  kind: ClusterRole\n  metadata:\n    name: role-" +
                    n + "\n    labels: {tier: t" + QByteArray::number(i % 5) +
                    "}\n  rules:\n  - apiGroups: [\"\"]\n"
                    "    resources: [pods, pods/log]\n    verbs: [get, list]\n  - nonResourceURLs: [/healthz]\n"
                    "    verbs: [get]\n";
            break;
        case 1:
            text += "- apiVersion: rbac.authorization.k8s.io/v1\n  kind: RoleBinding\n  metadata:\n    name: rb-" + n +
                    "\n    namespace: ns" + QByteArray::number(i % 9) +
                    "\n  roleRef:\n    apiGroup: rbac.authorization.k8s.io\n    kind: ClusterRole\n"
                    "    name: role-0\n  subjects:\n  - kind: ServiceAccount\n    name: sa\n  - kind: Group\n"
                    "    apiGroup: rbac.authorization.k8s.io\n    name: devs\n";
            break;
        case 2: // other kinds are counted; a comment at the margin stays in the items
            text += "# a ConfigMap\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: cm-" + n +
                    ", namespace: default}\n  data:\n    key: |\n      - not an item\n      kind: List\n";
            break;
        case 3: // a binding without roleRef
            text += "- apiVersion: rbac.authorization.k8s.io/v1\n  kind: ClusterRoleBinding\n  metadata: {name: crb-" +
                    n + "}\n  subjects: [{kind: User, name: alice}]\n";
            break;
        case 4: // an unknown subject kind, in flow style over two lines
            text += "- {apiVersion: rbac.authorization.k8s.io/v1, kind: RoleBinding,\n   metadata: {name: odd-" + n +
                    ", namespace: dev}, roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r},\n"
                    "   subjects: [{kind: Robot, name: r2}]}\n";
            break;
        case 5: // verbs that is not a list; and a duplicate of role-0 now and then
            text += "- apiVersion: rbac.authorization.k8s.io/v1\n  kind: Role\n  metadata: {name: r-" + n +
                    ", namespace: dev}\n  rules:\n  - apiGroups: [\"\"]\n    resources: [secrets]\n    verbs: get\n";
            if (i % 70 == 5)
                text += "- apiVersion: rbac.authorization.k8s.io/v1\n  kind: ClusterRole\n  metadata: {name: role-0}\n";
            break;
        default:
            text += "-\n  apiVersion: rbac.authorization.k8s.io/v1\n  kind: ClusterRole\n  metadata: {name: agg-" + n +
                    "}\n  aggregationRule:\n    clusterRoleSelectors:\n    - matchLabels: {tier: t1}\n\n";
        }
    }
    text += "kind: List\nmetadata:\n  resourceVersion: \"\"\n";
    return text;
}

} // namespace

void TestRbacPolicy::load_readsListsDocumentsAndSkipsOtherKinds()
{
    const Policy policy = load(kPolicy);
    QVERIFY2(policy.diagnostics.isEmpty(), qPrintable(policy.diagnostics.value(0).toString()));
    QCOMPARE(policy.roles.size(), 3);
    QCOMPARE(policy.bindings.size(), 4);
    QCOMPARE(policy.skippedObjects, 1);
    QCOMPARE(policy.clusterRoleCount(), 2);
    QCOMPARE(policy.clusterBindingCount(), 1);
    const Rule &rule = policy.roles[0].rules[0];
    QCOMPARE(rule.apiGroups, (QStringList{QString(), u"apps"_s}));
    QCOMPARE(rule.origin.line, 8);
    QCOMPARE(rule.origin.column, 5);

    const QByteArray documents = object("Role", "metadata: {name: a, namespace: x}\n") + "---\n" +
                                 object("ClusterRole", "metadata: {name: b}\nrules: []\n") + "---\n---\n" +
                                 "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n";
    const Policy two = load(documents);
    QVERIFY(two.diagnostics.isEmpty());
    QCOMPARE(two.roles.size(), 2);
    QCOMPARE(two.skippedObjects, 1);
    QCOMPARE(two.roles[1].origin.line, 5);

    // v1beta1, as clusters before 1.22 exported it, has v1's fields and reads the same.
    QByteArray beta =
        object("Role", "metadata: {name: a, namespace: x}\nrules:\n- {apiGroups: [''], resources: [pods], "
                       "verbs: [get]}\n");
    beta.replace("/v1\n", "/v1beta1\n");
    const Policy old = load(beta);
    QVERIFY2(old.diagnostics.isEmpty(), qPrintable(old.diagnostics.value(0).toString()));
    QCOMPARE(old.roles.size(), 1);
    QCOMPARE(old.roles[0].rules.size(), 1);
}

void TestRbacPolicy::malformed_isLocated_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("YAML syntax") << QByteArray("kind: Role\nmetadata: [a\n")
                                 << u"policy.yaml:3:1: error: YAML syntax error: "_s;
    QTest::newRow("binding without roleRef")
        << object("RoleBinding", "metadata: {name: b, namespace: dev}\nsubjects: []\n")
        << u"policy.yaml:1:1: error: RoleBinding \"b\" has no roleRef mapping"_s;
    QTest::newRow("unknown subject kind")
        << object("ClusterRoleBinding",
                  "metadata: {name: b}\nroleRef: {kind: ClusterRole, name: x}\nsubjects:\n- {kind: Robot, name: r}\n")
        << u"policy.yaml:6:10: error: unknown subject kind \"Robot\" (User, Group or ServiceAccount)"_s;
    QTest::newRow("verbs not a list") << object("ClusterRole",
                                                "metadata: {name: r}\nrules:\n- verbs: get\n  resources: [pods]\n")
                                      << u"policy.yaml:5:10: error: a rule's verbs must be a list of strings"_s;
    QTest::newRow("rule without verbs") << object("ClusterRole", "metadata: {name: r}\nrules:\n- resources: [pods]\n")
                                        << u"policy.yaml:5:3: error: a rule has no verbs"_s;
    QTest::newRow("misspelt rule field") << object("ClusterRole",
                                                   "metadata: {name: r}\nrules:\n- verbs: [get]\n  resource: [pods]\n")
                                         << u"policy.yaml:6:3: error: unknown field \"resource\" in a rule"_s;
    QTest::newRow("Role without namespace")
        << object("Role", "metadata: {name: r}\n") << u"policy.yaml:3:11: error: Role metadata has no namespace"_s;
    QTest::newRow("ClusterRoleBinding to a Role")
        << object("ClusterRoleBinding", "metadata: {name: b}\nroleRef: {kind: Role, name: x}\n")
        << u"policy.yaml:4:17: error: ClusterRoleBinding \"b\"'s roleRef kind must be ClusterRole, not Role"_s;
    QTest::newRow("other apiVersion") << QByteArray("apiVersion: rbac.authorization.k8s.io/v1alpha1\nkind: Role\n")
                                      << u"policy.yaml:1:13: error: Role has apiVersion "_s;
    QTest::newRow("In without values") << object("ClusterRole",
                                                 "metadata: {name: r}\naggregationRule:\n  clusterRoleSelectors:\n"
                                                 "  - matchExpressions: [{key: a, operator: In}]\n")
                                       << u"policy.yaml:6:24: error: operator In needs values"_s;
    QTest::newRow("given twice")
        << object("ClusterRole", "metadata: {name: r}\n") + "---\n" + object("ClusterRole", "metadata: {name: r}\n")
        << u"policy.yaml:5:1: error: ClusterRole \"r\" is given twice (first at policy.yaml:1:1)"_s;
    QTest::newRow("not an object") << QByteArray("- a\n- b\n")
                                   << u"policy.yaml:1:1: error: expected a Kubernetes object"_s;
    QTest::newRow("no kind") << QByteArray("metadata: {name: x}\n")
                             << u"policy.yaml:1:1: error: the object has no kind"_s;
    QTest::newRow("not UTF-8") << QByteArray("kind: Role\nmetadata: {name: \xff}\n") << u"policy.yaml:2:"_s;
}

void TestRbacPolicy::malformed_isLocated()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const Policy policy = load(text);
    QVERIFY(hasErrors(policy.diagnostics));
    QVERIFY2(policy.diagnostics.first().toString().startsWith(expected),
             qPrintable(policy.diagnostics.first().toString()));
}

void TestRbacPolicy::oversizedFile_isRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"huge.yaml"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(PolicyLoader::kMaxPolicyBytes + 1));
    file.close();
    const Policy policy = PolicyLoader::loadFiles({path});
    QCOMPARE(policy.diagnostics.size(), 1);
    QCOMPARE(policy.diagnostics[0].toString(),
             path + u":1:1: error: the file is over the 64 MiB limit for a policy file"_s);
    const Policy missing = PolicyLoader::loadFiles({dir.filePath(u"none.yaml"_s)});
    QVERIFY(missing.diagnostics.value(0).message.startsWith(u"cannot read the policy: "_s));
}

void TestRbacPolicy::largeList_readInPieces_readsAsWhole()
{
    const QByteArray text = generatedExport(700);
    const auto split = splitListExport(text, 4, 200);
    QVERIFY(split);
    QCOMPARE(split->pieces.size(), 4);
    QCOMPARE(split->pieces.first().firstLine, 2);
    QCOMPARE(split->head.count('\n'), text.count('\n')); // line numbers kept
    QVERIFY(split->head.contains("kind: List"));

    Policy whole, inPieces;
    PolicyLoader::readText(text, u"export.yaml"_s, whole, 1);
    PolicyLoader::readText(text, u"export.yaml"_s, inPieces, 4);
    PolicyLoader::finish(whole);
    PolicyLoader::finish(inPieces);
    QCOMPARE(whole.roles.size(), 210); // 100 ClusterRoles, 100 aggregated, 10 given twice; no bad-verbs Role
    QVERIFY(whole.skippedObjects >= 100);
    QVERIFY(whole.diagnostics.size() >= 300); // no roleRef, Robot, verbs: get, the duplicates
    QCOMPARE(dump(inPieces), dump(whole));

    // Shapes that are not cut, or whose pieces do not parse alone, are read whole: the same result.
    const qsizetype firstItem = text.indexOf("- apiVersion");
    QByteArray alias = text.left(firstItem) + "- &shared\n  apiVersion" + text.mid(firstItem + 12);
    alias.insert(alias.lastIndexOf("kind: List"), "- *shared\n"); // in the last piece, the anchor in the first
    const qsizetype itemsFrom = text.indexOf("items:\n") + 7;
    const QByteArray items = text.mid(itemsFrom, text.lastIndexOf("kind: List") - itemsFrom);
    const QByteArray flowRoot = "{apiVersion: v1, kind: List,\nitems:\n" + items + "}\n";          // an error whole
    const QByteArray itemsTwice = "apiVersion: v1\nitems: ~\n" + text.mid(text.indexOf('\n') + 1); // the first counts
    QVERIFY(!splitListExport(flowRoot, 4, 200));
    QVERIFY(!splitListExport(itemsTwice, 4, 200));
    QVERIFY(!splitListExport(text + "kind: List\n", 4, 200)); // a key given twice
    const QList<QByteArray> others = {
        flowRoot,
        itemsTwice,
        "---\n" + text,                                                      // a document marker
        alias,                                                               // an alias across pieces
        text.left(text.lastIndexOf("kind: List")) + "kind: ConfigMapList\n", // another List kind
        text + "- stray\n",                                                  // an item after the List
    };
    for (const QByteArray &other : others) {
        Policy a, b;
        PolicyLoader::readText(other, u"e.yaml"_s, a, 1);
        PolicyLoader::readText(other, u"e.yaml"_s, b, 4);
        QCOMPARE(dump(b), dump(a));
    }
    QVERIFY(!splitListExport("---\n" + text, 4, 200));
    QVERIFY(!splitListExport(text, 4, 1000)); // too few items to be worth it
}

void TestRbacPolicy::authorize_followsTheResolver_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<Request>("request");
    QTest::addColumn<QString>("reason"); // empty: denied
    const QString deployer = u"system:serviceaccount:dev:deployer"_s;
    const QString viaCi = u"RBAC: allowed by RoleBinding \"ci/dev\" of ClusterRole \"edit\" to ServiceAccount "
                          "\"deployer/dev\""_s;
    QTest::newRow("RoleBinding to ClusterRole, its namespace")
        << deployer << QStringList() << request("create", "apps", "deployments", "dev") << viaCi;
    QTest::newRow("... not another namespace")
        << deployer << QStringList() << request("create", "apps", "deployments", "prod") << QString();
    QTest::newRow("... not cluster-wide") << deployer << QStringList() << request("list", "", "pods", "") << QString();
    QTest::newRow("subresource granted by name")
        << deployer << QStringList() << request("update", "apps", "deployments", "dev", "scale") << viaCi;
    QTest::newRow("resource does not grant its subresource")
        << deployer << QStringList() << request("get", "", "pods", "dev", "log") << QString();
    QTest::newRow("SA of the binding's namespace only")
        << u"system:serviceaccount:prod:deployer"_s << QStringList() << request("get", "", "pods", "dev") << QString();
    QTest::newRow("group subject") << u"amy"_s << QStringList{u"oidc:devs"_s}
                                   << request("get", "", "secrets", "dev", "", "db")
                                   << u"RBAC: allowed by RoleBinding \"secrets/dev\" of Role \"read-db-secret\" to "
                                      "Group \"oidc:devs\""_s;
    QTest::newRow("resourceNames asked without a name")
        << u"amy"_s << QStringList{u"oidc:devs"_s} << request("list", "", "secrets", "dev") << QString();
    QTest::newRow("missing role grants nothing")
        << u"jane"_s << QStringList() << request("get", "", "pods", "dev") << QString();
    QTest::newRow("*/status for a cluster SA")
        << u"system:serviceaccount:ops:ctrl"_s << QStringList()
        << request("update", "apps", "deployments", "", "status")
        << u"RBAC: allowed by ClusterRoleBinding \"status\" of ClusterRole \"status-writer\" to ServiceAccount "
           "\"ctrl/ops\""_s;
    QTest::newRow("SA without namespace in a ClusterRoleBinding is no one")
        << u"system:serviceaccount:default:nowhere"_s << QStringList()
        << request("update", "", "pods", "default", "status") << QString();
    QTest::newRow("User \"*\" is a name, not a wildcard")
        << u"bob"_s << QStringList() << request("update", "", "pods", "", "status") << QString();
    QTest::newRow("User \"*\" matches the user named *")
        << u"*"_s << QStringList() << request("update", "", "pods", "", "status")
        << u"RBAC: allowed by ClusterRoleBinding \"status\" of ClusterRole \"status-writer\" to User \"*\""_s;
}

void TestRbacPolicy::authorize_followsTheResolver()
{
    QFETCH(QString, user);
    QFETCH(QStringList, groups);
    QFETCH(Request, request);
    QFETCH(QString, reason);
    const Authorizer authorizer(load(kPolicy));
    const Decision decision = authorizer.authorize(User::impersonated(user, groups), request);
    QCOMPARE(decision.allowed, !reason.isEmpty());
    QCOMPARE(decision.reason, reason);
    if (decision.allowed)
        QVERIFY(ruleAllows(request, decision.role->rules.at(decision.rule)));
}

void TestRbacPolicy::authorize_namesTheFirstMatch()
{
    const QByteArray role = object("ClusterRole", "metadata: {name: view}\nrules:\n- {verbs: [get], apiGroups: [\"\"], "
                                                  "resources: [pods]}\n");
    const auto crb = [](const char *name, const char *subjects) {
        return object("ClusterRoleBinding", "metadata: {name: " + QByteArray(name) +
                                                "}\nroleRef: {kind: ClusterRole, name: view}\nsubjects: " + subjects +
                                                "\n");
    };
    const auto rb = [](const char *name) {
        return object("RoleBinding", "metadata: {name: " + QByteArray(name) +
                                         ", namespace: dev}\nroleRef: {kind: ClusterRole, name: view}\n"
                                         "subjects: [{kind: User, name: jane}]\n");
    };
    const QByteArray text = role + "---\n" + rb("a-local") + "---\n" + crb("zeta", "[{kind: User, name: jane}]") +
                            "---\n" + crb("beta", "[{kind: Group, name: team}, {kind: User, name: jane}]");
    const Authorizer authorizer(load(text));
    const Decision d =
        authorizer.authorize(User::impersonated(u"jane"_s, {u"team"_s}), request("get", "", "pods", "dev"));
    QCOMPARE(d.reason, u"RBAC: allowed by ClusterRoleBinding \"beta\" of ClusterRole \"view\" to Group \"team\""_s);
    QCOMPARE(d.subject, 0);
}

void TestRbacPolicy::whoCan_listsEachSubjectOnce()
{
    const Authorizer authorizer(load(kPolicy));
    QCOMPARE(authorizer.whoCan(request("update", "apps", "deployments", "dev", "status")),
             (QStringList{u"ServiceAccount \"ctrl/ops\" by ClusterRoleBinding \"status\" of ClusterRole "
                          "\"status-writer\""_s,
                          u"User \"*\" by ClusterRoleBinding \"status\" of ClusterRole \"status-writer\""_s}));
    QCOMPARE(authorizer.whoCan(request("delete", "", "pods", "dev")),
             QStringList{u"ServiceAccount \"deployer/dev\" by RoleBinding \"ci/dev\" of ClusterRole \"edit\""_s});
    QVERIFY(authorizer.whoCan(request("delete", "", "pods", "prod")).isEmpty());
}

void TestRbacPolicy::aggregation_reachesAFixedPoint()
{
    // top ← middle (selected by label) ← leaf; middle's own rules are replaced by what it selects.
    const QByteArray text =
        object("ClusterRole",
               "metadata: {name: top}\naggregationRule:\n  clusterRoleSelectors:\n"
               "  - matchLabels: {tier: middle}\nrules: [{verbs: [stale], resources: [x], apiGroups: [\"\"]}]\n") +
        "---\n" +
        object("ClusterRole", "metadata: {name: middle, labels: {tier: middle}}\naggregationRule:\n"
                              "  clusterRoleSelectors:\n  - matchLabels: {tier: leaf}\n") +
        "---\n" +
        object("ClusterRole", "metadata: {name: leaf-b, labels: {tier: leaf}}\nrules:\n"
                              "- {verbs: [get], apiGroups: [\"\"], resources: [pods]}\n"
                              "- {verbs: [list], apiGroups: [\"\"], resources: [pods]}\n") +
        "---\n" +
        object("ClusterRole", "metadata: {name: leaf-a, labels: {tier: leaf}}\nrules:\n"
                              "- {verbs: [list], apiGroups: [\"\"], resources: [pods]}\n");
    const Policy policy = load(text);
    QVERIFY2(policy.diagnostics.isEmpty(), qPrintable(policy.diagnostics.value(0).toString()));
    const Role &top = policy.roles[0];
    QCOMPARE(top.rules.size(), 2); // leaf-a's list first (by name), leaf-b's list only once
    QCOMPARE(top.rules[0].verbs, QStringList{u"list"_s});
    QCOMPARE(top.rules[1].verbs, QStringList{u"get"_s});
    QCOMPARE(policy.roles[1].rules.size(), 2);

    // Two aggregated roles selecting each other settle on the union of what they reach.
    const QByteArray cycle =
        object("ClusterRole", "metadata: {name: a, labels: {x: a}}\naggregationRule:\n  clusterRoleSelectors:\n"
                              "  - matchLabels: {x: b}\n") +
        "---\n" +
        object("ClusterRole", "metadata: {name: b, labels: {x: b}}\naggregationRule:\n  clusterRoleSelectors:\n"
                              "  - matchLabels: {x: a}\n  - matchLabels: {x: c}\n") +
        "---\n" +
        object("ClusterRole", "metadata: {name: c, labels: {x: c}}\nrules: [{verbs: [get], nonResourceURLs: [/x]}]\n");
    const Policy settled = load(cycle);
    QVERIFY(settled.diagnostics.isEmpty());
    QCOMPARE(settled.roles[0].rules.size(), 1);
    QCOMPARE(settled.roles[1].rules.size(), 1);
}

void TestRbacPolicy::accessTable_isKubectls()
{
    const QByteArray text =
        object("ClusterRole",
               "metadata: {name: r}\nrules:\n"
               "- {verbs: [get, list], apiGroups: [\"\"], resources: [pods]}\n"
               "- {verbs: [get], apiGroups: [apps], resources: [deployments, deployments/scale]}\n"
               "- {verbs: [get], nonResourceURLs: [/healthz, /api/*]}\n"
               "- {verbs: [update], apiGroups: [\"\"], resources: [configmaps], resourceNames: [cfg]}\n") +
        "---\n" +
        object("ClusterRoleBinding", "metadata: {name: b}\nroleRef: {kind: ClusterRole, name: r}\n"
                                     "subjects: [{kind: User, name: jane}]\n");
    const Authorizer authorizer(load(text));
    const QString expected = u"Resources                Non-Resource URLs   Resource Names   Verbs\n"
                             "pods                     []                  []               [get list]\n"
                             "                         [/api/*]            []               [get]\n"
                             "                         [/healthz]          []               [get]\n"
                             "deployments.apps/scale   []                  []               [get]\n"
                             "deployments.apps         []                  []               [get]\n"
                             "configmaps               []                  [cfg]            [update]\n"_s;
    QCOMPARE(accessTable(authorizer.rulesFor(User::impersonated(u"jane"_s, {}), QString())), expected);
}

QTEST_GUILESS_MAIN(TestRbacPolicy)
#include "tst_rbacpolicy.moc"
