// The RBAC matching helpers, label selectors, the user the API server builds, and the resource table. The cases
// follow the ones Kubernetes tests its own helpers with (rule matching in the rbac authorizer's
// tests, impersonation in the apiserver's filter tests), written anew here.
#include "rbacmatch.h"
#include "rbacresources.h"
#include "rbacuser.h"

#include <QTest>

using namespace k8sfc::rbac;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(k8sfc::rbac::Rule)
Q_DECLARE_METATYPE(k8sfc::rbac::Request)

class TestRbacMatch : public QObject
{
    Q_OBJECT
private slots:
    void ruleAllows_resource_data();
    void ruleAllows_resource();
    void ruleAllows_nonResource_data();
    void ruleAllows_nonResource();
    void whyNot_namesTheFirstMismatch();
    void impersonatedUser_data();
    void impersonatedUser();
    void serviceAccountUser_isSplitOnlyWhenValid();
    void resources_resolveAsKubectl();
    void labelSelectors_matchAsKubernetes();
};

namespace {

QStringList L(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromLatin1(item));
    return list;
}

Rule rule(std::initializer_list<const char *> verbs, std::initializer_list<const char *> groups,
          std::initializer_list<const char *> resources, std::initializer_list<const char *> names = {})
{
    return Rule{L(verbs), L(groups), L(resources), L(names), {}, {}};
}

Request resourceRequest(const char *verb, const char *group, const char *resource, const char *subresource = "",
                        const char *name = "")
{
    Request r;
    r.verb = QString::fromLatin1(verb);
    r.apiGroup = QString::fromLatin1(group);
    r.resource = QString::fromLatin1(resource);
    r.subresource = QString::fromLatin1(subresource);
    r.name = QString::fromLatin1(name);
    return r;
}

LabelSelector byLabels(const QMap<QString, QString> &labels)
{
    LabelSelector selector;
    selector.matchLabels = labels;
    return selector;
}

} // namespace

void TestRbacMatch::ruleAllows_resource_data()
{
    QTest::addColumn<Rule>("rule");
    QTest::addColumn<Request>("request");
    QTest::addColumn<bool>("allowed");
    const Rule pods = rule({"get"}, {""}, {"pods"});
    QTest::newRow("exact") << pods << resourceRequest("get", "", "pods") << true;
    QTest::newRow("other verb") << pods << resourceRequest("list", "", "pods") << false;
    QTest::newRow("other group") << pods << resourceRequest("get", "apps", "pods") << false;
    QTest::newRow("verbs are case-sensitive") << pods << resourceRequest("GET", "", "pods") << false;
    QTest::newRow("star verb") << rule({"*"}, {"g1"}, {"r1"}) << resourceRequest("delete", "g1", "r1") << true;
    QTest::newRow("star group") << rule({"get"}, {"*"}, {"r1"}) << resourceRequest("get", "anything.io", "r1") << true;
    QTest::newRow("star resource") << rule({"get"}, {"g1"}, {"*"}) << resourceRequest("get", "g1", "r9") << true;
    QTest::newRow("star resource covers subresources")
        << rule({"get"}, {"g1"}, {"*"}) << resourceRequest("get", "g1", "r1", "status") << true;
    QTest::newRow("tuple expansion") << rule({"get", "list"}, {"g1", "g2"}, {"r1", "r2"})
                                     << resourceRequest("list", "g2", "r1") << true;
    QTest::newRow("resource does not cover its subresource")
        << pods << resourceRequest("get", "", "pods", "log") << false;
    QTest::newRow("subresource exact") << rule({"get"}, {""}, {"pods/log"}) << resourceRequest("get", "", "pods", "log")
                                       << true;
    QTest::newRow("subresource rule does not cover the resource")
        << rule({"get"}, {""}, {"pods/log"}) << resourceRequest("get", "", "pods") << false;
    QTest::newRow("star subresource") << rule({"update"}, {"*"}, {"*/status"})
                                      << resourceRequest("update", "apps", "deployments", "status") << true;
    QTest::newRow("star subresource, other subresource")
        << rule({"update"}, {"*"}, {"*/status"}) << resourceRequest("update", "apps", "deployments", "scale") << false;
    QTest::newRow("star subresource without a subresource")
        << rule({"update"}, {"*"}, {"*/status"}) << resourceRequest("update", "apps", "deployments") << false;
    QTest::newRow("star subresource is not a suffix match")
        << rule({"get"}, {""}, {"*/tus"}) << resourceRequest("get", "", "pods", "status") << false;
    QTest::newRow("no names: every name") << pods << resourceRequest("get", "", "pods", "", "web-1") << true;
    QTest::newRow("named") << rule({"get"}, {""}, {"pods"}, {"web-1"})
                           << resourceRequest("get", "", "pods", "", "web-1") << true;
    QTest::newRow("other name") << rule({"get"}, {""}, {"pods"}, {"web-1"})
                                << resourceRequest("get", "", "pods", "", "web-2") << false;
    QTest::newRow("no name never matches a list of names")
        << rule({"list"}, {""}, {"pods"}, {"web-1"}) << resourceRequest("list", "", "pods") << false;
    QTest::newRow("non-resource rule allows no resource")
        << Rule{L({"get"}), {}, {}, {}, L({"*"}), {}} << resourceRequest("get", "", "pods") << false;
}

