// Presentation mode driven with a presenter remote's keys, and hidden labels, on the bundled content.
#include "arrowitem.h"
#include "componentitem.h"
#include "content.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "exporter.h"
#include "handoutcards.h"
#include "labelcoveritem.h"
#include "presentationwindow.h"
#include "walkthroughplayer.h"

#include <QApplication>
#include <QFile>
#include <QPageLayout>
#include <QTextLayout>
#include <QToolTip>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestPresentation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void remoteKeys_stepForwardAndBack_andTheSceneFollows();
    void numberAndEnter_jumps_andAnswerShowsOnA();
    void blankAndEscape();
    void hiddenLabels_hideRevealOneRevealAll();
    void export_pngSvgAndHandout();
    void everyStep_keepsEveryLitItemOnScreen_data();
    void everyStep_keepsEveryLitItemOnScreen();
    void caption_fixedHeight_diagramStill_fillsTheScreen();
    void question_hidesNarrationAndAnswerUntilA();
    void noHoverEffects();
    void pngExport_centredWithEvenMargins();
    void handoutHeading_wrapsWithinThePage();

private:
    QSet<QString> litComponents() const;
    QMap<QString, ArrowItem::Flow> litArrows() const;

    ContentSnapshot m_content;
    const Walkthrough *m_walkthrough = nullptr;
    QPointer<PresentationWindow> m_window;
};

void TestPresentation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_content = std::make_shared<const ContentSet>(ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR)));
    for (const Walkthrough &w : m_content->walkthroughs())
        if (w.id == QLatin1String("kubectl-apply"))
            m_walkthrough = &w;
    QVERIFY(m_walkthrough);
    QVERIFY(m_walkthrough->steps.size() >= 4);
}

