// Every theme shows every kind of card text readably (UX review B1): a card with a heading, a
// paragraph, a code block, inline code, a table and a link, in the card pane, in the light, dark and
// projector themes, chosen as the app chooses them (the appearance settings). Each element's
// resolved text colour keeps WCAG AA contrast (4.5:1) on its resolved background, the rendered code
// block is shaded in the theme with its first column clear of the shading's edge, and disabled
// buttons stay readable (3:1) yet look disabled. The mastery view keeps the diagram's details
// (B16): icons and names, a border in every band, a selection ring that shows on every fill.
#include "cardpane.h"
#include "cardtextview.h"
#include "componentitem.h"
#include "content.h"
#include "diagramscene.h"
#include "mainwindow.h"
#include "mastery.h"
#include "masterystore.h"
#include "theme.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>
#include <QToolButton>

using namespace k8sfc;

class TestThemeContrast : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void cardText_isReadableInEveryTheme_data();
    void cardText_isReadableInEveryTheme();
    void masteryView_keepsDetailsBordersAndRing();

private:
    void openWindow(const QString &themeName);
    QTemporaryDir m_dir;
    MasteryStore *m_store = nullptr;
    MainWindow *m_window = nullptr;
};

namespace {

const char kDeck[] =
    "title: Every element\ncards:\n  - id: every-element\n    components: [sun]\n    front: |\n"
    "      ## A heading\n\n"
    "      A paragraph with `inline code` and [a link](https://example.org/docs).\n\n"
    "      | Kind | Port |\n      |---|---|\n      | etcd | `2379` |\n"
    "    back: |\n      ```yaml\n      kind: RoleBinding\n      apiVersion: rbac.authorization.k8s.io/v1\n"
    "      ```\n      After the code.\n    source: https://example.org/source\n    answer: Sun\n";

/// The background a fragment is drawn on: its own, its block's, its table cell's, the innermost
/// shaded frame's, else the view's page.
QColor backgroundOf(const QTextBlock &block, const QTextFragment &fragment, const QColor &page)
{
    if (fragment.charFormat().background().style() != Qt::NoBrush)
        return fragment.charFormat().background().color();
    if (block.blockFormat().background().style() != Qt::NoBrush)
        return block.blockFormat().background().color();
    const QTextCursor cursor(block);
    if (QTextTable *table = cursor.currentTable())
        if (const QBrush b = table->cellAt(cursor).format().background(); b.style() != Qt::NoBrush)
            return b.color();
    for (QTextFrame *f = cursor.currentFrame(); f; f = f->parentFrame())
        if (f->frameFormat().background().style() != Qt::NoBrush)
            return f->frameFormat().background().color();
    return page;
}

QString kindOf(const QTextBlock &block, const QTextFragment &fragment)
{
    if (fragment.charFormat().isAnchor())
        return QStringLiteral("link");
    if (block.blockFormat().hasProperty(QTextFormat::BlockCodeFence))
        return QStringLiteral("code block");
    if (fragment.charFormat().fontFixedPitch())
        return QStringLiteral("inline code");
    if (QTextCursor(block).currentTable())
        return QStringLiteral("table");
    if (block.blockFormat().headingLevel() > 0)
        return QStringLiteral("heading");
    return QStringLiteral("paragraph");
}

/// The pixel of `image` inside `area` with the most contrast on `background`, and that contrast.
std::pair<QPoint, double> strongestInk(const QImage &image, const QRect &area, const QColor &background)
{
    std::pair<QPoint, double> best{{}, 1.0};
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if (const double c = theme::contrastRatio(image.pixelColor(x, y), background); c > best.second)
                best = {{x, y}, c};
    return best;
}

/// The leftmost column of `area` holding a pixel with clear contrast on `background`, or -1.
int leftmostInk(const QImage &image, const QRect &area, const QColor &background)
{
    for (int x = area.left(); x <= area.right(); ++x)
        for (int y = area.top(); y <= area.bottom(); ++y)
            if (theme::contrastRatio(image.pixelColor(x, y), background) > 2.0)
                return x;
    return -1;
}

/// The colour most pixels of `image` have.
QColor commonest(const QImage &image)
{
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y)];
    QRgb best = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > counts.value(best))
            best = it.key();
    return QColor(best);
}

} // namespace

void TestThemeContrast::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the settings file too: never the real one
    QVERIFY(m_dir.isValid());
    const QString example = QStringLiteral(K8SFC_TEST_DATA "/example-water-cycle/diagrams/");
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("content/diagrams"))));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("content/decks"))));
    for (const char *name : {"components.yaml", "water-cycle.svg"})
        QVERIFY(QFile::copy(example + QLatin1String(name),
                            m_dir.filePath(QStringLiteral("content/diagrams/")) + QLatin1String(name)));
    QFile deck(m_dir.filePath(QStringLiteral("content/decks/every.yaml")));
    QVERIFY(deck.open(QIODevice::WriteOnly));
    deck.write(kDeck);
}

