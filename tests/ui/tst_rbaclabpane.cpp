// The RBAC lab in the window: opened from the Study menu on the RBAC diagram, a question answered
// by clicking, the deciding chain lit on the scene, the answer logged as reviews in a real store.

#include "arrowitem.h"
#include "componentstudy.h"
#include "diagramscene.h"
#include "problemsbanner.h"
#include "rbaclabpane.h"
#include "rbaclabsession.h"
#include "rbacpolicypane.h"
#include "studymodes.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTextBlock>

using namespace k8sfc;

class TestRbacLab : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_content = test::bundledContent(); }
    void init()
    {
        QVERIFY(test::openWindow(m_content, m_dir, m_store, m_window));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }
    void cleanup() { test::closeWindow(m_dir, m_store, m_window); }

    void menuOpensTheLabOnTheRbacDiagram();
    void aRightAnswerLightsTheChainAndLogsGood();
    void aWrongAnswerIsLoggedAgainAndShowsTheClosestRule();
    void anExportAnswersWhoCanAndFindsRisks();
    void aMalformedExportLoadsNothing();
    void aPolicyNamedAtStartOpensInTheLab();
    void aDroppedYamlFileIsOpened();

private:
    QAction *labAction() const;
    RbacLabPane *openLab() const;
    /// Chooses the scenario titled `title` and draws until its first question has `allowed` as truth.
    const rbac::LabQuestion *askUntil(const QString &title, bool allowed) const;
    static void clickItem(QListWidget *list, int row);
    QSet<QString> litComponents() const;
    /// Writes `text` to a file of the test's data folder.
    QString writeFile(const QString &name, const QByteArray &text) const;

    ContentSnapshot m_content;
    QTemporaryDir *m_dir = nullptr;
    MasteryStore *m_store = nullptr;
    MainWindow *m_window = nullptr;
};

QAction *TestRbacLab::labAction() const
{
    for (QAction *a : m_window->menuBar()->findChildren<QAction *>())
        if (a->text() == QStringLiteral("RBAC &Lab…"))
            return a;
    return nullptr;
}

RbacLabPane *TestRbacLab::openLab() const
{
    QAction *action = labAction();
    if (!action)
        return nullptr;
    action->trigger();
    return m_window->studyModes()->rbacLabPane();
}

const rbac::LabQuestion *TestRbacLab::askUntil(const QString &title, bool allowed) const
{
    auto *session = m_window->studyModes()->backend<RbacLabSession>();
    const int index = m_window->studyModes()->rbacLabPane()->scenarioBox()->findText(title);
    for (quint32 seed = 1; index >= 0 && seed < 200; ++seed) {
        session->chooseScenario(index, seed);
        if (session->question() && session->question()->truth.allowed == allowed)
            return session->question();
    }
    return nullptr;
}

void TestRbacLab::clickItem(QListWidget *list, int row)
{
    const QRect rect = list->visualItemRect(list->item(row));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
}

QSet<QString> TestRbacLab::litComponents() const
{
    QSet<QString> lit;
    for (ComponentItem *item : m_window->diagramScene()->componentItems())
        if (item->isLit())
            lit.insert(item->componentId());
    return lit;
}

void TestRbacLab::menuOpensTheLabOnTheRbacDiagram()
{
    const QString before = m_window->diagramId();
    QVERIFY(before != QStringLiteral("rbac"));
    RbacLabPane *pane = openLab();
    QVERIFY(pane);
    QVERIFY(pane->isVisible());
    QCOMPARE(m_window->diagramId(), QStringLiteral("rbac"));
    QVERIFY(pane->scenarioBox()->count() >= 8);
    QCOMPARE(pane->scenarioBox()->accessibleName(), QStringLiteral("Scenario"));
    QCOMPARE(pane->bindingList()->accessibleName(), QStringLiteral("Deciding binding"));
    QCOMPARE(pane->yamlView()->accessibleName(), QStringLiteral("Rule YAML"));
    QCOMPARE(pane->nextButton()->accessibleName(), QStringLiteral("Next question"));
    QVERIFY(pane->yesButton()->isEnabled());
    QVERIFY(!pane->bindingList()->isEnabled()); // Yes or No first

    // Escape leaves the lab and brings the diagram shown before back.
    QTest::keyClick(m_window, Qt::Key_Escape);
    QVERIFY(!pane->isVisible());
    QCOMPARE(m_window->diagramId(), before);
}

