// Runs `k8s-flashcards rbac` as a user would: its output and exit codes are a contract.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestRbacCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void canI_yesNamesTheBinding();
    void canI_noExitsOne();
    void canI_nonResourceUrl();
    void canI_clusterScopedResourceDropsTheNamespace();
    void canI_policiesCombineAcrossFiles();
    void whoCan_listsSubjects();
    void list_printsKubectlsTable();
    void skippedKinds_areCounted();
    void malformedPolicy_exitsTwoWithItsPlace();
    void usageErrors_exitTwo_data();
    void usageErrors_exitTwo();
    void help_documentsRbac();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Result run(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QString::fromLatin1(name)); // a headless command needs no display
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(K8SFC_BINARY), args);
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    QString write(const QString &name, const QByteArray &text)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return {};
        return file.fileName();
    }
    QTemporaryDir m_dir;
    QString m_policy;
};

namespace {

const QByteArray kRoles = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: edit}
rules:
- apiGroups: ["", apps]
  resources: [pods, deployments]
  verbs: [get, list, create]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: probes}
rules:
- nonResourceURLs: [/healthz, /readyz]
  verbs: [get]
- apiGroups: [""]
  resources: [nodes]
  verbs: [list]
)";

const QByteArray kBindings = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects:
- {kind: ServiceAccount, name: deployer}
- {kind: Group, name: devs}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: monitoring}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: probes}
subjects:
- {kind: Group, name: system:authenticated}
)";

const QString kDeployer = u"system:serviceaccount:dev:deployer"_s;

} // namespace

void TestRbacCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_policy = write(u"policy.yaml"_s, kRoles + "---\n" + kBindings);
    QVERIFY(!m_policy.isEmpty());
}

void TestRbacCommand::canI_yesNamesTheBinding()
{
    const Result r = run({u"rbac"_s, u"can-i"_s, u"create"_s, u"deployments"_s, u"-n"_s, u"dev"_s, u"--as"_s, kDeployer,
                          u"--policy"_s, m_policy});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.out, u"yes\nRBAC: allowed by RoleBinding \"ci/dev\" of ClusterRole \"edit\" to ServiceAccount "
                    "\"deployer/dev\"\n"_s);
    QCOMPARE(r.exitCode, 0);
    const Result group = run({u"rbac"_s, u"can-i"_s, u"get"_s, u"pods/web"_s, u"-n"_s, u"dev"_s, u"--as"_s, u"amy"_s,
                              u"--as-group"_s, u"devs"_s, u"--policy"_s, m_policy});
    QCOMPARE(group.out, u"yes\nRBAC: allowed by RoleBinding \"ci/dev\" of ClusterRole \"edit\" to Group \"devs\"\n"_s);
}

void TestRbacCommand::canI_noExitsOne()
{
    for (const QStringList &where : {QStringList{u"-n"_s, u"prod"_s}, QStringList{u"-A"_s}, QStringList()}) {
        const Result r = run(QStringList{u"rbac"_s, u"can-i"_s, u"create"_s, u"deployments.apps"_s} + where +
                             QStringList{u"--as"_s, kDeployer, u"--policy"_s, m_policy});
        QCOMPARE(r.out, u"no\n"_s);
        QCOMPARE(r.exitCode, 1);
    }
    const Result sub = run({u"rbac"_s, u"can-i"_s, u"get"_s, u"pods"_s, u"--subresource"_s, u"log"_s, u"-n"_s, u"dev"_s,
                            u"--as"_s, kDeployer, u"--policy"_s, m_policy});
    QCOMPARE(sub.out, u"no\n"_s);
}

void TestRbacCommand::canI_nonResourceUrl()
{
    const Result r =
        run({u"rbac"_s, u"can-i"_s, u"get"_s, u"/healthz"_s, u"--as"_s, u"jane"_s, u"--policy"_s, m_policy});
    QCOMPARE(r.out, u"yes\nRBAC: allowed by ClusterRoleBinding \"monitoring\" of ClusterRole \"probes\" to Group "
                    "\"system:authenticated\"\n"_s);
    // system:anonymous is not system:authenticated.
    const Result anonymous = run(
        {u"rbac"_s, u"can-i"_s, u"get"_s, u"/healthz"_s, u"--as"_s, u"system:anonymous"_s, u"--policy"_s, m_policy});
    QCOMPARE(anonymous.exitCode, 1);
}