void TestPresentation::init()
{
    m_window = new PresentationWindow(m_content);
    m_window->present(m_walkthrough);
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestPresentation::cleanup()
{
    delete m_window;
}

QSet<QString> TestPresentation::litComponents() const
{
    QSet<QString> lit;
    for (ComponentItem *item : m_window->diagramScene()->componentItems())
        if (item->isLit())
            lit.insert(item->ref().toString());
    return lit;
}

QMap<QString, ArrowItem::Flow> TestPresentation::litArrows() const
{
    QMap<QString, ArrowItem::Flow> lit;
    for (ArrowItem *arrow : m_window->diagramScene()->arrowItems())
        if (arrow->flow() != ArrowItem::Flow::None)
            lit.insert(arrow->id(), arrow->flow());
    return lit;
}

void TestPresentation::remoteKeys_stepForwardAndBack_andTheSceneFollows()
{
    // What each step should light, straight from the file.
    auto expected = [this](int i) {
        const WalkthroughStep &step = m_walkthrough->steps.at(i);
        QSet<QString> components;
        for (ComponentItem *item : m_window->diagramScene()->componentItems())
            if (step.components.contains(item->ref().toString()) || step.components.contains(item->componentId()))
                components.insert(item->ref().toString());
        QMap<QString, ArrowItem::Flow> arrows;
        for (const QString &a : step.arrows)
            arrows.insert(a, ArrowItem::Flow::Forward);
        for (const QString &a : step.reverseArrows)
            arrows.insert(a, ArrowItem::Flow::Reverse);
        return std::pair{components, arrows};
    };
    QVERIFY(m_window->diagramScene()->hasSpotlight());
    for (int i = 0; i < m_walkthrough->steps.size(); ++i) {
        QCOMPARE(m_window->player()->position(), i);
        const auto [components, arrows] = expected(i);
        QCOMPARE(litComponents(), components);
        QCOMPARE(litArrows(), arrows);
        QVERIFY(m_window->captionText().contains(m_walkthrough->steps.at(i).title));
        QTest::keyClick(m_window, Qt::Key_PageDown); // a presenter remote's "next"
    }
    QCOMPARE(m_window->player()->position(), m_walkthrough->steps.size() - 1); // stays on the last
    // Back again, one step at a time: each step restores exactly.
    for (int i = int(m_walkthrough->steps.size()) - 1; i >= 0; --i) {
        const auto [components, arrows] = expected(i);
        QCOMPARE(litComponents(), components);
        QCOMPARE(litArrows(), arrows);
        QTest::keyClick(m_window, Qt::Key_PageUp);
    }
    QTest::keyClick(m_window, Qt::Key_Right);
    QTest::keyClick(m_window, Qt::Key_Space);
    QCOMPARE(m_window->player()->position(), 2);
    QTest::keyClick(m_window, Qt::Key_Left);
    QCOMPARE(m_window->player()->position(), 1);
    QTest::keyClick(m_window, Qt::Key_End);
    QCOMPARE(m_window->player()->position(), m_walkthrough->steps.size() - 1);
    QTest::keyClick(m_window, Qt::Key_Home);
    QCOMPARE(m_window->player()->position(), 0);
}

void TestPresentation::numberAndEnter_jumps_andAnswerShowsOnA()
{
    QTest::keyClick(m_window, Qt::Key_3);
    QTest::keyClick(m_window, Qt::Key_Return);
    QCOMPARE(m_window->player()->position(), 2);
    int withQuestion = -1;
    for (int i = 0; i < m_walkthrough->steps.size() && withQuestion < 0; ++i)
        if (!m_walkthrough->steps.at(i).question.isEmpty())
            withQuestion = i;
    QVERIFY(withQuestion >= 0);
    QVERIFY(m_window->player()->goToNumber(withQuestion + 1));
    const WalkthroughStep &step = m_walkthrough->steps.at(withQuestion);
    QVERIFY(m_window->captionText().contains(step.question));
    QVERIFY(!m_window->captionText().contains(QStringLiteral("**Answer:**")));
    QTest::keyClick(m_window, Qt::Key_A);
    QVERIFY(m_window->captionText().contains(QStringLiteral("**Answer:** ") + step.answer));
}

void TestPresentation::blankAndEscape()
{
    QSignalSpy closed(m_window.data(), &PresentationWindow::closed);
    QTest::keyClick(m_window, Qt::Key_B);
    QVERIFY(m_window->isBlanked());
    QTest::keyClick(m_window, Qt::Key_B);
    QVERIFY(!m_window->isBlanked());
    QTest::keyClick(m_window, Qt::Key_B);
    QTest::keyClick(m_window, Qt::Key_PageDown); // any key brings the picture back, and only that
    QVERIFY(!m_window->isBlanked());
    QCOMPARE(m_window->player()->position(), 0);
    // Ctrl +/- scales the caption and diagram, and the scale persists.
    const double before = m_window->scale();
    QTest::keyClick(m_window, Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(m_window->scale() > before);
    QTest::keyClick(m_window, Qt::Key_Escape);
    QCOMPARE(closed.count(), 1);
    QTRY_VERIFY(m_window.isNull()); // deleted on close
    PresentationWindow again(m_content);
    QVERIFY(again.scale() > before);
    QTest::keyClick(&again, Qt::Key_Minus, Qt::ControlModifier);
}

void TestPresentation::hiddenLabels_hideRevealOneRevealAll()
{
    DiagramScene *scene = m_window->diagramScene();
    QVERIFY(!scene->labelCovers().isEmpty());
    QVERIFY(!scene->labelsHidden());
    QTest::keyClick(m_window, Qt::Key_H);
    QVERIFY(scene->labelsHidden());
    for (LabelCoverItem *cover : scene->labelCovers())
        QVERIFY(cover->isVisible());
    // Numbers follow the reading order, and a cover sits over its component's name.
    LabelCoverItem *first = scene->labelCovers().first();
    QCOMPARE(first->number(), 1);
    QVERIFY(first->boundingRect().contains(first->component()->labelRect().center()));
    // A click reveals one.
    LabelCoverItem *fourth = scene->labelCovers().at(3);
    QTest::mouseClick(m_window->diagramView()->viewport(), Qt::LeftButton, {},
                      m_window->diagramView()->mapFromScene(fourth->boundingRect().center()));
    QVERIFY(fourth->isRevealed());
    QVERIFY(!first->isRevealed());
    // Without a walkthrough, number + Enter reveals that label.
    m_window->present(nullptr);
    QTest::keyClick(m_window, Qt::Key_1);
    QTest::keyClick(m_window, Qt::Key_Return);
    QVERIFY(first->isRevealed());
    QVERIFY(!scene->labelCovers().at(1)->isRevealed());
    QTest::keyClick(m_window, Qt::Key_H, Qt::ShiftModifier);
    for (LabelCoverItem *cover : scene->labelCovers())
        QVERIFY(cover->isRevealed());
    QTest::keyClick(m_window, Qt::Key_H);
    for (LabelCoverItem *cover : scene->labelCovers())
        QVERIFY(!cover->isRevealed());
}

void TestPresentation::export_pngSvgAndHandout()
{
    QTemporaryDir dir;
    QTest::keyClick(m_window, Qt::Key_PageDown);
    DiagramScene *scene = m_window->diagramScene();
    const QString png = dir.filePath(QStringLiteral("view.png"));
    QCOMPARE(Exporter::exportPng(scene, scene->diagramRect(), QSize(1920, 1080), png), std::nullopt);
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1920, 1080));
    // The lit kube-apiserver is drawn in its colours, over the dimmed rest.
    const QRectF api = scene->refRect(QStringLiteral("kube-apiserver"));
    QVERIFY(api.isValid());
    QVERIFY(Exporter::exportPng(scene, scene->diagramRect(), QSize(4, 4), png).has_value());
    const QString svg = dir.filePath(QStringLiteral("view.svg"));
    QCOMPARE(Exporter::exportSvg(*scene, scene->diagramRect(), svg), std::nullopt);
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    QVERIFY(svgFile.readAll().contains("<svg"));
    const QString pdf = dir.filePath(QStringLiteral("handout.pdf"));
    QCOMPARE(Exporter::exportHandout(*m_content, *m_walkthrough, pdf), std::nullopt);
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdfFile.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    const qsizetype pages = bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page ");
    // One page per step, then the cards on the walkthrough's arrows, several to a page.
    const auto cards = HandoutCards::select(*m_content, *m_walkthrough);
    QVERIFY(!cards.isEmpty());
    QVERIFY(pages > m_walkthrough->steps.size());
    QVERIFY(pages <= m_walkthrough->steps.size() + cards.size());
}

