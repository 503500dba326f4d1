// The bundled decks, registry and diagrams, checked as a whole.
#include "content.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace k8sfc;

class TestContentIntegrity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyFile_loadsWithoutErrors();
    void thereAreEnoughCards();
    void gapDecks_coverTheIssueTopics();
    void walkthroughs_allLoadAgainstTheirDiagrams();
    void everyCard_belongsToADrawnComponent();
    void everyDrawnComponent_hasAtLeastThreeCards();
    void clusterDiagram_hasTheArrowsOfTheBrief();
    void eksDiagram_drawsTheNodeJoin();
    void sources_areOfficialDocumentation();
    void fronts_neverPointAtNotesTheLearnerNeverSaw();
    void notesErrors_areNotRepeated_data();
    void notesErrors_areNotRepeated();

private:
    ContentSet m_content;
    const Diagram *m_cluster = nullptr;
};

void TestContentIntegrity::initTestCase()
{
    m_content = ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR));
    for (const Diagram &d : m_content.diagrams())
        if (d.id == QLatin1String("cluster"))
            m_cluster = &d;
    QVERIFY(m_cluster);
}

void TestContentIntegrity::everyFile_loadsWithoutErrors()
{
    QStringList problems;
    for (const Diagnostic &d : m_content.diagnostics())
        problems.append(d.toString());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(m_content.decks().size() >= 10);
}

void TestContentIntegrity::walkthroughs_allLoadAgainstTheirDiagrams()
{
    // The loader rejects a walkthrough with an id its diagram does not draw, so all of them loading
    // is the check; the ids are named to make a failure readable.
    QStringList ids;
    for (const Walkthrough &w : m_content.walkthroughs()) {
        ids.append(w.id);
        QVERIFY(m_content.diagram(w.diagramId));
        QVERIFY(w.steps.size() >= 5);
    }
    ids.sort();
    QCOMPARE(ids, (QStringList{QStringLiteral("eks-node-join"), QStringLiteral("kubectl-apply"),
                               QStringLiteral("kubectl-exec"), QStringLiteral("node-failure"),
                               QStringLiteral("oidc-group-rolebinding"), QStringLiteral("pod-token-api-call")}));
}

void TestContentIntegrity::thereAreEnoughCards()
{
    QVERIFY2(m_content.cardCount() >= 120, qPrintable(QString::number(m_content.cardCount())));
}

void TestContentIntegrity::gapDecks_coverTheIssueTopics()
{
    // Issue 13's gap topics each have a deck; together they hold at least 60 cards, and the
    // escalation paths are tagged rbac-risk for the RBAC lab's risk list.
    const QStringList gapDecks{QStringLiteral("audit-logging"),      QStringLiteral("authn-config"),
                               QStringLiteral("eks-access-entries"), QStringLiteral("eks-pod-identity"),
                               QStringLiteral("kubelet-api"),        QStringLiteral("rbac-escalation"),
                               QStringLiteral("sa-token-lifecycle"), QStringLiteral("validating-admission-policy")};
    qsizetype cards = 0;
    qsizetype risky = 0;
    QStringList found;
    for (const Deck &deck : m_content.decks()) {
        if (!gapDecks.contains(deck.id))
            continue;
        found.append(deck.id);
        cards += deck.cards.size();
        for (const Card &card : deck.cards)
            if (card.tags.contains(QLatin1String("rbac-risk")))
                ++risky;
    }
    found.sort();
    QCOMPARE(found, gapDecks);
    QVERIFY2(cards >= 60, qPrintable(QString::number(cards)));
    QVERIFY2(risky >= 10, qPrintable(QString::number(risky)));
}

void TestContentIntegrity::everyCard_belongsToADrawnComponent()
{
    QSet<QString> drawn;
    for (const Diagram &d : m_content.diagrams())
        for (const QString &id : d.componentIds())
            drawn.insert(id);
    for (const Deck &deck : m_content.decks())
        for (const Card &card : deck.cards) {
            const bool reachable = std::any_of(card.components.begin(), card.components.end(),
                                               [&](const QString &c) { return drawn.contains(c); });
            QVERIFY2(reachable, qPrintable(card.id));
        }
}

void TestContentIntegrity::everyDrawnComponent_hasAtLeastThreeCards()
{
    QVERIFY(m_content.diagrams().size() >= 4); // cluster, RBAC, request path, EKS authentication
    for (const Diagram &diagram : m_content.diagrams())
        for (const QString &id : diagram.componentIds()) {
            const qsizetype n = m_content.cardsFor(id, false).size();
            QVERIFY2(n >= 3, qPrintable(QStringLiteral("%1 (%2) has %3 cards").arg(id, diagram.id).arg(n)));
        }
}