void TestRbacMatch::ruleAllows_resource()
{
    QFETCH(Rule, rule);
    QFETCH(Request, request);
    QFETCH(bool, allowed);
    QCOMPARE(ruleAllows(request, rule), allowed);
    QCOMPARE(whyNot(request, rule).isEmpty(), allowed);
}

void TestRbacMatch::ruleAllows_nonResource_data()
{
    QTest::addColumn<QStringList>("urls");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("exact") << L({"/healthz"}) << u"/healthz"_s << true;
    QTest::newRow("exact only") << L({"/api"}) << u"/api/v1"_s << false;
    QTest::newRow("star") << L({"*"}) << u"/metrics"_s << true;
    QTest::newRow("prefix") << L({"/api/*"}) << u"/api/v1/pods"_s << true;
    QTest::newRow("prefix needs its slash") << L({"/api/*"}) << u"/api"_s << false;
    QTest::newRow("prefix without slash") << L({"/api*"}) << u"/apis/apps"_s << true;
    QTest::newRow("every trailing star goes") << L({"/logs/**"}) << u"/logs/x"_s << true;
    QTest::newRow("a star inside is literal") << L({"/a*/b"}) << u"/ax/b"_s << false;
    QTest::newRow("second entry") << L({"/version", "/healthz"}) << u"/healthz"_s << true;
}

void TestRbacMatch::ruleAllows_nonResource()
{
    QFETCH(QStringList, urls);
    QFETCH(QString, path);
    QFETCH(bool, allowed);
    Request request;
    request.verb = QStringLiteral("get");
    request.resourceRequest = false;
    request.path = path;
    QCOMPARE(ruleAllows(request, Rule{L({"get"}), {}, {}, {}, urls, {}}), allowed);
    QVERIFY(!ruleAllows(request, Rule{L({"post"}), {}, {}, {}, urls, {}}));
    // A resource rule, even with every wildcard, allows no URL.
    QVERIFY(!ruleAllows(request, rule({"*"}, {"*"}, {"*"})));
}

void TestRbacMatch::whyNot_namesTheFirstMismatch()
{
    const Rule named = rule({"get"}, {""}, {"secrets"}, {"db"});
    QCOMPARE(whyNot(resourceRequest("get", "", "secrets"), named),
             QStringLiteral("it names resourceNames [db], and a request without a name never matches them"));
    QCOMPARE(whyNot(resourceRequest("list", "", "secrets"), named),
             QStringLiteral("its verbs [get] do not include list"));
    QCOMPARE(whyNot(resourceRequest("get", "", "pods", "log"), rule({"get"}, {""}, {"pods"})),
             QStringLiteral("its resources [pods] do not match pods/log"));
}

void TestRbacMatch::impersonatedUser_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("user") << u"jane"_s << L({}) << L({"system:authenticated"});
    QTest::newRow("user with groups") << u"jane"_s << L({"devs"}) << L({"devs", "system:authenticated"});
    QTest::newRow("authenticated not twice") << u"jane"_s << L({"system:authenticated"}) << L({"system:authenticated"});
    QTest::newRow("unauthenticated given: no authenticated")
        << u"jane"_s << L({"system:unauthenticated"}) << L({"system:unauthenticated"});
    QTest::newRow("anonymous") << u"system:anonymous"_s << L({}) << L({"system:unauthenticated"});
    QTest::newRow("anonymous, unauthenticated not twice")
        << u"system:anonymous"_s << L({"system:unauthenticated"}) << L({"system:unauthenticated"});
    QTest::newRow("service account") << u"system:serviceaccount:dev:deployer"_s << L({})
                                     << L({"system:serviceaccounts", "system:serviceaccounts:dev",
                                           "system:authenticated"});
    QTest::newRow("service account with groups: only those")
        << u"system:serviceaccount:dev:deployer"_s << L({"ci"}) << L({"ci", "system:authenticated"});
    QTest::newRow("not a service account name")
        << u"system:serviceaccount:Dev:deployer"_s << L({}) << L({"system:authenticated"});
}

void TestRbacMatch::impersonatedUser()
{
    QFETCH(QString, name);
    QFETCH(QStringList, groups);
    QFETCH(QStringList, expected);
    const User user = User::impersonated(name, groups);
    QCOMPARE(user.name, name);
    QCOMPARE(user.groups, expected);
}