namespace {
// The window's rectangle of a scene rectangle, as the presentation shows it.
QRect onWindow(PresentationWindow &window, const QRectF &sceneRect)
{
    DiagramView *view = window.diagramView();
    const QRect local = view->mapFromScene(sceneRect).boundingRect();
    return local.translated(view->viewport()->mapTo(&window, QPoint(0, 0)));
}

QRect viewportOnWindow(PresentationWindow &window)
{
    QWidget *viewport = window.diagramView()->viewport();
    return QRect(viewport->mapTo(&window, QPoint(0, 0)), viewport->size());
}

// Shows a presentation at `size`, with flights that land at once.
void showAt(PresentationWindow &window, QSize size)
{
    window.diagramView()->setFlightDuration(0);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
}

// Lets the layout settle after a step (the caption's height, the view's resize).
void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}
} // namespace

void TestPresentation::everyStep_keepsEveryLitItemOnScreen_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1920x1080") << QSize(1920, 1080);
    QTest::newRow("1366x768") << QSize(1366, 768);
    QTest::newRow("1280x720") << QSize(1280, 720);
}

void TestPresentation::everyStep_keepsEveryLitItemOnScreen()
{
    QFETCH(QSize, size);
    delete m_window;
    PresentationWindow window(m_content);
    showAt(window, size);
    int checked = 0;
    for (const Walkthrough &w : m_content->walkthroughs()) {
        window.present(&w);
        for (int i = 0; i < w.steps.size(); ++i) {
            QVERIFY(window.player()->goToNumber(i + 1));
            settle();
            const QRect viewport = viewportOnWindow(window);
            const QRect caption = window.captionWidget()->geometry();
            QVERIFY(window.captionWidget()->isVisible());
            QVERIFY(!viewport.intersects(caption));
            QList<std::pair<QString, QRectF>> lit;
            for (ComponentItem *item : window.diagramScene()->componentItems())
                if (item->isLit())
                    lit.append({item->ref().toString(), item->rect()});
            for (ArrowItem *arrow : window.diagramScene()->arrowItems())
                if (arrow->flow() != ArrowItem::Flow::None)
                    lit.append({arrow->id(), arrow->sceneBoundingRect()});
            QVERIFY(!lit.isEmpty());
            for (const auto &[id, sceneRect] : lit) {
                const QRect r = onWindow(window, sceneRect);
                const QString where = QStringLiteral("%1 step %2: %3 at %4,%5 %6x%7 (viewport %8x%9 at %10,%11)")
                                          .arg(w.id)
                                          .arg(i + 1)
                                          .arg(id)
                                          .arg(r.x())
                                          .arg(r.y())
                                          .arg(r.width())
                                          .arg(r.height())
                                          .arg(viewport.width())
                                          .arg(viewport.height())
                                          .arg(viewport.x())
                                          .arg(viewport.y());
                QVERIFY2(viewport.contains(r), qPrintable(where));
                QVERIFY2(!caption.intersects(r), qPrintable(where));
                ++checked;
            }
        }
    }
    QVERIFY(checked > 50);
}

