#include "content.h"
#include "masterymodel.h"

#include <QTest>

using namespace k8sfc;

class TestMasteryModel : public QObject
{
    Q_OBJECT
private slots:
    void updates_matchAFullRecompute();
};

void TestMasteryModel::updates_matchAFullRecompute()
{
    const ContentSet content = ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR));
    const QDateTime now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
    // Recall from stability alone, enough to tell the sums apart.
    const RecallFunction recall = [](const CardProgress &p, const QDateTime &) { return p.stability.value_or(0) / 10; };
    QHash<QString, CardProgress> progress;
    MasteryModel model;
    model.rebuild(content, progress, now, recall);
    QVERIFY(model.result().value(QStringLiteral("etcd")).isUnseen());
    // Grade a few cards one at a time, as the window does, including a card of a sub-part.
    int n = 0;
    for (const QString &component : {QStringLiteral("etcd"), QStringLiteral("admission"), QStringLiteral("kubelet")})
        for (const Card *card : content.cardsFor(component, false).mid(0, 2)) {
            CardProgress p;
            p.cardId = card->id;
            p.reps = 1;
            p.state = CardState::Review;
            p.stability = 1 + (n++ % 9);
            progress.insert(card->id, p);
            model.update(card->id, p, now, recall);
        }
    // And take one back (an undo).
    const QString undone = progress.begin().key();
    progress.remove(undone);
    model.update(undone, CardProgress{undone}, now, recall);

    MasteryModel rebuilt;
    rebuilt.rebuild(content, progress, now, recall);
    const QHash<QString, ComponentMastery> full = rebuilt.result();
    const QHash<QString, ComponentMastery> incremental = model.result();
    QCOMPARE(incremental.size(), full.size());
    for (auto it = full.cbegin(); it != full.cend(); ++it) {
        const ComponentMastery &a = it.value(), &b = incremental.value(it.key());
        QCOMPARE(b.cards, a.cards);
        QCOMPARE(b.seen, a.seen);
        QVERIFY2(std::abs(b.mastery - a.mastery) < 1e-9, qPrintable(it.key()));
    }
    QVERIFY(!incremental.value(QStringLiteral("kube-apiserver")).isUnseen()); // admission rolls up to its parent
}

QTEST_GUILESS_MAIN(TestMasteryModel)
#include "tst_masterymodel.moc"