void TestRbacLab::aRightAnswerLightsTheChainAndLogsGood()
{
    RbacLabPane *pane = openLab();
    QVERIFY(pane);
    // The intern's ClusterRole, bound by a RoleBinding in sandbox.
    const rbac::LabQuestion *q = askUntil(QStringLiteral("Trap: a ClusterRole bound by a RoleBinding"), true);
    QVERIFY(q);
    QVERIFY(litComponents().isEmpty());

    QTest::mouseClick(pane->yesButton(), Qt::LeftButton);
    QVERIFY(pane->bindingList()->isEnabled());
    const int row = [&] {
        for (int i = 0; i < pane->bindingList()->count(); ++i)
            if (pane->bindingList()->item(i)->text() ==
                QStringLiteral("RoleBinding \"intern-secrets/sandbox\" of ClusterRole \"secret-reader\""))
                return i;
        return -1;
    }();
    QVERIFY(row >= 0);
    clickItem(pane->bindingList(), row);

    QVERIFY(pane->verdictLabel()->text().startsWith(QStringLiteral("Right")));
    QCOMPARE(litComponents(), (QSet<QString>{QStringLiteral("user"), QStringLiteral("role-binding"),
                                             QStringLiteral("cluster-role"), QStringLiteral("rbac-rule")}));
    QSet<QString> flowing;
    for (ArrowItem *arrow : m_window->diagramScene()->arrowItems())
        if (arrow->flow() != ArrowItem::Flow::None)
            flowing.insert(arrow->id());
    QCOMPARE(flowing, (QSet<QString>{QStringLiteral("arrow.role-binding--cluster-role"),
                                     QStringLiteral("arrow.cluster-role--rbac-rule")}));
    // A content reload draws the diagram anew; the chain stays lit.
    m_window->setContent(m_content);
    QCOMPARE(litComponents().size(), 4);
    QVERIFY(pane->yamlView()->isVisible());
    QVERIFY(pane->yamlView()->toPlainText().contains(QStringLiteral("▶   resources: [secrets]")));
    // Lines wrap instead of scrolling sideways, and each marked line is marked to its end.
    QCOMPARE(pane->yamlView()->horizontalScrollBar()->maximum(), 0);
    const auto marks = pane->yamlView()->extraSelections();
    QVERIFY(!marks.isEmpty());
    for (const QTextEdit::ExtraSelection &mark : marks) {
        QVERIFY(mark.cursor.selectedText().contains(u'▶'));
        QCOMPARE(mark.cursor.selectionEnd(), mark.cursor.block().position() + mark.cursor.block().length() - 1);
    }
    QVERIFY(pane->nextButton()->isEnabled());

    for (const QString &card :
         {QStringLiteral("rbac-rolebinding-references-clusterrole"), QStringLiteral("rbac-role-vs-clusterrole")}) {
        const auto reviews = m_store->reviews(card);
        QVERIFY(reviews);
        QCOMPARE(reviews->size(), 1);
        QCOMPARE(reviews->first().rating, Rating::Good);
        QCOMPARE(reviews->first().kind, ReviewKind::Quiz);
    }

    // Leaving puts the spotlight out.
    QTest::keyClick(m_window, Qt::Key_Escape);
    QVERIFY(litComponents().isEmpty());
}