void TestRbacCommand::canI_clusterScopedResourceDropsTheNamespace()
{
    const Result r = run({u"rbac"_s, u"can-i"_s, u"list"_s, u"nodes"_s, u"-n"_s, u"dev"_s, u"--as"_s, u"jane"_s,
                          u"--policy"_s, m_policy});
    QCOMPARE(r.err, u"Warning: resource 'nodes' is not namespace scoped\n"_s);
    QCOMPARE(r.out.section(u'\n', 0, 0), u"yes"_s);
    QCOMPARE(r.exitCode, 0);
}

void TestRbacCommand::canI_policiesCombineAcrossFiles()
{
    const QString roles = write(u"roles.yaml"_s, kRoles);
    const QString bindings = write(u"bindings.yaml"_s, kBindings);
    const Result r = run({u"rbac"_s, u"can-i"_s, u"list"_s, u"pods"_s, u"-n"_s, u"dev"_s, u"--as"_s, kDeployer,
                          u"--policy"_s, roles, u"--policy"_s, bindings});
    QCOMPARE(r.exitCode, 0);
    const Result one = run({u"rbac"_s, u"can-i"_s, u"list"_s, u"pods"_s, u"-n"_s, u"dev"_s, u"--as"_s, kDeployer,
                            u"--policy"_s, bindings});
    QCOMPARE(one.exitCode, 1); // the ClusterRole is missing: the binding grants nothing
}

void TestRbacCommand::whoCan_listsSubjects()
{
    const Result r = run({u"rbac"_s, u"who-can"_s, u"create"_s, u"pods"_s, u"-n"_s, u"dev"_s, u"--policy"_s, m_policy});
    QCOMPARE(r.out, u"Group \"devs\" by RoleBinding \"ci/dev\" of ClusterRole \"edit\"\n"
                    "ServiceAccount \"deployer/dev\" by RoleBinding \"ci/dev\" of ClusterRole \"edit\"\n"_s);
    QCOMPARE(r.exitCode, 0);
    const Result nobody = run({u"rbac"_s, u"who-can"_s, u"delete"_s, u"pods"_s, u"--policy"_s, m_policy});
    QCOMPARE(nobody.out, QString());
    QCOMPARE(nobody.exitCode, 1);
}

void TestRbacCommand::list_printsKubectlsTable()
{
    const Result r = run({u"rbac"_s, u"list"_s, u"--as"_s, kDeployer, u"-n"_s, u"dev"_s, u"--policy"_s, m_policy});
    QCOMPARE(r.out, u"Resources          Non-Resource URLs   Resource Names   Verbs\n"
                    "deployments        []                  []               [get list create]\n"
                    "pods               []                  []               [get list create]\n"
                    "deployments.apps   []                  []               [get list create]\n"
                    "pods.apps          []                  []               [get list create]\n"
                    "                   [/healthz]          []               [get]\n"
                    "                   [/readyz]           []               [get]\n"
                    "nodes              []                  []               [list]\n"_s);
    QCOMPARE(r.exitCode, 0);
}

void TestRbacCommand::skippedKinds_areCounted()
{
    const QString path = write(u"mixed.yaml"_s, kRoles + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    const Result r = run({u"rbac"_s, u"who-can"_s, u"get"_s, u"pods"_s, u"--policy"_s, path});
    QCOMPARE(r.err, u"k8s-flashcards rbac: read 2 roles and 0 bindings; skipped 1 object of another kind\n"_s);
    QCOMPARE(r.exitCode, 1);
}

void TestRbacCommand::malformedPolicy_exitsTwoWithItsPlace()
{
    const QString path = write(u"bad.yaml"_s, "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                                              "metadata: {name: x}\nrules:\n- verbs: get\n");
    const Result r = run({u"rbac"_s, u"can-i"_s, u"get"_s, u"pods"_s, u"--as"_s, u"jane"_s, u"--policy"_s, path});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err, path + u":5:10: error: a rule's verbs must be a list of strings\n"_s);
    const Result missing = run({u"rbac"_s, u"list"_s, u"--as"_s, u"jane"_s, u"--policy"_s, m_dir.filePath(u"no"_s)});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.startsWith(m_dir.filePath(u"no"_s) + u":1:1: error: cannot read the policy"_s),
             qPrintable(missing.err));
}

