// The RBAC lab's core: questions drawn from a policy's bindings (near misses, each with the
// Authorizer's truth), the closest rule for a "no", the rating an answer earns, the scenarios'
// headers and the diagram chain a decision lights.
#include "rbaclab.h"
#include "rbacloader.h"
#include "rbacscenario.h"

#include <QTemporaryDir>

#include <QSet>
#include <QTest>

using namespace k8sfc;
using namespace k8sfc::rbac;
using namespace Qt::StringLiterals;

class TestRbacLab : public QObject
{
    Q_OBJECT
private slots:
    void questions_areNearMissesWithTheirTruth();
    void nearMiss_namesTheClosestRule();
    void rating_countsTheRightParts();
    void scenarios_loadTheirHeaders();
    void scenario_badHeaderIsLocated_data();
    void scenario_badHeaderIsLocated();
    void chain_namesTheDiagramsItems();
    void roleSource_marksTheRule();
};

namespace {

const QByteArray kPolicy = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: settings-reader, namespace: shop}
rules:
- {apiGroups: [""], resources: [configmaps], resourceNames: [app-settings], verbs: [get]}
- {apiGroups: [apps], resources: [deployments], verbs: [get, list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app, namespace: shop}
roleRef: {kind: Role, name: settings-reader}
subjects: [{kind: ServiceAccount, name: app}, {kind: Group, name: devs}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: status-writer}
rules:
- {apiGroups: ["*"], resources: ["*/status"], verbs: [update]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: status, namespace: ops}
roleRef: {kind: ClusterRole, name: status-writer}
subjects: [{kind: User, name: ctrl}]
)";

} // namespace

void TestRbacLab::questions_areNearMissesWithTheirTruth()
{
    const Authorizer authorizer(PolicyLoader::loadTexts({{u"lab.yaml"_s, kPolicy}}));
    QVERIFY(authorizer.policy().diagnostics.isEmpty());
    const QList<LabQuestion> questions = labQuestions(authorizer, 7, 30);
    QVERIFY(questions.size() >= 15);
    int yes = 0, no = 0;
    QSet<QString> whos;
    bool withoutName = false, moved = false;
    for (const LabQuestion &q : questions) {
        const Decision d = authorizer.authorize(q.user, q.request);
        QCOMPARE(q.truth.allowed, d.allowed);
        QCOMPARE(q.truth.reason, d.reason);
        (d.allowed ? yes : no)++;
        whos.insert(q.who);
        withoutName |= q.request.resource == u"configmaps"_s && q.request.name.isEmpty();
        moved |= q.who == u"ServiceAccount \"app/shop\""_s && q.request.ns == u"ops"_s;
        QVERIFY(q.request.ns == u"shop"_s || q.request.ns == u"ops"_s); // namespaces that hold bindings
    }
    QVERIFY(yes >= 3 && no >= 3);
    QVERIFY(no > yes); // biased to near misses
    QCOMPARE(whos, (QSet<QString>{u"ServiceAccount \"app/shop\""_s, u"Group \"devs\""_s, u"User \"ctrl\""_s}));
    QVERIFY(withoutName);
    QVERIFY(moved); // a RoleBinding's subject asked about another namespace
    // The same seed, the same questions.
    const QList<LabQuestion> again = labQuestions(authorizer, 7, 30);
    QCOMPARE(again.size(), questions.size());
    for (qsizetype i = 0; i < again.size(); ++i)
        QCOMPARE(again[i].truth.reason, questions[i].truth.reason);
}

void TestRbacLab::nearMiss_namesTheClosestRule()
{
    const Authorizer authorizer(PolicyLoader::loadTexts({{u"lab.yaml"_s, kPolicy}}));
    const User app = User::impersonated(u"system:serviceaccount:shop:app"_s, {});
    Request list;
    list.verb = u"get"_s;
    list.resource = u"configmaps"_s;
    list.ns = u"shop"_s;
    const auto miss = nearMiss(authorizer, app, list);
    QVERIFY(miss);
    QCOMPARE(miss->role->name, u"settings-reader"_s);
    QCOMPARE(miss->rule, 0);
    QCOMPARE(miss->why, u"it names resourceNames [app-settings], and a request without a name never matches them"_s);

    Request scale;
    scale.verb = u"update"_s;
    scale.apiGroup = u"apps"_s;
    scale.resource = u"deployments"_s;
    scale.subresource = u"scale"_s;
    scale.ns = u"ops"_s;
    const auto status = nearMiss(authorizer, User::impersonated(u"ctrl"_s, {}), scale);
    QVERIFY(status);
    QCOMPARE(status->why, u"its resources [*/status] do not match deployments/scale"_s);
    // In a namespace where nothing is bound to the user, there is no rule to come close.
    list.ns = u"prod"_s;
    QVERIFY(!nearMiss(authorizer, app, list));
}

void TestRbacLab::rating_countsTheRightParts()
{
    QCOMPARE(labRating(true, true), 3);
    QCOMPARE(labRating(true, false), 2);
    QCOMPARE(labRating(false, true), 2);
    QCOMPARE(labRating(false, false), 1);
}

void TestRbacLab::scenarios_loadTheirHeaders()
{
    const QList<Scenario> scenarios = loadScenarios(QStringLiteral(K8SFC_SOURCE_DIR "/decks/rbac-lab"));
    QVERIFY(scenarios.size() >= 8);
    const Scenario &team = scenarios.first();
    QVERIFY(team.path.endsWith(u"01-team-namespace.yaml"_s));
    QCOMPARE(team.title, u"A team namespace"_s);
    QVERIFY(team.story.startsWith(u"The payments team works in the namespace payments."_s));
    QCOMPARE(team.source,
             u"https://kubernetes.io/docs/reference/access-authn-authz/rbac/#rolebinding-and-clusterrolebinding"_s);
    QCOMPARE(team.cards, (QStringList{u"rbac-rolebinding-references-clusterrole"_s,
                                      u"rbac-rolebinding-vs-clusterrolebinding"_s, u"rbac-subject-kinds"_s}));
    QCOMPARE(team.policy.bindings.size(), 2);
    for (const Scenario &s : scenarios)
        QVERIFY2(s.policy.diagnostics.isEmpty() && !s.cards.isEmpty(), qPrintable(s.path));
}

