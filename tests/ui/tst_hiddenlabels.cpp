// Hidden labels in the main window, driven like a learner: click a numbered cover, name it in the
// dialog, and read the verdict off the cover itself and the score off the status bar.
#include "componentitem.h"
#include "content.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "labelcoveritem.h"
#include "mainwindow.h"
#include "windowfixture.h"
#include "masterystore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontMetricsF>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestHiddenLabels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void copiesShareANumber_andIconsAreCovered();
    void naming_startsEmpty_showsVerdictOnCover_andScore();

private:
    LabelCoverItem *coverOf(const QString &ref) const;
    QInputDialog *clickCover(LabelCoverItem *cover);
    void answer(QInputDialog *dialog, const QString &text);
    QColor shownColour(LabelCoverItem *cover) const;

    ContentSnapshot m_content;
    QTemporaryDir *m_dir = nullptr;
    MasteryStore *m_store = nullptr;
    MainWindow *m_window = nullptr;
};

void TestHiddenLabels::initTestCase()
{
    m_content = test::bundledContent();
    QVERIFY(!m_content->diagrams().isEmpty());
}

void TestHiddenLabels::init()
{
    QVERIFY(test::openWindow(m_content, m_dir, m_store, m_window));
    m_window->setLabelsHidden(true);
    QVERIFY(m_window->diagramScene()->itemForRef(QStringLiteral("etcd")));
}

void TestHiddenLabels::cleanup()
{
    test::closeWindow(m_dir, m_store, m_window);
}

LabelCoverItem *TestHiddenLabels::coverOf(const QString &ref) const
{
    for (LabelCoverItem *cover : m_window->diagramScene()->labelCovers())
        if (cover->component()->ref().toString() == ref)
            return cover;
    return nullptr;
}

QInputDialog *TestHiddenLabels::clickCover(LabelCoverItem *cover)
{
    DiagramView *view = m_window->diagramView();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(cover->boundingRect().center()));
    // An answered dialog closes and is deleted later: the open one is the visible one.
    for (auto *dialog : m_window->findChildren<QInputDialog *>(QStringLiteral("labelQuizDialog")))
        if (dialog->isVisible())
            return dialog;
    return nullptr;
}