void TestRbacCommand::usageErrors_exitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString p = u"--policy=x.yaml"_s;
    QTest::newRow("no subcommand") << QStringList{u"rbac"_s} << u"expected can-i | who-can | list"_s;
    QTest::newRow("unknown subcommand") << QStringList{u"rbac"_s, u"may-i"_s, p}
                                        << u"unknown subcommand may-i (can-i, who-can or list)"_s;
    QTest::newRow("no policy") << QStringList{u"rbac"_s, u"can-i"_s, u"get"_s, u"pods"_s, u"--as"_s, u"u"_s}
                               << u"--policy FILE is needed"_s;
    QTest::newRow("no user") << QStringList{u"rbac"_s, u"can-i"_s, u"get"_s, u"pods"_s, p} << u"--as USER is needed"_s;
    QTest::newRow("-n and -A") << QStringList{u"rbac"_s, u"list"_s, u"--as"_s, u"u"_s, u"-n"_s, u"a"_s, u"-A"_s, p}
                               << u"-n and -A cannot both be given"_s;
    QTest::newRow("unknown bare resource")
        << QStringList{u"rbac"_s, u"can-i"_s, u"get"_s, u"widgets"_s, u"--as"_s, u"u"_s, p}
        << u"the resource type \"widgets\" is not a Kubernetes v1.34 resource; name any other as RESOURCE.GROUP "
           "(for example widgets.example.com)"_s;
    QTest::newRow("subresource of a URL")
        << QStringList{u"rbac"_s, u"can-i"_s, u"get"_s, u"/logs"_s, u"--subresource"_s, u"x"_s, u"--as"_s, u"u"_s, p}
        << u"--subresource cannot be used with a non-resource URL"_s;
    QTest::newRow("who-can as someone") << QStringList{u"rbac"_s, u"who-can"_s, u"get"_s, u"pods"_s,
                                                       u"--as"_s, u"u"_s,       p}
                                        << u"who-can asks about every subject: it takes no --as or --as-group"_s;
}

void TestRbacCommand::usageErrors_exitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Result r = run(args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.startsWith(u"k8s-flashcards rbac: "_s + message + u"\nusage: k8s-flashcards rbac can-i VERB"_s),
             qPrintable(r.err));
}

void TestRbacCommand::help_documentsRbac()
{
    const Result r = run({u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    for (const QString &text :
         {u"k8s-flashcards rbac can-i VERB RESOURCE[.GROUP][/NAME] [--subresource SUB] [-n NS | -A] --as USER "
          "[--as-group GROUP]... --policy FILE [--policy FILE]..."_s,
          u"k8s-flashcards rbac can-i VERB /NON/RESOURCE/PATH"_s, u"k8s-flashcards rbac who-can VERB"_s,
          u"k8s-flashcards rbac list --as USER"_s, u"system:masters"_s, u"kubeconfig"_s})
        QVERIFY2(r.out.simplified().contains(text), qPrintable(text));
    // The command's own help, also after a subcommand: its usage, what it models, every option.
    for (const QStringList &args : {QStringList{u"rbac"_s, u"--help"_s}, QStringList{u"rbac"_s, u"can-i"_s, u"-h"_s}}) {
        const Result own = run(args);
        QCOMPARE(own.exitCode, 0);
        QVERIFY(own.err.isEmpty());
        QVERIFY2(own.out.startsWith(u"usage: k8s-flashcards rbac can-i"_s), qPrintable(own.out));
        for (const QString &text : {u"system:masters"_s, u"--policy FILE"_s, u"--as-group GROUP"_s, u"kubeconfig"_s})
            QVERIFY2(own.out.simplified().contains(text), qPrintable(text));
        QVERIFY(!own.out.contains(u"optimize"_s)); // no other command's
    }
}

QTEST_GUILESS_MAIN(TestRbacCommand)
#include "tst_rbaccommand.moc"