void TestThemeContrast::cleanup()
{
    delete m_window;
    m_window = nullptr;
    delete m_store;
    m_store = nullptr;
}

void TestThemeContrast::openWindow(const QString &themeName)
{
    // As Settings… does: the choice is saved, read back and applied.
    theme::Appearance chosen;
    chosen.theme = themeName;
    chosen.save();
    theme::applyAppearance(theme::Appearance::load());
    QCOMPARE(QApplication::palette().color(QPalette::Base), theme::palette(themeName).color(QPalette::Base));
    m_store = new MasteryStore;
    QCOMPARE(m_store->openDataDir(m_dir.filePath(QStringLiteral("data-") + themeName)), std::nullopt);
    auto content = std::make_shared<const ContentSet>(ContentSet::loadRoot(m_dir.filePath(QStringLiteral("content"))));
    QVERIFY(content->card(QStringLiteral("every-element")));
    m_window = new MainWindow(content, *m_store);
    m_window->resize(1280, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestThemeContrast::cardText_isReadableInEveryTheme_data()
{
    QTest::addColumn<QString>("themeName");
    for (const char *name : {"light", "dark", "projector"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestThemeContrast::cardText_isReadableInEveryTheme()
{
    QFETCH(QString, themeName);
    openWindow(themeName);
    m_window->openCard(QStringLiteral("every-element"));
    QTest::keyClick(m_window, Qt::Key_Space);
    auto *view = m_window->findChild<CardTextView *>(QStringLiteral("cardText"));
    QVERIFY(view && view->isVisible());
    QTextDocument *doc = view->document();
    const QColor page = view->viewport()->palette().color(QPalette::Base);
    const QColor text = view->palette().color(QPalette::Text);

    // Every element's resolved colours.
    QSet<QString> kinds;
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.text().trimmed().isEmpty())
                continue;
            const QBrush fg = fragment.charFormat().foreground();
            const QColor colour = fg.style() != Qt::NoBrush ? fg.color() : text;
            const QColor back = backgroundOf(block, fragment, page);
            const QString kind = kindOf(block, fragment);
            kinds.insert(kind);
            const double ratio = theme::contrastRatio(colour, back);
            QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1 \"%2\": %3 on %4 is %5:1")
                                                  .arg(kind, fragment.text(), colour.name(), back.name())
                                                  .arg(ratio, 0, 'f', 2)));
        }
    QCOMPARE(kinds, (QSet<QString>{QStringLiteral("heading"), QStringLiteral("paragraph"), QStringLiteral("code block"),
                                   QStringLiteral("inline code"), QStringLiteral("table"), QStringLiteral("link")}));

    // The code block as drawn: shaded in the theme's colours, its first column clear of the edge.
    view->verticalScrollBar()->setValue(0);
    const QImage shot = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QTextBlock first = doc->begin();
    while (first.isValid() && !first.blockFormat().hasProperty(QTextFormat::BlockCodeFence))
        first = first.next();
    QVERIFY(first.isValid());
    QTextFrame *frame = QTextCursor(first).currentFrame();
    const QTextFrameFormat framing = frame->frameFormat();
    const QRect box =
        doc->documentLayout()
            ->frameBoundingRect(frame)
            .adjusted(framing.leftMargin(), framing.topMargin(), -framing.rightMargin(), -framing.bottomMargin())
            .toAlignedRect();
    QVERIFY2(shot.rect().contains(box), "the code block is on screen");
    const QColor shading = shot.pixelColor(box.left() + 3, box.top() + 3);
    QVERIFY2(shading != page, qPrintable(QStringLiteral("code is shaded: %1").arg(shading.name())));
    QVERIFY2(theme::contrastRatio(shading, page) < 2.0, "the shade suits the page: no light box on a dark one");
    const QRectF line = doc->documentLayout()->blockBoundingRect(first);
    const QRect row(box.left() + 1, int(line.top()) + 1, box.width() - 2, int(line.height()) - 2);
    const auto [inkAt, ink] = strongestInk(shot, row, shading);
    QVERIFY2(ink >= 4.5, qPrintable(QStringLiteral("code text on its shading: %1:1").arg(ink, 0, 'f', 2)));
    const int firstColumn = leftmostInk(shot, row, shading);
    QVERIFY2(firstColumn >= box.left() + 4 && firstColumn >= 0,
             qPrintable(QStringLiteral("first column at %1, shading from %2").arg(firstColumn).arg(box.left())));

    // The "Source:" link in the pane below the text.
    auto *source = m_window->findChild<QLabel *>(QStringLiteral("source"));
    QVERIFY(source && source->isVisible());
    const auto colour = QRegularExpression(QStringLiteral("color:(#[0-9a-fA-F]{6})")).match(source->text());
    QVERIFY2(colour.hasMatch(), qPrintable(source->text()));
    const QColor sourceBack = source->palette().color(QPalette::Window);
    QVERIFY(theme::contrastRatio(QColor(colour.captured(1)), sourceBack) >= 4.5);
    const QImage label = source->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const int linkLeft =
        source->contentsRect().left() + source->fontMetrics().horizontalAdvance(QStringLiteral("Source: "));
    const QRect linkArea(linkLeft, 0, label.width() - linkLeft, label.height());
    QVERIFY2(strongestInk(label, linkArea, commonest(label)).second >= 4.5, "the link as drawn");

    // Undo Grade, disabled with nothing to undo: readable, yet unlike an enabled button.
    QToolButton *undo = nullptr;
    for (QToolButton *b : m_window->findChildren<QToolButton *>())
        if (b->defaultAction() && b->defaultAction()->text().contains(QStringLiteral("Undo")))
            undo = b;
    QVERIFY(undo && undo->isVisible() && !undo->isEnabled());
    const QImage button = undo->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QColor buttonBack = commonest(button);
    const double disabled = strongestInk(button, button.rect(), buttonBack).second;
    const double enabled =
        theme::contrastRatio(undo->palette().color(QPalette::Active, QPalette::ButtonText), buttonBack);
    QVERIFY2(disabled >= 3.0, qPrintable(QStringLiteral("disabled text %1:1").arg(disabled, 0, 'f', 2)));
    QVERIFY2(
        enabled > disabled * 1.5,
        qPrintable(QStringLiteral("enabled %1:1, disabled %2:1").arg(enabled, 0, 'f', 2).arg(disabled, 0, 'f', 2)));
}

