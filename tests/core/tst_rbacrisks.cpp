// The risk classifier of the RBAC lab: which rules carry which risky rights, where they can be
// used, one entry per subject and kind, and the bundled card that explains each.
#include "content.h"
#include "rbacloader.h"
#include "rbacrisks.h"

#include <QTest>

using namespace k8sfc;
using namespace k8sfc::rbac;

class TestRbacRisks : public QObject
{
    Q_OBJECT
private slots:
    void rule_risks_data();
    void rule_risks();
    void policy_oneEntryPerSubjectAndKind();
    void everyRisk_linksATaggedCard();
};

namespace {

using Names = std::initializer_list<const char *>;

QStringList strings(Names names)
{
    QStringList list;
    for (const char *name : names)
        list.append(QString::fromLatin1(name));
    return list;
}

Rule rule(Names verbs, Names resources, Names groups = {""}, Names names = {})
{
    Rule r;
    r.verbs = strings(verbs);
    r.resources = strings(resources);
    r.apiGroups = strings(groups);
    r.resourceNames = strings(names);
    return r;
}

const QByteArray kPolicy = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: secret-reader}
rules:
- {apiGroups: [""], resources: [secrets], verbs: [get, list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: node-debugger}
rules:
- {apiGroups: [""], resources: [nodes/proxy], verbs: [get]}
- {apiGroups: [""], resources: [pods], verbs: [create, get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: readers}
roleRef: {kind: ClusterRole, name: secret-reader}
subjects: [{kind: Group, name: auditors}, {kind: User, name: jane}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: also-readers, namespace: dev}
roleRef: {kind: ClusterRole, name: secret-reader}
subjects: [{kind: User, name: jane}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: debug, namespace: dev}
roleRef: {kind: ClusterRole, name: node-debugger}
subjects: [{kind: ServiceAccount, name: debugger}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: dangling, namespace: dev}
roleRef: {kind: ClusterRole, name: no-such-role}
subjects: [{kind: User, name: ghost}]
)";

} // namespace

void TestRbacRisks::rule_risks_data()
{
    QTest::addColumn<Rule>("rule");
    QTest::addColumn<bool>("clusterWide");
    QTest::addColumn<QList<RiskKind>>("expected");
    using K = RiskKind;
    const char *rbacGroup = "rbac.authorization.k8s.io";
    QTest::newRow("harmless") << rule({"get", "list"}, {"pods", "configmaps"}) << true << QList<K>{};
    QTest::newRow("star verbs") << rule({"*"}, {"configmaps"}) << true << QList<K>{K::Wildcard};
    QTest::newRow("star everything") << rule({"*"}, {"*"}, {"*"}) << true
                                     << QList<K>{K::Wildcard,   K::Escalate,   K::Bind,       K::Impersonate,
                                                 K::CreatePods, K::NodesProxy, K::ReadSecrets};
    QTest::newRow("escalate") << rule({"escalate"}, {"clusterroles"}, {rbacGroup}) << true << QList<K>{K::Escalate};
    QTest::newRow("bind, named role") << rule({"bind"}, {"clusterroles"}, {rbacGroup}, {"admin"}) << false
                                      << QList<K>{K::Bind};
    QTest::newRow("impersonate users") << rule({"impersonate"}, {"users"}) << true << QList<K>{K::Impersonate};
    // Users are cluster-scoped: a RoleBinding's namespace never sees a request about them.
    QTest::newRow("impersonate users in a namespace") << rule({"impersonate"}, {"users"}) << false << QList<K>{};
    QTest::newRow("impersonate sa in a namespace")
        << rule({"impersonate"}, {"serviceaccounts"}) << false << QList<K>{K::Impersonate};
    QTest::newRow("create pods") << rule({"create"}, {"pods"}) << false << QList<K>{K::CreatePods};
    QTest::newRow("create pods/exec is not create pods") << rule({"create"}, {"pods/exec"}) << true << QList<K>{};
    QTest::newRow("create pods in apps is not core") << rule({"create"}, {"pods"}, {"apps"}) << true << QList<K>{};
    QTest::newRow("nodes/proxy") << rule({"get"}, {"nodes/proxy"}) << true << QList<K>{K::NodesProxy};
    QTest::newRow("*/proxy") << rule({"create"}, {"*/proxy"}) << true << QList<K>{K::NodesProxy};
    QTest::newRow("nodes/proxy in a namespace") << rule({"get"}, {"nodes/proxy"}) << false << QList<K>{};
    QTest::newRow("nodes is not nodes/proxy") << rule({"get"}, {"nodes"}) << true << QList<K>{};
    QTest::newRow("watch secrets") << rule({"watch"}, {"secrets"}) << false << QList<K>{K::ReadSecrets};
    QTest::newRow("one named secret") << rule({"get"}, {"secrets"}, {""}, {"tls"}) << false << QList<K>{K::ReadSecrets};
    QTest::newRow("delete secrets only") << rule({"delete"}, {"secrets"}) << true << QList<K>{};
}

void TestRbacRisks::rule_risks()
{
    QFETCH(Rule, rule);
    QFETCH(bool, clusterWide);
    QFETCH(QList<RiskKind>, expected);
    // As numbers, which QCOMPARE can print.
    const auto numbers = [](const QList<RiskKind> &kinds) {
        QList<int> n;
        for (RiskKind k : kinds)
            n.append(int(k));
        return n;
    };
    QCOMPARE(numbers(ruleRisks(rule, clusterWide)), numbers(expected));
}

void TestRbacRisks::policy_oneEntryPerSubjectAndKind()
{
    Policy policy = PolicyLoader::loadTexts({{QStringLiteral("export.yaml"), kPolicy}});
    QVERIFY2(!hasErrors(policy.diagnostics), qPrintable(policy.diagnostics.value(0).toString()));
    const Authorizer authorizer(std::move(policy));
    const QList<Risk> risks = riskyRights(authorizer);
    QStringList seen;
    for (const Risk &r : risks)
        seen.append(QStringLiteral("%1 %2 %3").arg(r.subject, riskTitle(r.kind), r.binding->name));
    // jane reads secrets through both bindings: the ClusterRoleBinding, visited first, is named.
    // The debugger's nodes/proxy comes through a RoleBinding and opens nothing; the dangling
    // binding grants nothing.
    QCOMPARE(seen, (QStringList{
                       QStringLiteral("Group \"auditors\" read secrets (get, list or watch) readers"),
                       QStringLiteral("ServiceAccount \"debugger/dev\" create pods debug"),
                       QStringLiteral("User \"jane\" read secrets (get, list or watch) readers"),
                   }));
    QCOMPARE(risks.at(1).rule, 1);
    QCOMPARE(risks.at(1).role->name, QStringLiteral("node-debugger"));
}

void TestRbacRisks::everyRisk_linksATaggedCard()
{
    const ContentSet content = ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR));
    for (RiskKind kind : {RiskKind::Wildcard, RiskKind::Escalate, RiskKind::Bind, RiskKind::Impersonate,
                          RiskKind::CreatePods, RiskKind::NodesProxy, RiskKind::ReadSecrets}) {
        const Card *card = content.card(riskCardId(kind));
        QVERIFY2(card, qPrintable(riskCardId(kind)));
        QVERIFY(card->tags.contains(QStringLiteral("rbac-risk")));
        QVERIFY(!riskTitle(kind).isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestRbacRisks)
#include "tst_rbacrisks.moc"
