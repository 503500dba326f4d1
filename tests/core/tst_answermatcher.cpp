#include "answermatcher.h"

#include <QTest>

using namespace k8sfc;
using Result = AnswerMatcher::Result;

class TestAnswerMatcher : public QObject
{
    Q_OBJECT
private slots:
    void match_data();
    void match();
    void normalise_data();
    void normalise();
    void distance_countsATranspositionAsOneEdit();
    void allowedTypos_dependOnLengthAndLetters();
};

void TestAnswerMatcher::match_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QStringList>("aliases");
    QTest::addColumn<Result>("result");
    const QStringList none;

    QTest::newRow("same text") << u"etcd"_qs << u"etcd"_qs << none << Result::Exact;
    QTest::newRow("case") << u"KUBE-APISERVER"_qs << u"kube-apiserver"_qs << none << Result::Exact;
    QTest::newRow("spaces around and inside")
        << u"  Control    plane "_qs << u"Control plane"_qs << none << Result::Exact;
    QTest::newRow("hyphen as space") << u"kube apiserver"_qs << u"kube-apiserver"_qs << none << Result::Exact;
    QTest::newRow("underscore as hyphen")
        << u"kube_controller_manager"_qs << u"kube-controller-manager"_qs << none << Result::Exact;
    QTest::newRow("trailing full stop") << u"The kubelet."_qs << u"The kubelet"_qs << none << Result::Exact;
    QTest::newRow("backticks") << u"`kubectl auth can-i`"_qs << u"kubectl auth can-i"_qs << none << Result::Exact;
    QTest::newRow("quotes") << u"\"iptables\""_qs << u"iptables"_qs << none << Result::Exact;
    QTest::newRow("typographic quotes") << u"\u201Cimpersonate\u201D"_qs << u"impersonate"_qs << none << Result::Exact;
    QTest::newRow("leading article") << u"kubelet"_qs << u"The kubelet"_qs << none << Result::Exact;
    QTest::newRow("commas") << u"Filter score bind"_qs << u"Filter, score, bind"_qs << none << Result::Exact;
    QTest::newRow("en dash") << u"hub\u2013and\u2013spoke"_qs << u"Hub-and-spoke"_qs << none << Result::Exact;
    QTest::newRow("full-width letters (NFKC)") << u"\uFF45\uFF54\uFF43\uFF44"_qs << u"etcd"_qs << none << Result::Exact;
    QTest::newRow("alias") << u"ccm"_qs << u"cloud-controller-manager"_qs << QStringList{u"ccm"_qs} << Result::Exact;
    QTest::newRow("alias, other case") << u"Container Runtime Interface"_qs << u"CRI"_qs
                                       << QStringList{u"container runtime interface"_qs} << Result::Exact;
    QTest::newRow("colon inside kept") << u"system:anonymous"_qs << u"system:anonymous"_qs << none << Result::Exact;
    QTest::newRow("one typo, 5 letters") << u"ectd2"_qs << u"etcd2"_qs << none << Result::Forgiven;
    QTest::newRow("one typo, 8 letters") << u"iptablse"_qs << u"iptables"_qs << none << Result::Forgiven;
    QTest::newRow("one missing letter") << u"kubelt"_qs << u"kubelet"_qs << none << Result::Forgiven;
    QTest::newRow("transposition, 4 letters") << u"etdc"_qs << u"etcd"_qs << none << Result::Forgiven;
    QTest::newRow("transposition, long") << u"kube-sheduelr"_qs << u"kube-scheduler"_qs << none << Result::Forgiven;
    QTest::newRow("two typos, long") << u"kube-apisrevr"_qs << u"kube-apiserver"_qs << none << Result::Forgiven;
    QTest::newRow("typo in an alias") << u"leader electoin"_qs << u"Lease-based leader election"_qs
                                      << QStringList{u"leader election"_qs} << Result::Forgiven;
    QTest::newRow("typo, numbers unchanged")
        << u"kube-node-lease, evry 10 s"_qs << u"kube-node-lease, every 10 s"_qs << none << Result::Forgiven;

    QTest::newRow("empty") << QString() << u"etcd"_qs << none << Result::Wrong;
    QTest::newRow("only punctuation") << u" . "_qs << u"etcd"_qs << none << Result::Wrong;
    QTest::newRow("two typos, 8 letters") << u"nftables"_qs << u"iptables"_qs << none << Result::Wrong;
    QTest::newRow("three typos, long") << u"kube-apsrvr"_qs << u"kube-apiserver"_qs << none << Result::Wrong;
    QTest::newRow("different component") << u"kubectl"_qs << u"kubelet"_qs << none << Result::Wrong;
    QTest::newRow("number, one digit off") << u"11"_qs << u"10"_qs << none << Result::Wrong;
    QTest::newRow("long number, swapped digits") << u"10205"_qs << u"10250"_qs << none << Result::Wrong;
    QTest::newRow("version, one digit off") << u"v1.25"_qs << u"v1.24"_qs << none << Result::Wrong;
    QTest::newRow("number inside text changed")
        << u"kube-node-lease, every 11 s"_qs << u"kube-node-lease, every 10 s"_qs << none << Result::Wrong;
    QTest::newRow("short answer, one typo") << u"CRO"_qs << u"CRI"_qs << none << Result::Wrong;
    QTest::newRow("short alias, one typo")
        << u"on"_qs << u"No, the kernel forwards it"_qs << QStringList{u"no"_qs} << Result::Wrong;
    QTest::newRow("range is not two numbers") << u"10 20"_qs << u"10-20"_qs << none << Result::Wrong;
    QTest::newRow("only the article") << u"the"_qs << u"The kubelet"_qs << none << Result::Wrong;
}