void TestHiddenLabels::answer(QInputDialog *dialog, const QString &text)
{
    auto *combo = dialog->findChild<QComboBox *>();
    QVERIFY(combo && combo->isEditable());
    QTest::keyClicks(combo->lineEdit(), text);
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

// The colour on screen just inside the cover's left edge, clear of its text.
QColor TestHiddenLabels::shownColour(LabelCoverItem *cover) const
{
    DiagramView *view = m_window->diagramView();
    const QRectF r = cover->boundingRect();
    const QPoint p = view->mapFromScene(QPointF(r.left() + 10, r.top() + 10));
    return view->viewport()->grab().toImage().pixelColor(p * view->viewport()->devicePixelRatioF());
}

void TestHiddenLabels::copiesShareANumber_andIconsAreCovered()
{
    LabelCoverItem *kubeletA = coverOf(QStringLiteral("kubelet.node-a"));
    LabelCoverItem *kubeletB = coverOf(QStringLiteral("kubelet.node-b"));
    QVERIFY(kubeletA && kubeletB && kubeletA != kubeletB);
    QCOMPARE(kubeletA->number(), kubeletB->number());
    QVERIFY(coverOf(QStringLiteral("kube-proxy.node-a"))->number() != kubeletA->number());
    // Numbers run 1..M with no gaps, one per component.
    DiagramScene *scene = m_window->diagramScene();
    int highest = 0;
    for (LabelCoverItem *cover : scene->labelCovers())
        highest = std::max(highest, cover->number());
    QCOMPARE(highest, scene->labelsToName());
    QVERIFY(scene->labelsToName() < scene->labelCovers().size());
    // etcd's cylinder (x 1220..1250, y 381..419 in the SVG) is under the cover with its name.
    LabelCoverItem *etcd = coverOf(QStringLiteral("etcd"));
    QVERIFY(etcd->boundingRect().contains(QRectF(1220, 381, 30, 38)));
    // A parent covers only its name: its parts stay clickable.
    LabelCoverItem *apiserver = coverOf(QStringLiteral("kube-apiserver"));
    QVERIFY(!apiserver->boundingRect().intersects(coverOf(QStringLiteral("admission"))->boundingRect()));
}

void TestHiddenLabels::naming_startsEmpty_showsVerdictOnCover_andScore()
{
    DiagramScene *scene = m_window->diagramScene();
    const QString total = QString::number(scene->labelsToName());
    LabelCoverItem *etcd = coverOf(QStringLiteral("etcd"));
    const QColor hidden = shownColour(etcd);
    QInputDialog *dialog = clickCover(etcd);
    QVERIFY(dialog);
    QVERIFY(dialog->textValue().isEmpty());
    QVERIFY(dialog->findChild<QComboBox *>()->currentText().isEmpty());
    answer(dialog, QStringLiteral("etcd"));
    QCOMPARE(etcd->state(), LabelCoverItem::State::Right);
    QVERIFY(etcd->isVisible());
    QVERIFY(etcd->verdictText().contains(QStringLiteral("etcd")));
    const QColor right = shownColour(etcd);
    QVERIFY2(right.green() > right.red() + 20 && right != hidden, qPrintable(right.name()));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("1 of %1 named").arg(total)));

    // Wrong on one kubelet: both copies turn red and say what was said and what it is.
    LabelCoverItem *kubeletA = coverOf(QStringLiteral("kubelet.node-a"));
    LabelCoverItem *kubeletB = coverOf(QStringLiteral("kubelet.node-b"));
    dialog = clickCover(kubeletA);
    QVERIFY(dialog);
    QVERIFY(dialog->textValue().isEmpty());
    QVERIFY(etcd->isRevealed()); // the next action ends the previous verdict
    answer(dialog, QStringLiteral("kube-proxy"));
    for (LabelCoverItem *cover : {kubeletA, kubeletB}) {
        QCOMPARE(cover->state(), LabelCoverItem::State::Wrong);
        QCOMPARE(cover->verdictText(), QStringLiteral("✗ You said kube-proxy — it is kubelet"));
        const QColor wrong = shownColour(cover);
        QVERIFY2(wrong.red() > wrong.green() + 20, qPrintable(wrong.name()));
        // The verdict reads at 12 device pixels or more: a small cover grows to hold it.
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setBold(true);
        font.setPixelSize(LabelCoverItem::kVerdictPixels);
        const qreal said = QFontMetricsF(font).horizontalAdvance(QStringLiteral("✗ You said kube-proxy"));
        QVERIFY2(cover->boundingRect().width() > said, qPrintable(QString::number(cover->boundingRect().width())));
        const qreal scale = m_window->diagramView()->transform().m11();
        QVERIFY2(LabelCoverItem::kVerdictPixels * scale >= 12, qPrintable(QString::number(scale)));
    }
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("1 of %1 named").arg(total)));
    // The verdict stays a few seconds, then the name shows.
    QTRY_VERIFY_WITH_TIMEOUT(kubeletA->isRevealed() && kubeletB->isRevealed(), LabelCoverItem::kVerdictMs + 2000);

    // Hiding again starts a new round.
    m_window->setLabelsHidden(false);
    m_window->setLabelsHidden(true);
    QVERIFY(!etcd->isRevealed());
    QCOMPARE(etcd->state(), LabelCoverItem::State::Hidden);
    QCOMPARE(scene->labelScore(), QStringLiteral("0 of %1 named").arg(total));
}

QTEST_MAIN(TestHiddenLabels)
#include "tst_hiddenlabels.moc"