void TestThemeContrast::masteryView_keepsDetailsBordersAndRing()
{
    // Every band's border on the page and the ring on every fill.
    for (int band = -1; band < theme::kMasteryClasses; ++band) {
        QVERIFY2(theme::contrastRatio(theme::masteryBorder(band), Qt::white) >= 3.0, qPrintable(QString::number(band)));
        QVERIFY2(theme::contrastRatio(theme::selectionOutline(), theme::masteryFill(band)) >= 3.0,
                 qPrintable(QString::number(band)));
    }
    QVERIFY(theme::contrastRatio(theme::selectionOutline(), Qt::white) >= 3.0);
    QVERIFY(theme::contrastRatio(theme::selectionLining(), theme::selectionOutline()) >= 3.0);

    // The bundled cluster diagram, every component tinted in each band in turn: what the SVG draws
    // inside a box (etcd's cylinder, names, glyphs) still shows over the tint.
    openWindow(QStringLiteral("light"));
    auto content = std::make_shared<const ContentSet>(ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR)));
    delete m_window;
    m_window = new MainWindow(content, *m_store);
    m_window->show();
    DiagramScene *scene = m_window->diagramScene();
    ComponentItem *etcd = scene->itemForRef(QStringLiteral("etcd"));
    QVERIFY(etcd);
    const QRectF r = etcd->rect();
    QImage plain(r.size().toSize() * 2, QImage::Format_RGB32);
    plain.fill(Qt::white);
    {
        QPainter p(&plain);
        scene->render(&p, plain.rect(), r); // as drawn, no tint
    }
    const QColor boxFill = commonest(plain);
    for (int band = 0; band < theme::kMasteryClasses; ++band) {
        QHash<QString, ComponentMastery> mastery;
        ComponentMastery m{QStringLiteral("etcd"), 4, 4, 0.9, (band + 0.5) / theme::kMasteryClasses};
        mastery.insert(m.componentId, m);
        scene->showMastery(mastery);
        QVERIFY(etcd->isTinted());
        QImage drawn(plain.size(), QImage::Format_RGB32);
        drawn.fill(Qt::white);
        {
            QPainter p(&drawn);
            scene->render(&p, drawn.rect(), r);
        }
        const QColor tint = theme::masteryFill(band);
        int details = 0, kept = 0;
        for (int y = 12; y < plain.height() - 12; ++y)
            for (int x = 12; x < plain.width() - 12; ++x)
                if (theme::contrastRatio(plain.pixelColor(x, y), boxFill) > 1.5) {
                    ++details;
                    kept += theme::contrastRatio(drawn.pixelColor(x, y), tint) > 1.3;
                }
        QVERIFY2(details > 200, "etcd draws an icon and a name");
        QVERIFY2(kept >= details * 9 / 10,
                 qPrintable(QStringLiteral("band %1: %2 of %3 detail pixels kept").arg(band).arg(kept).arg(details)));
    }
}

QTEST_MAIN(TestThemeContrast)
#include "tst_themecontrast.moc"