void TestAnswerMatcher::match()
{
    QFETCH(QString, typed);
    QFETCH(QString, answer);
    QFETCH(QStringList, aliases);
    QFETCH(Result, result);
    QCOMPARE(AnswerMatcher::match(typed, answer, aliases), result);
}

void TestAnswerMatcher::normalise_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("plain") << u"etcd"_qs << u"etcd"_qs;
    QTest::newRow("separators") << u"Kube_API--server"_qs << u"kube api server"_qs;
    QTest::newRow("path keeps its dots") << u"~/.kube/config"_qs << u"~/.kube/config"_qs;
    QTest::newRow("sentence") << u"No, it validates the id_token locally."_qs
                              << u"no it validates the id token locally"_qs;
    QTest::newRow("surrounding brackets") << u"(Pending)"_qs << u"pending"_qs;
    QTest::newRow("apostrophe") << u"cloud-controller-manager\u2019s"_qs << u"cloud controller manager's"_qs;
    QTest::newRow("article once") << u"The the"_qs << u"the"_qs;
    QTest::newRow("numbers") << u"0.1/s"_qs << u"0.1/s"_qs;
}

void TestAnswerMatcher::normalise()
{
    QFETCH(QString, text);
    QFETCH(QString, normalised);
    QCOMPARE(AnswerMatcher::normalise(text), normalised);
}

void TestAnswerMatcher::distance_countsATranspositionAsOneEdit()
{
    QCOMPARE(AnswerMatcher::distance(u"etcd"_qs, u"etcd"_qs), 0);
    QCOMPARE(AnswerMatcher::distance(u"etcd"_qs, u"etdc"_qs), 1);
    QCOMPARE(AnswerMatcher::distance(u"kitten"_qs, u"sitting"_qs), 3);
    QCOMPARE(AnswerMatcher::distance(QString(), u"abc"_qs), 3);
}

void TestAnswerMatcher::allowedTypos_dependOnLengthAndLetters()
{
    QCOMPARE(AnswerMatcher::allowedTypos(u"cri"_qs), 0);
    QCOMPARE(AnswerMatcher::allowedTypos(u"etcd"_qs), 1);
    QCOMPARE(AnswerMatcher::allowedTypos(u"iptables"_qs), 1);
    QCOMPARE(AnswerMatcher::allowedTypos(u"kube-proxy"_qs), 2);
    QCOMPARE(AnswerMatcher::allowedTypos(u"10250"_qs), 0);
    QCOMPARE(AnswerMatcher::allowedTypos(u"600 300"_qs), 0);
}

QTEST_GUILESS_MAIN(TestAnswerMatcher)
#include "tst_answermatcher.moc"