void TestContentIntegrity::clusterDiagram_hasTheArrowsOfTheBrief()
{
    // content-brief section 3: hub and spoke, plus the node-local chain, DNS and the cloud API.
    const QStringList expected{
        QStringLiteral("arrow.kubectl--kube-apiserver"),
        QStringLiteral("arrow.kube-apiserver--etcd"),
        QStringLiteral("arrow.kube-scheduler--kube-apiserver"),
        QStringLiteral("arrow.kube-controller-manager--kube-apiserver"),
        QStringLiteral("arrow.cloud-controller-manager--kube-apiserver"),
        QStringLiteral("arrow.cloud-controller-manager--cloud-provider-api"),
        QStringLiteral("arrow.coredns--kube-apiserver"),
        QStringLiteral("arrow.kube-apiserver--admission-webhook"),
        QStringLiteral("arrow.pod.node-a--kube-apiserver"),
    };
    for (const QString &id : expected)
        QVERIFY2(m_cluster->hasElement(id), qPrintable(id));
    for (const QString &node : {QStringLiteral("node-a"), QStringLiteral("node-b")}) {
        for (const QString &id :
             {QStringLiteral("arrow.kubelet.%1--kube-apiserver"), QStringLiteral("arrow.kube-proxy.%1--kube-apiserver"),
              QStringLiteral("arrow.kubelet.%1--container-runtime.%1"),
              QStringLiteral("arrow.container-runtime.%1--cni-plugin.%1"), QStringLiteral("arrow.pod.%1--coredns"),
              QStringLiteral("arrow.kube-apiserver--kubelet.%1")})
            QVERIFY2(m_cluster->hasElement(id.arg(node)), qPrintable(id.arg(node)));
    }
    // Only kube-apiserver talks to etcd.
    for (const DiagramElement &e : m_cluster->elements)
        if (e.parsed.kind == ElementId::Kind::Arrow && (e.parsed.to.component == QLatin1String("etcd")))
            QCOMPARE(e.parsed.from.component, QStringLiteral("kube-apiserver"));
}

void TestContentIntegrity::eksDiagram_drawsTheNodeJoin()
{
    // content-brief 1.11: the node's IAM identity, the authenticator webhook, the two mappings,
    // and the authorizers and admission plugin that limit a kubelet.
    const Diagram *eks = m_content.diagram(QStringLiteral("eks-auth"));
    QVERIFY(eks);
    for (const QString &id : {QStringLiteral("arrow.kubelet--kube-apiserver"),
                              QStringLiteral("arrow.kube-apiserver--aws-iam-authenticator"),
                              QStringLiteral("arrow.aws-iam-authenticator--aws-iam"),
                              QStringLiteral("arrow.aws-iam-authenticator--access-entry"),
                              QStringLiteral("arrow.aws-iam-authenticator--aws-auth-configmap"),
                              QStringLiteral("node-authorizer"), QStringLiteral("rbac-authorizer"),
                              QStringLiteral("node-restriction"), QStringLiteral("user"), QStringLiteral("user-group")})
        QVERIFY2(eks->hasElement(id), qPrintable(id));
    // Every arrow says what flows over it.
    for (const DiagramElement &e : eks->elements)
        if (e.parsed.kind == ElementId::Kind::Arrow)
            QVERIFY2(eks->hasElement(QStringLiteral("label.") + e.id), qPrintable(e.id));
}

void TestContentIntegrity::sources_areOfficialDocumentation()
{
    static const QRegularExpression allowed(
        QStringLiteral("^https://(kubernetes\\.io/docs/|kubernetes\\.io/blog/|www\\.cni\\.dev/docs/"
                       "|docs\\.aws\\.amazon\\.com/eks/|etcd\\.io/docs/|github\\.com/kubernetes)"));
    for (const Deck &deck : m_content.decks())
        for (const Card &card : deck.cards)
            QVERIFY2(allowed.match(card.source).hasMatch(), qPrintable(card.id + u' ' + card.source));
}

void TestContentIntegrity::fronts_neverPointAtNotesTheLearnerNeverSaw()
{
    // A misconception card asks the claim itself ("A common claim is...", "True or false: ..."):
    // the learner never saw the notes it came from.
    static const QRegularExpression notes(QStringLiteral("^[\"'\\s]*the notes\\b"),
                                          QRegularExpression::CaseInsensitiveOption);
    for (const Deck &deck : m_content.decks())
        for (const Card &card : deck.cards) {
            QVERIFY2(!notes.match(card.front).hasMatch(), qPrintable(card.id));
            QVERIFY2(!notes.match(card.back).hasMatch(), qPrintable(card.id));
        }
}

void TestContentIntegrity::notesErrors_areNotRepeated_data()
{
    // Phrases from the original notes that content-brief section 1 corrects.
    QTest::addColumn<QString>("pattern");
    QTest::newRow("token path") << QStringLiteral("/var/run/secrets/k8s\\.io");
    QTest::newRow("signed by the cluster CA") << QStringLiteral("signed by the Kubernetes Certificate Authority");
    QTest::newRow("unbind to edit a role") << QStringLiteral("remove the Binding, change the role");
    QTest::newRow("rkt as a runtime") << QStringLiteral("docker, containerd, rkt");
    QTest::newRow("etcd never deletes") << QStringLiteral("(?<!not )(?<!never )[Aa]lways insert, never delete");
    QTest::newRow("kubelet receives from master")
        << QStringLiteral("(?<!not )receives pod definitions from (the )?master");
}

void TestContentIntegrity::notesErrors_areNotRepeated()
{
    QFETCH(QString, pattern);
    const QRegularExpression re(pattern);
    QVERIFY(re.isValid());
    for (const Deck &deck : m_content.decks())
        for (const Card &card : deck.cards) {
            const QString text = card.front + u'\n' + card.back;
            const auto match = re.match(text);
            // A card may quote the error to correct it, but then it says so.
            const bool corrected = text.contains(QStringLiteral("not"), Qt::CaseInsensitive) ||
                                   text.contains(QStringLiteral("wrong"), Qt::CaseInsensitive) ||
                                   text.contains(QStringLiteral("myth"), Qt::CaseInsensitive);
            QVERIFY2(!match.hasMatch() || corrected, qPrintable(card.id));
        }
}

QTEST_GUILESS_MAIN(TestContentIntegrity)
#include "tst_contentintegrity.moc"
