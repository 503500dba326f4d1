// What a learner waits for when they click a component on the diagram: from the mouse click on the
// component in the real MainWindow's DiagramView until the card pane shows that component's first
// card, its Markdown rendered, laid out and painted. bench_scale's BM_OpenComponent times the core
// part of it (ComponentStudy::open) alone; this times the whole path through the widgets. A benchmark
// tool: it prints numbers and asserts only that each click opened the component it aimed at.
//
//   build-release/tests/bench_click [--clicks N] [DIR]
//
// DIR is a content root (decks/ and diagrams/), default the bundled content; 50,000 cards over 200
// components come from `build-release/tests/bench_scale --write-content /tmp/scale-click`. It runs
// under Qt's offscreen platform (unless QT_QPA_PLATFORM says otherwise) with a fresh data folder and
// fresh settings in a temporary folder. N clicks (default 50) go round several components spread over
// the diagram, never the same one twice in a row; one click on another component before them warms
// up what any first click pays once (fonts, the Markdown importer) and is reported apart.
//
// Instruction counts are steadier than wall time on a busy machine. Every measured click runs in
// measuredClick(), and nothing else does, so callgrind can count them alone; divide the total by N.
// One command, on two lines here:
//
//   valgrind --tool=callgrind --toggle-collect='*measuredClick*' --callgrind-out-file=/tmp/click.cg
//            build-release/tests/bench_click --clicks 3 /tmp/scale-click
//   callgrind_annotate --inclusive=yes /tmp/click.cg | head -60
#include "cardpane.h"
#include "componentitem.h"
#include "componentstudy.h"
#include "content.h"
#include "contentlocator.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "mainwindow.h"
#include "masterystore.h"
#include "theme.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <vector>

using namespace k8sfc;

