// The RBAC lab's core: questions drawn from a policy's bindings (near misses, each with the
// Authorizer's truth), the closest rule for a "no", and the rating an answer earns.
#include "rbaclab.h"
#include "rbacloader.h"

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

QTEST_GUILESS_MAIN(TestRbacLab)
#include "tst_rbaclab.moc"
