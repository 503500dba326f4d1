// The RBAC lab's bundled scenarios (decks/rbac-lab/): each is a policy the evaluator reads without
// a problem, tells its story with a source, names cards that exist, and every question it asks has
// the answer it claims, as the evaluator decides it.
#include "content.h"
#include "rbacauthorizer.h"
#include "rbacloader.h"
#include "rbacresources.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace k8sfc;
using namespace k8sfc::rbac;
using namespace Qt::StringLiterals;

class TestRbacScenarios : public QObject
{
    Q_OBJECT
private slots:
    void scenarios_areSoundAndAnswerAsTheyClaim();
};

namespace {

QString text(const YAML::Node &node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

QStringList texts(const YAML::Node &node)
{
    QStringList out;
    if (node && node.IsSequence())
        for (const YAML::Node &item : node)
            out.append(text(item));
    return out;
}

/// The request a check asks: a resource (with its name after a slash), or a path.
Request requestOf(const YAML::Node &check)
{
    Request r;
    r.verb = text(check["verb"]);
    r.ns = text(check["namespace"]);
    if (check["path"]) {
        r.resourceRequest = false;
        r.path = text(check["path"]);
        return r;
    }
    const auto resolved = resolveResource(text(check["resource"]));
    if (const ResourceArg *arg = std::get_if<ResourceArg>(&resolved)) {
        r.apiGroup = arg->group;
        r.resource = arg->resource;
        r.name = arg->name;
    }
    r.subresource = text(check["subresource"]);
    return r;
}

} // namespace

void TestRbacScenarios::scenarios_areSoundAndAnswerAsTheyClaim()
{
    const ContentSet content = ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR));
    const QDir dir(QStringLiteral(K8SFC_SOURCE_DIR "/decks/rbac-lab"));
    const QStringList files = dir.entryList({u"*.yaml"_s}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 8, "the lab needs eight scenarios or more");
    int checks = 0;
    for (const QString &name : files) {
        const QString path = dir.filePath(name);
        const Policy policy = PolicyLoader::loadFiles({path});
        QVERIFY2(policy.diagnostics.isEmpty(), qPrintable(policy.diagnostics.value(0).toString()));
        QCOMPARE(policy.skippedObjects, 1); // the story
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const YAML::Node story = YAML::LoadAll(file.readAll().toStdString()).at(0);
        QCOMPARE(text(story["kind"]), u"RbacLabScenario"_s);
        QVERIFY2(!text(story["title"]).isEmpty() && !text(story["story"]).isEmpty(), qPrintable(name));
        QVERIFY2(text(story["source"]).startsWith(u"https://kubernetes.io/"_s), qPrintable(name));
        const QStringList cards = texts(story["cards"]);
        QVERIFY2(!cards.isEmpty(), qPrintable(name));
        for (const QString &card : cards)
            QVERIFY2(content.card(card), qPrintable(name + u": no card "_s + card));
        const Authorizer authorizer(policy);
        bool yes = false, no = false;
        for (const YAML::Node &check : story["checks"]) {
            const User user = User::impersonated(text(check["as"]), texts(check["groups"]));
            const bool allowed = authorizer.authorize(user, requestOf(check)).allowed;
            QVERIFY2(allowed == check["allowed"].as<bool>(),
                     qPrintable(name + u": "_s + text(check["as"]) + u' ' + text(check["verb"])));
            (allowed ? yes : no) = true;
            ++checks;
        }
        QVERIFY2(yes && no, qPrintable(name + u" asks no question with a yes and one with a no"_s));
    }
    qInfo("%lld scenarios, %d questions", qlonglong(files.size()), checks);
}

QTEST_GUILESS_MAIN(TestRbacScenarios)
#include "tst_rbacscenarios.moc"