namespace {

constexpr int kTargets = 8; // components the clicks go round

struct Target
{
    QString componentId;
    QPoint point; ///< in the view's viewport
};

// Counts the paint events a widget receives: proof that the card text was really painted.
class PaintCounter : public QObject
{
public:
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

struct ClickTime
{
    qint64 clickNs = 0;  ///< the mouse events, up to CardPane::render setting the text
    qint64 totalNs = 0;  ///< and on to the pane laid out and painted
    bool forced = false; ///< the paint had to be forced (no update request was pending)
};

// One click, timed to the painted card. QTest::mouseClick delivers the press and release to the
// viewport synchronously: the scene, ComponentStudy::open and CardPane::render (which calls
// QTextBrowser::setMarkdown) all run before it returns. Then what the event loop would do next is
// done at once, without waiting for the loop or any timer: sendPostedEvents() delivers the posted
// LayoutRequests (the pane's labels and text browser take their new geometry) and, after them (it is
// posted at low priority), the window's UpdateRequest: the repaint manager paints every region marked
// dirty (the card pane with the card text, the diagram's old and new selection) into the window's
// backing store and flushes it. That is the next frame, as the learner would see it, and nothing more
// is painted than the app would paint. The card text's viewport must have had a paint event by then;
// should a platform schedule the paint on a timer instead, repaint() forces it (reported if so).
// A plain cardPane()->repaint() after sendPostedEvents() would paint the pane a second time.
[[gnu::always_inline]] inline ClickTime clickAndPaint(MainWindow &window, const Target &target,
                                                      const PaintCounter &painted)
{
    ClickTime time;
    const int paintsBefore = painted.count;
    QElapsedTimer timer;
    timer.start();
    QTest::mouseClick(window.diagramView()->viewport(), Qt::LeftButton, {}, target.point);
    time.clickNs = timer.nsecsElapsed();
    QCoreApplication::sendPostedEvents();
    if (painted.count == paintsBefore) {
        window.cardPane()->repaint();
        time.forced = true;
    }
    time.totalNs = timer.nsecsElapsed();
    return time;
}

// The function callgrind's --toggle-collect names: measured clicks only (the warm-up click runs the
// same code inlined in main; a second wrapper would be folded into this one by the compiler).
[[gnu::noinline]] ClickTime measuredClick(MainWindow &window, const Target &target, const PaintCounter &painted)
{
    return clickAndPaint(window, target, painted);
}

// A point of the viewport where a click reaches this item: its centre, else a strip along its top
// (clear of sub-parts drawn over the middle), else nothing.
std::optional<QPoint> clickPoint(const DiagramView *view, ComponentItem *item)
{
    const QRectF r = item->rect();
    for (const QPointF &p : {r.center(), QPointF(r.center().x(), r.top() + 8), QPointF(r.left() + 8, r.top() + 8)}) {
        const QPoint inView = view->mapFromScene(p);
        if (view->viewport()->rect().contains(inView) && view->itemAt(inView) == item)
            return inView;
    }
    return std::nullopt;
}

// Nearest rank: the smallest value with at least p of the values at or below it.
double percentile(std::vector<double> sorted, double p)
{
    std::sort(sorted.begin(), sorted.end());
    const auto rank = size_t(std::ceil(p * double(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

void printLine(const char *label, const std::vector<double> &ms)
{
    std::printf("%-44s p50 %7.3f  p90 %7.3f  p99 %7.3f  max %7.3f ms\n", label, percentile(ms, 0.5),
                percentile(ms, 0.9), percentile(ms, 0.99), percentile(ms, 1.0));
}

int fail(const QString &message)
{
    std::fprintf(stderr, "bench_click: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    int clicks = 50;
    QString root;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--clicks" && i + 1 < argc) {
            clicks = QByteArray(argv[++i]).toInt();
        } else if (arg.startsWith('-')) {
            std::fprintf(stderr, "usage: bench_click [--clicks N] [CONTENT_DIR]\n");
            return 2;
        } else {
            root = QString::fromLocal8Bit(arg);
        }
    }
    if (clicks < 1)
        return fail(QStringLiteral("--clicks wants a number above 0"));

    // Fresh settings (window layout, hints, zoom): the learner's own are neither read nor written.
    QTemporaryDir temp;
    if (!temp.isValid())
        return fail(QStringLiteral("no temporary folder"));
    qputenv("XDG_CONFIG_HOME", QDir(temp.path()).filePath(QStringLiteral("config")).toLocal8Bit());
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    theme::applyAppearance(theme::Appearance::load()); // as the app does before its first window

    if (root.isEmpty())
        root = ContentLocator::bundledRoot();
    QElapsedTimer loading;
    loading.start();
    const auto content = std::make_shared<const ContentSet>(ContentSet::loadRoots({root}));
    const double loadSeconds = loading.nsecsElapsed() / 1e9;
    if (content->diagrams().isEmpty())
        return fail(QStringLiteral("no diagram in %1").arg(root));
    MasteryStore store;
    if (auto error = store.openDataDir(QDir(temp.path()).filePath(QStringLiteral("data"))))
        return fail(*error);

    MainWindow window(content, store);
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return fail(QStringLiteral("the window was never exposed"));
    QCoreApplication::processEvents();

    // The components to click: those with cards that a click can reach, spread over the diagram.
    DiagramView *view = window.diagramView();
    std::vector<Target> reachable;
    for (ComponentItem *item : window.diagramScene()->componentItems()) {
        if (content->cardsFor(item->componentId(), true).isEmpty())
            continue;
        const bool seen = std::any_of(reachable.begin(), reachable.end(),
                                      [&](const Target &t) { return t.componentId == item->componentId(); });
        if (auto point = clickPoint(view, item); point && !seen)
            reachable.push_back({item->componentId(), *point});
    }
    if (reachable.size() < 3)
        return fail(QStringLiteral("fewer than 3 components with cards can be clicked in %1").arg(root));
    const size_t count = std::min<size_t>(kTargets, reachable.size() - 1);
    std::vector<Target> targets;
    for (size_t i = 0; i < count; ++i)
        targets.push_back(reachable[i * reachable.size() / count]);
    const Target warmUp = reachable.back(); // never a target: they stop short of the last one

    auto *text = window.cardPane()->findChild<QTextBrowser *>(QStringLiteral("cardText"));
    if (!text)
        return fail(QStringLiteral("the card pane has no cardText browser"));
    PaintCounter painted;
    text->viewport()->installEventFilter(&painted);

    // After each click: the component it aimed at is open, and its first card is the one shown.
    auto check = [&](const Target &target, int paintsBefore) -> std::optional<QString> {
        const ComponentStudy *study = window.componentStudy();
        if (study->componentId() != target.componentId)
            return QStringLiteral("a click on %1 opened '%2'").arg(target.componentId, study->componentId());
        if (!study->current() || window.cardPane()->shownMarkdown() != study->current()->front)
            return QStringLiteral("%1: the pane does not show the first card's front").arg(target.componentId);
        if (painted.count == paintsBefore)
            return QStringLiteral("%1: the card text was not painted").arg(target.componentId);
        return std::nullopt;
    };

    int paintsBefore = painted.count;
    const ClickTime cold = clickAndPaint(window, warmUp, painted);
    if (auto problem = check(warmUp, paintsBefore))
        return fail(*problem);
    QCoreApplication::processEvents(); // anything else queued, outside the timing

    std::vector<double> totalMs, clickMs, paintMs;
    int forced = cold.forced ? 1 : 0;
    QStringList shown; // the Markdown of each target's first card
    for (int i = 0; i < clicks; ++i) {
        const Target &target = targets[size_t(i) % targets.size()];
        paintsBefore = painted.count;
        const ClickTime t = measuredClick(window, target, painted);
        if (auto problem = check(target, paintsBefore))
            return fail(*problem);
        totalMs.push_back(t.totalNs / 1e6);
        clickMs.push_back(t.clickNs / 1e6);
        paintMs.push_back((t.totalNs - t.clickNs) / 1e6);
        forced += t.forced ? 1 : 0;
        if (shown.size() < qsizetype(targets.size()))
            shown.append(window.cardPane()->shownMarkdown());
        QCoreApplication::processEvents();
    }

    // The Markdown step alone, on the same card texts: on the pane's own browser (parse, build the
    // document, lay it out at the pane's width, as CardPane::render does), and into a detached
    // document (the parse and the document build only). The browser lays its text out lazily, so its
    // layout is timed too, to its end.
    std::vector<double> browserMs, layoutMs, parseMs;
    for (int round = 0; round < std::max(5, clicks / int(shown.size())); ++round) {
        for (const QString &markdown : std::as_const(shown)) {
            QElapsedTimer timer;
            timer.start();
            text->setMarkdown(markdown);
            browserMs.push_back(timer.nsecsElapsed() / 1e6);
            text->document()->size(); // QTextEdit lays the text out lazily: finish it now
            layoutMs.push_back(timer.nsecsElapsed() / 1e6);
            QTextDocument document;
            document.setDefaultFont(text->document()->defaultFont());
            timer.restart();
            document.setMarkdown(markdown);
            parseMs.push_back(timer.nsecsElapsed() / 1e6);
        }
    }

    std::printf("content: %s: %d cards, %lld components on diagram '%s' (loaded in %.2f s)\n", qPrintable(root),
                content->cardCount(), qlonglong(window.diagramScene()->componentItems().size()),
                qPrintable(window.diagramId()), loadSeconds);
    std::printf("window %dx%d, card pane %dx%d, platform %s\n", window.width(), window.height(),
                window.cardPane()->width(), window.cardPane()->height(), qPrintable(QApplication::platformName()));
    QStringList names;
    for (const Target &t : targets)
        names.append(t.componentId);
    std::printf("%d clicks round %lld components: %s\n", clicks, qlonglong(targets.size()),
                qPrintable(names.join(QStringLiteral(", "))));
    std::printf("first click (warm-up, on %s): %.3f ms\n", qPrintable(warmUp.componentId), cold.totalNs / 1e6);
    if (forced)
        std::printf("(%d of %d paints were forced with repaint(): no update request was pending)\n", forced,
                    clicks + 1);
    printLine("click -> first card painted", totalMs);
    printLine("  the click (events, open, render)", clickMs);
    printLine("  then layout and paint", paintMs);
    printLine("Markdown: QTextBrowser::setMarkdown", browserMs);
    printLine("  the same and its layout", layoutMs);
    printLine("  parse alone: QTextDocument::setMarkdown", parseMs);
    return 0;
}