void TestRbacLab::aWrongAnswerIsLoggedAgainAndShowsTheClosestRule()
{
    RbacLabPane *pane = openLab();
    QVERIFY(pane);
    const rbac::LabQuestion *q = askUntil(QStringLiteral("Trap: a ClusterRole bound by a RoleBinding"), false);
    QVERIFY(q);
    // "Yes" from the keyboard, then a binding though none allows it: both parts wrong.
    QTest::keyClick(m_window, Qt::Key_Y);
    QVERIFY(pane->bindingList()->isEnabled());
    clickItem(pane->bindingList(), 0);
    QVERIFY(pane->verdictLabel()->text().startsWith(QStringLiteral("Wrong")));
    const auto reviews = m_store->reviews(QStringLiteral("rbac-role-vs-clusterrole"));
    QVERIFY(reviews);
    QCOMPARE(reviews->size(), 1);
    QCOMPARE(reviews->first().rating, Rating::Again);

    QTest::mouseClick(pane->nextButton(), Qt::LeftButton);
    QVERIFY(!pane->bindingList()->isEnabled());
    QVERIFY(pane->verdictLabel()->text().isEmpty());
}

namespace {

// An export as kubectl writes one: a List, with an object of another kind among them.
const QByteArray kExport = R"(apiVersion: v1
kind: List
items:
- apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata: {name: secret-reader}
  rules:
  - {apiGroups: [""], resources: [secrets], verbs: [get, list]}
- apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata: {name: deployer, namespace: dev}
  rules:
  - {apiGroups: [""], resources: [pods], verbs: [create, delete]}
- apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata: {name: auditors}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
  subjects: [{kind: Group, name: auditors, apiGroup: rbac.authorization.k8s.io}]
- apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata: {name: ci, namespace: dev}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
  subjects: [{kind: ServiceAccount, name: ci}]
- apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata: {name: deployer, namespace: dev}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}
  subjects: [{kind: ServiceAccount, name: deployer, namespace: dev}]
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: unrelated, namespace: dev}
)";

/// Opens `path` in the policy page and waits for it to be read: whether it gave a policy.
bool open(RbacPolicyPane *policy, const QString &path)
{
    QSignalSpy read(policy, &RbacPolicyPane::loaded);
    policy->openFile(path);
    return read.wait(10'000) && read.first().first().toBool();
}

} // namespace

QString TestRbacLab::writeFile(const QString &name, const QByteArray &text) const
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