void TestRbacMatch::serviceAccountUser_isSplitOnlyWhenValid()
{
    QCOMPARE(splitServiceAccountUser(u"system:serviceaccount:kube-system:default"_s),
             std::optional(std::pair(QStringLiteral("kube-system"), QStringLiteral("default"))));
    QCOMPARE(splitServiceAccountUser(u"system:serviceaccount:ns:a.b-c"_s),
             std::optional(std::pair(QStringLiteral("ns"), QStringLiteral("a.b-c"))));
    for (const char *bad : {"system:serviceaccount:ns", "system:serviceaccount:ns:a:b", "system:serviceaccount::a",
                            "system:serviceaccount:ns:", "system:serviceaccount:-ns:a", "system:serviceaccount:n.s:a",
                            "system:serviceaccount:ns:A", "system:serviceaccounts:ns:a", "jane"})
        QVERIFY2(!splitServiceAccountUser(QString::fromLatin1(bad)), bad);
    QCOMPARE(serviceAccountUser(u"dev"_s, u"ci"_s), QStringLiteral("system:serviceaccount:dev:ci"));
}

void TestRbacMatch::resources_resolveAsKubectl()
{
    const auto resolved = [](const char *arg) {
        return std::get<ResourceArg>(resolveResource(QString::fromLatin1(arg)));
    };
    QCOMPARE(resolved("pods").group, QString());
    QVERIFY(resolved("pods").namespaced);
    QCOMPARE(resolved("deployments").group, QStringLiteral("apps"));
    QCOMPARE(resolved("deploy").resource, QStringLiteral("deployments"));
    QCOMPARE(resolved("Deployments.APPS").group, QStringLiteral("apps"));
    QCOMPARE(resolved("events").group, QString()); // the core group before events.k8s.io
    QCOMPARE(resolved("events.events.k8s.io").group, QStringLiteral("events.k8s.io"));
    QVERIFY(!resolved("nodes").namespaced);
    QVERIFY(!resolved("clusterroles").namespaced);
    QCOMPARE(resolved("secrets/db-password").name, QStringLiteral("db-password"));
    QCOMPARE(resolved("secrets/db-password").resource, QStringLiteral("secrets"));
    const ResourceArg widgets = resolved("widgets.example.com/w1");
    QCOMPARE(widgets.resource, QStringLiteral("widgets"));
    QCOMPARE(widgets.group, QStringLiteral("example.com"));
    QCOMPARE(widgets.name, QStringLiteral("w1"));
    QVERIFY(widgets.namespaced && !widgets.known);
    QCOMPARE(resolved("*").resource, QStringLiteral("*"));
    // Singular names, as kubectl takes them: the kind, lower case.
    const QList<std::pair<const char *, const char *>> singular{{"pod", "pods"},
                                                                {"deployment", "deployments"},
                                                                {"networkpolicy", "networkpolicies"},
                                                                {"ingress", "ingresses"},
                                                                {"endpoints", "endpoints"},
                                                                {"componentstatus", "componentstatuses"},
                                                                {"storageclass", "storageclasses"},
                                                                {"namespace", "namespaces"},
                                                                {"service", "services"},
                                                                {"role.rbac.authorization.k8s.io", "roles"}};
    for (const auto &[name, plural] : singular)
        QCOMPARE(resolved(name).resource, QString::fromLatin1(plural));
    QCOMPARE(resolved("deployment").group, QStringLiteral("apps"));
    for (const char *bad : {"widgets", "", "/name", "pods.", ".apps"})
        QVERIFY2(std::holds_alternative<QString>(resolveResource(QString::fromLatin1(bad))), bad);
}

void TestRbacMatch::labelSelectors_matchAsKubernetes()
{
    const QMap<QString, QString> labels{{u"env"_s, u"prod"_s}, {u"team"_s, u"a"_s}};
    using Op = LabelRequirement::Operator;
    const auto holds = [&](LabelRequirement r) { return LabelSelector{{}, {r}}.matches(labels); };
    QVERIFY(holds({u"env"_s, Op::In, {u"dev"_s, u"prod"_s}}));
    QVERIFY(!holds({u"env"_s, Op::In, {u"dev"_s}}));
    QVERIFY(!holds({u"zone"_s, Op::In, {u"x"_s}}));
    QVERIFY(holds({u"env"_s, Op::NotIn, {u"dev"_s}}));
    QVERIFY(holds({u"zone"_s, Op::NotIn, {u"x"_s}})); // absent: not in
    QVERIFY(!holds({u"env"_s, Op::NotIn, {u"prod"_s}}));
    QVERIFY(holds({u"team"_s, Op::Exists, {}}));
    QVERIFY(!holds({u"zone"_s, Op::Exists, {}}));
    QVERIFY(holds({u"zone"_s, Op::DoesNotExist, {}}));
    QVERIFY(!holds({u"env"_s, Op::DoesNotExist, {}}));
    QVERIFY(LabelSelector{}.matches(labels)); // an empty selector selects everything
    QVERIFY(byLabels({{u"env"_s, u"prod"_s}}).matches(labels));
    QVERIFY(!byLabels({{u"env"_s, u"prod"_s}, {u"team"_s, u"b"_s}}).matches(labels));
}

QTEST_GUILESS_MAIN(TestRbacMatch)
#include "tst_rbacmatch.moc"