void TestPresentation::caption_fixedHeight_diagramStill_fillsTheScreen()
{
    delete m_window;
    PresentationWindow window(m_content);
    showAt(window, QSize(1920, 1080));
    QWidget *caption = window.captionWidget();
    for (const Walkthrough &w : m_content->walkthroughs()) {
        window.present(&w);
        settle();
        const int height = caption->height();
        std::optional<QRect> unzoomed; // where the whole diagram sits on unzoomed steps
        for (int i = 0; i < w.steps.size(); ++i) {
            QVERIFY(window.player()->goToNumber(i + 1));
            QTest::keyClick(&window, Qt::Key_A); // the longest caption a step has
            settle();
            QCOMPARE(caption->height(), height);
            QVERIFY2(caption->heightForWidth(caption->width()) <= height, qPrintable(w.steps.at(i).title));
            if (!w.steps.at(i).zoom.isEmpty())
                continue;
            const QRect diagram = onWindow(window, window.diagramScene()->diagramRect());
            if (!unzoomed)
                unzoomed = diagram;
            QCOMPARE(diagram, *unzoomed);
        }
        // The unzoomed diagram fills the space above the caption in one direction.
        QVERIFY(unzoomed);
        const QRect space = viewportOnWindow(window);
        QVERIFY2(unzoomed->width() >= 0.9 * space.width() || unzoomed->height() >= 0.9 * space.height(),
                 qPrintable(w.id));
        QVERIFY(space.contains(*unzoomed));
        // On a 16:9 projector the caption stands beside the diagram, which then spans most of the
        // screen instead of its middle half.
        QVERIFY2(unzoomed->width() >= 0.6 * window.width(), qPrintable(QString::number(unzoomed->width())));
        QVERIFY(caption->geometry().left() >= unzoomed->right());
    }
}

void TestPresentation::question_hidesNarrationAndAnswerUntilA()
{
    int questions = 0;
    for (const Walkthrough &w : m_content->walkthroughs()) {
        m_window->present(&w);
        for (int i = 0; i < w.steps.size(); ++i) {
            const WalkthroughStep &step = w.steps.at(i);
            QVERIFY(m_window->player()->goToNumber(i + 1));
            QVERIFY(m_window->captionText().contains(step.title));
            if (step.question.isEmpty()) {
                QVERIFY(m_window->captionText().contains(step.narration));
                continue;
            }
            ++questions;
            const QString before = m_window->captionText();
            QVERIFY(before.contains(step.question));
            QVERIFY2(!before.contains(step.narration.trimmed()), qPrintable(step.title));
            QVERIFY2(!before.contains(step.answer), qPrintable(step.title));
            QTest::keyClick(m_window, Qt::Key_A);
            QVERIFY(m_window->captionText().contains(step.narration.trimmed()));
            QVERIFY(m_window->captionText().contains(step.answer));
        }
    }
    QVERIFY(questions >= 4);
}