// `k8s-flashcards --rbac-lab FILE`: main() calls StudyModes::openRbacPolicyFile.
void TestRbacLab::aPolicyNamedAtStartOpensInTheLab()
{
    const QString path = writeFile(QStringLiteral("start.yaml"), kExport);
    QVERIFY(!path.isEmpty());
    RbacPolicyPane *policy = m_window->studyModes()->rbacLabPane()->policyPane();
    QVERIFY(!policy->isVisible());
    QSignalSpy read(policy, &RbacPolicyPane::loaded);
    m_window->studyModes()->openRbacPolicyFile(path);
    QVERIFY(read.wait(10'000));
    QVERIFY(read.first().first().toBool());
    QCOMPARE(m_window->diagramId(), QStringLiteral("rbac"));
    QVERIFY(m_window->studyModes()->rbacLabPane()->isVisible());
    QVERIFY(policy->isVisible()); // its page is the one shown, no file dialog in between
    QStringList said;
    for (const QLabel *label : policy->findChildren<QLabel *>())
        if (label->text().startsWith(QStringLiteral("start.yaml: ")))
            said.append(label->text());
    QCOMPARE(said,
             QStringList{QStringLiteral("start.yaml: 2 roles and 3 bindings, 1 object of another kind skipped.")});
    QCOMPARE(QApplication::activeModalWidget(), nullptr);
}

void TestRbacLab::anExportAnswersWhoCanAndFindsRisks()
{
    RbacLabPane *pane = openLab();
    QVERIFY(pane);
    pane->showPolicy();
    RbacPolicyPane *policy = pane->policyPane();
    QVERIFY(policy->isVisible());
    QVERIFY(open(policy, writeFile(QStringLiteral("export.yaml"), kExport)));
    QVERIFY(!policy->problemsBanner()->isVisible());

    // Who can get secrets in dev: the group cluster-wide and the CI account by its RoleBinding.
    QTest::keyClicks(policy->verbField(), QStringLiteral("get"));
    QTest::keyClicks(policy->resourceField(), QStringLiteral("secrets"));
    QTest::keyClicks(policy->namespaceField(), QStringLiteral("dev"));
    QTest::keyClick(policy->namespaceField(), Qt::Key_Return);
    QStringList who;
    for (int i = 0; i < policy->whoCanList()->count(); ++i)
        who.append(policy->whoCanList()->item(i)->text());
    QCOMPARE(
        who,
        (QStringList{
            QStringLiteral("Group \"auditors\" by ClusterRoleBinding \"auditors\" of ClusterRole \"secret-reader\""),
            QStringLiteral("ServiceAccount \"ci/dev\" by RoleBinding \"ci/dev\" of ClusterRole \"secret-reader\""),
        }));
    // In prod only the cluster-wide binding counts.
    policy->namespaceField()->setText(QStringLiteral("prod"));
    QTest::keyClick(policy->namespaceField(), Qt::Key_Return);
    QCOMPARE(policy->whoCanList()->count(), 1);

    // The deployer may create pods in dev: a risk, linked to the card that explains it.
    QListWidget *risks = policy->riskList();
    int createPods = -1;
    for (int i = 0; i < risks->count(); ++i)
        if (risks->item(i)->text().startsWith(QStringLiteral("ServiceAccount \"deployer/dev\": create pods, in dev")))
            createPods = i;
    QVERIFY(createPods >= 0);
    QCOMPARE(risks->count(), 3); // the group's and the CI account's secrets, the deployer's pods
    risks->setCurrentRow(createPods);
    risks->setFocus();
    QTest::keyClick(risks, Qt::Key_Return);
    QCOMPARE(m_window->studyModes()->current(), m_window->componentStudy());
    QVERIFY(m_window->componentStudy()->current());
    QCOMPARE(m_window->componentStudy()->current()->id, QStringLiteral("rbac-risk-create-pods"));
}

void TestRbacLab::aMalformedExportLoadsNothing()
{
    RbacLabPane *pane = openLab();
    QVERIFY(pane);
    pane->showPolicy();
    RbacPolicyPane *policy = pane->policyPane();
    QVERIFY(open(policy, writeFile(QStringLiteral("export.yaml"), kExport)));
    // `verbs` must be a list: the loader says where, and the lab keeps nothing of the file.
    QByteArray bad = kExport;
    bad.replace("verbs: [create, delete]", "verbs: create");
    QVERIFY(!open(policy, writeFile(QStringLiteral("bad.yaml"), bad)));
    QVERIFY(!policy->hasPolicy());
    QVERIFY(policy->problemsBanner()->isVisible());
    QVERIFY2(policy->problemsBanner()->detailsText().contains(QStringLiteral("bad.yaml:13:")),
             qPrintable(policy->problemsBanner()->detailsText()));
    QVERIFY(!policy->views()->isEnabled());
    QCOMPARE(policy->riskList()->count(), 0);
}

void TestRbacLab::aDroppedYamlFileIsOpened()
{
    RbacLabPane *pane = openLab();
    QVERIFY(pane);
    QMimeData text;
    text.setUrls({QUrl::fromLocalFile(writeFile(QStringLiteral("notes.txt"), "hello"))});
    QDragEnterEvent refused(QPoint(5, 5), Qt::CopyAction, &text, Qt::LeftButton, {});
    QApplication::sendEvent(pane, &refused);
    QVERIFY(!refused.isAccepted());

    QMimeData yaml;
    yaml.setUrls({QUrl::fromLocalFile(writeFile(QStringLiteral("export.yml"), kExport))});
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &yaml, Qt::LeftButton, {});
    QApplication::sendEvent(pane, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &yaml, Qt::LeftButton, {});
    QSignalSpy read(pane->policyPane(), &RbacPolicyPane::loaded);
    QApplication::sendEvent(pane, &drop);
    QVERIFY(read.wait(10'000));
    QVERIFY(pane->policyPane()->hasPolicy());
    QVERIFY(pane->policyPane()->isVisible());
}

QTEST_MAIN(TestRbacLab)
#include "tst_rbaclabpane.moc"