void TestRbacLab::scenario_badHeaderIsLocated_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    const QByteArray role = "---\nkind: ClusterRole\napiVersion: rbac.authorization.k8s.io/v1\nmetadata: {name: r}\n";
    QTest::newRow("not a scenario")
        << QByteArray("kind: ClusterRole\napiVersion: rbac.authorization.k8s.io/v1\n"
                      "metadata: {name: r}\n")
        << u"s.yaml:1:1: error: a lab scenario starts with a document of kind RbacLabScenario"_s;
    QTest::newRow("no story") << QByteArray("kind: RbacLabScenario\ntitle: T\nsource: https://k\ncards: [c]\n") + role
                              << u"s.yaml:1:1: error: the scenario needs a non-empty `story`"_s;
    QTest::newRow("cards not a list") << QByteArray("kind: RbacLabScenario\ntitle: T\nstory: S\nsource: https://k\n"
                                                    "cards: c\n") +
                                             role
                                      << u"s.yaml:5:8: error: the scenario needs a list of `cards` it exercises"_s;
    QTest::newRow("objects wrong")
        << QByteArray("kind: RbacLabScenario\ntitle: T\nstory: S\nsource: https://k\n"
                      "cards: [c]\n---\nkind: RoleBinding\n"
                      "apiVersion: rbac.authorization.k8s.io/v1\nmetadata: {name: b, namespace: n}\n")
        << u"s.yaml:7:1: error: "_s;
}

void TestRbacLab::scenario_badHeaderIsLocated()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QFile file(dir.filePath(u"s.yaml"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    const Scenario s = loadScenario(file.fileName());
    QVERIFY(hasErrors(s.policy.diagnostics));
    const QString first = s.policy.diagnostics.first().toString();
    QVERIFY2(first.startsWith(dir.path() + u'/' + expected), qPrintable(first));
}

void TestRbacLab::chain_namesTheDiagramsItems()
{
    const Authorizer authorizer(PolicyLoader::loadTexts({{u"lab.yaml"_s, kPolicy}}));
    Request get;
    get.verb = u"get"_s;
    get.apiGroup = u"apps"_s;
    get.resource = u"deployments"_s;
    get.ns = u"shop"_s;
    const Decision d = authorizer.authorize(User::impersonated(u"system:serviceaccount:shop:app"_s, {}), get);
    QVERIFY(d.allowed);
    const DiagramChain chain = diagramChain(*d.binding, d.binding->subjects.at(d.subject), *d.role);
    QCOMPARE(chain.components, (QStringList{u"service-account"_s, u"role-binding"_s, u"role"_s, u"rbac-rule"_s}));
    QCOMPARE(chain.arrows, (QStringList{u"arrow.role-binding--service-account"_s, u"arrow.role-binding--role"_s,
                                        u"arrow.role--rbac-rule"_s}));
    const Binding &status = authorizer.policy().bindings.at(1);
    const DiagramChain toClusterRole = diagramChain(status, status.subjects.at(0), *authorizer.roleOf(status));
    QCOMPARE(toClusterRole.components, (QStringList{u"user"_s, u"role-binding"_s, u"cluster-role"_s, u"rbac-rule"_s}));
    QCOMPARE(toClusterRole.arrows.at(1), u"arrow.role-binding--cluster-role"_s);
}

void TestRbacLab::roleSource_marksTheRule()
{
    const Scenario team = loadScenario(QStringLiteral(K8SFC_SOURCE_DIR "/decks/rbac-lab/01-team-namespace.yaml"));
    const Role &edit = team.policy.roles.first();
    const RoleSource source = roleSource(team.policy, edit, 0);
    QCOMPARE(source.firstLine, edit.origin.line);
    QCOMPARE(source.lines.first(), u"apiVersion: rbac.authorization.k8s.io/v1"_s);
    QCOMPARE(source.lines.last(), u"  verbs: [get, list, watch, create, update, patch, delete]"_s);
    QCOMPARE(source.lines.size(), 7); // up to the next `---`
    QCOMPARE(source.lines.at(source.markedLine - source.firstLine), u"- apiGroups: [\"\", apps]"_s);

    // A `kind: List` item ends where the next item starts.
    QTemporaryDir dir;
    QFile file(dir.filePath(u"list.yaml"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("kind: List\nitems:\n- apiVersion: rbac.authorization.k8s.io/v1\n  kind: ClusterRole\n"
               "  metadata: {name: a}\n  rules:\n  - {apiGroups: [\"\"], resources: [pods], verbs: [get]}\n"
               "- apiVersion: rbac.authorization.k8s.io/v1\n  kind: ClusterRole\n  metadata: {name: b}\n");
    file.close();
    const Policy list = PolicyLoader::loadFiles({file.fileName()});
    QVERIFY(list.diagnostics.isEmpty());
    const RoleSource a = roleSource(list, list.roles.first(), 0);
    QCOMPARE(a.firstLine, 3);
    QCOMPARE(a.lines.size(), 5);
    QCOMPARE(a.markedLine, 7);
    QCOMPARE(a.lines.first(), u"  apiVersion: rbac.authorization.k8s.io/v1"_s);
}

QTEST_GUILESS_MAIN(TestRbacLab)
#include "tst_rbaclab.moc"