void TestPresentation::noHoverEffects()
{
    DiagramView *view = m_window->diagramView();
    ComponentItem *item = m_window->diagramScene()->componentItems().first();
    const QPoint centre = view->mapFromScene(item->rect().center());
    QTest::mouseMove(view->viewport(), centre - QPoint(3, 3));
    QTest::mouseMove(view->viewport(), centre);
    QVERIFY(!item->isHovered());
    QHelpEvent help(QEvent::ToolTip, centre, view->viewport()->mapToGlobal(centre));
    QApplication::sendEvent(view->viewport(), &help);
    QVERIFY(!QToolTip::isVisible());
}

void TestPresentation::pngExport_centredWithEvenMargins()
{
    QTemporaryDir dir;
    DiagramScene *scene = m_window->diagramScene();
    const QString png = dir.filePath(QStringLiteral("centred.png"));
    QCOMPARE(Exporter::exportPng(scene, scene->diagramRect(), QSize(1920, 1080), png), std::nullopt);
    const QImage image = QImage(png).convertToFormat(QImage::Format_RGB32);
    QCOMPARE(image.size(), QSize(1920, 1080));
    int left = image.width(), right = -1, top = image.height(), bottom = -1;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixel(x, y) != qRgb(255, 255, 255)) {
                left = std::min(left, x);
                right = std::max(right, x);
                top = std::min(top, y);
                bottom = y;
            }
    const int marginRight = image.width() - 1 - right;
    const int marginBottom = image.height() - 1 - bottom;
    const QString margins =
        QStringLiteral("left %1 right %2 top %3 bottom %4").arg(left).arg(marginRight).arg(top).arg(marginBottom);
    QVERIFY2(left > 0 && top > 0 && marginRight > 0 && marginBottom > 0, qPrintable(margins));
    QVERIFY2(std::abs(left - marginRight) <= 3 && std::abs(top - marginBottom) <= 3, qPrintable(margins));
    // The drawing fills the picture in one direction, apart from the margin.
    QVERIFY2(std::min(left, top) >= 20 && std::min(left, top) <= 60, qPrintable(margins));
}

void TestPresentation::handoutHeading_wrapsWithinThePage()
{
    // The handout's page: A4 landscape with its margins, at its resolution.
    const int resolution = 150;
    const QPageLayout page(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(15, 12, 15, 12),
                           QPageLayout::Millimeter);
    const qreal width = page.paintRectPixels(resolution).width();
    int wrapped = 0;
    for (const qreal lineWidth : {width, width / 3}) // the page, and a narrow column that must wrap
        for (const Walkthrough &w : m_content->walkthroughs())
            for (qsizetype i = 0; i < w.steps.size(); ++i) {
                const auto heading = Exporter::handoutHeading(w, i, lineWidth, resolution);
                const QString text = heading->text();
                QVERIFY(text.contains(w.title));
                QVERIFY(text.endsWith(w.steps.at(i).title));
                QVERIFY(text.contains(QStringLiteral("step %1 of %2").arg(i + 1).arg(w.steps.size())));
                int laidOut = 0;
                for (int l = 0; l < heading->lineCount(); ++l) {
                    const QTextLine line = heading->lineAt(l);
                    QVERIFY2(line.naturalTextWidth() <= lineWidth, qPrintable(text));
                    laidOut += line.textLength();
                }
                QCOMPARE(laidOut, text.size()); // every character is on a line: nothing is cut
                if (lineWidth == width)
                    QVERIFY(heading->boundingRect().height() < 0.2 * page.paintRectPixels(resolution).height());
                wrapped += heading->lineCount() > 2;
            }
    QVERIFY(wrapped > 0);
}

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
