// A small laptop screen with large text: 1280x720 at 130 %, text scale applied as the app applies it.
// Every diagram label stays readable at fit, and nothing in the toolbar is cut off.
#include "content.h"
#include "diagramswitcher.h"
#include "diagramview.h"
#include "mainwindow.h"
#include "masterylegend.h"
#include "masteryoverlay.h"
#include "masterystore.h"
#include "searchbox.h"
#include "settings.h"
#include "theme.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleOptionFrame>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QXmlStreamReader>

using namespace k8sfc;

namespace {

constexpr double kMinLabelPx = 11.0;

// font-size from each `.class { … font-size: N … }` rule of the SVG's <style> sheet.
QHash<QString, double> classFontSizes(const QString &sheet)
{
    QHash<QString, double> sizes;
    static const QRegularExpression rule(QStringLiteral(R"(\.([\w-]+)\s*\{([^}]*)\})"));
    static const QRegularExpression size(QStringLiteral(R"(font-size\s*:\s*([\d.]+))"));
    for (const auto &m : rule.globalMatch(sheet))
        if (const auto s = size.match(m.captured(2)); s.hasMatch())
            sizes.insert(m.captured(1), s.captured(1).toDouble());
    return sizes;
}

// The smallest font size any <text> is drawn with, in SVG units: its own font-size attribute, else
// its class's, else the nearest ancestor's attribute.
double smallestTextSize(const QByteArray &svg)
{
    QString sheet;
    for (QXmlStreamReader xml(svg); !xml.atEnd();)
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("style"))
            sheet += xml.readElementText();
    const QHash<QString, double> byClass = classFontSizes(sheet);
    double smallest = 1e9;
    QList<double> inherited{0.0};
    for (QXmlStreamReader xml(svg); !xml.atEnd();) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            inherited.removeLast();
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const auto attrs = xml.attributes();
        double size = attrs.value(QLatin1String("font-size")).toDouble();
        for (const auto cls : attrs.value(QLatin1String("class")).split(u' ', Qt::SkipEmptyParts))
            if (size == 0 && byClass.contains(cls.toString()))
                size = byClass.value(cls.toString());
        if (size == 0)
            size = inherited.last();
        inherited.append(size);
        if (xml.name() == QLatin1String("text")) {
            if (size == 0)
                qFatal("a <text> without a font size at line %lld", xml.lineNumber());
            smallest = std::min(smallest, size);
        }
    }
    return smallest;
}

// Where the line edit draws its text: inside the frame, left of the clear button.
int placeholderRoom(QLineEdit *edit)
{
    QStyleOptionFrame option;
    option.initFrom(edit);
    option.lineWidth = edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, edit);
    QRect text = edit->style()->subElementRect(QStyle::SE_LineEditContents, &option, edit);
    text = text.marginsRemoved(edit->textMargins()).adjusted(2, 0, -2, 0); // QLineEdit's own 2 px
    for (const QToolButton *button : edit->findChildren<QToolButton *>())
        text.setRight(std::min(text.right(), button->geometry().left() - 1));
    return text.width();
}

} // namespace

class TestSmallScreen : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyDiagram_labelsAreReadableAtFit();
    void toolbarAndSearch_nothingIsCutOff();

private:
    ContentSnapshot m_content;
    QTemporaryDir m_dir;
    MasteryStore m_store;
    MainWindow *m_window = nullptr;
};

void TestSmallScreen::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Settings::machineFile().clear();
    const Settings settings;
    settings.setValue(setting::theme, QStringLiteral("dark"));
    settings.setValue(setting::fontScale, 1.3);
    theme::applyAppearance(theme::Appearance::load()); // as main() does, before the window exists
    QCOMPARE(theme::Appearance::load().fontScale, 1.3);

    m_content = std::make_shared<const ContentSet>(ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR)));
    QCOMPARE(m_content->diagrams().size(), 4);
    QCOMPARE(m_store.openDataDir(m_dir.path()), std::nullopt);
    m_window = new MainWindow(m_content, m_store);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QCOMPARE(m_window->size(), QSize(1280, 720));
}

void TestSmallScreen::cleanupTestCase()
{
    delete m_window;
    Settings::machineFile().clear();
}

void TestSmallScreen::everyDiagram_labelsAreReadableAtFit()
{
    auto *switcher = m_window->findChild<DiagramSwitcher *>();
    auto *view = m_window->findChild<DiagramView *>();
    auto *mastery = m_window->findChild<MasteryOverlay *>();
    QVERIFY(switcher && view && mastery);
    QStringList tooSmall;
    // The mastery legend, when shown, takes its height from the diagram's.
    for (const bool legend : {false, true}) {
        mastery->toggleAction()->setChecked(legend);
        for (const Diagram &diagram : m_content->diagrams()) {
            QVERIFY(switcher->loadDiagram(diagram.id));
            QVERIFY(!switcher->loadError());
            QTest::qWait(0); // the legend's layout settles and the view refits
            QCOMPARE(view->zoom(), 1.0);
            const double units = smallestTextSize(diagram.svg);
            const double px = units * view->transform().m11();
            qInfo("%s, legend %s: smallest label %.0f units x %.3f = %.1f px", qPrintable(diagram.id),
                  legend ? "shown" : "hidden", units, view->transform().m11(), px);
            if (px < kMinLabelPx)
                tooSmall << QStringLiteral("%1 (%2 px)").arg(diagram.id).arg(px, 0, 'f', 1);
        }
        if (legend) { // every entry of the legend is on screen: its rows wrap rather than cut one off
            auto *key = m_window->findChild<MasteryLegend *>();
            QVERIFY(key && key->isVisible());
            for (const QRect &r : key->itemRects(key->width()))
                QVERIFY2(key->rect().contains(r), qPrintable(QStringLiteral("legend entry at %1").arg(r.right())));
        }
    }
    mastery->toggleAction()->setChecked(false);
    QVERIFY2(tooSmall.isEmpty(), qPrintable(tooSmall.join(QStringLiteral(", "))));
}

void TestSmallScreen::toolbarAndSearch_nothingIsCutOff()
{
    auto *bar = m_window->findChild<QToolBar *>(QStringLiteral("studyToolBar"));
    QVERIFY(bar);
    // Actions that do not fit go behind the extension button: out of sight is cut off too.
    if (auto *more = bar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button")))
        QVERIFY(!more->isVisible());
    for (QAction *action : bar->actions()) {
        QWidget *widget = bar->widgetForAction(action);
        QVERIFY(widget);
        const QString name = action->text().isEmpty() ? widget->objectName() : action->text();
        QVERIFY2(widget->isVisible(), qPrintable(name));
        QVERIFY2(bar->rect().contains(widget->geometry()), qPrintable(name));
        QVERIFY2(widget->sizeHint().width() <= widget->width(), qPrintable(name));
    }

    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("diagramSwitcher"));
    QVERIFY(combo);
    for (int i = 0; i < combo->count(); ++i) {
        combo->setCurrentIndex(i);
        QStyleOptionComboBox option;
        option.initFrom(combo);
        const QRect field =
            combo->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, combo);
        QVERIFY2(combo->fontMetrics().horizontalAdvance(combo->currentText()) <= field.width(),
                 qPrintable(combo->currentText()));
    }

    SearchBox *search = m_window->searchBox();
    QVERIFY(search->isVisible());
    QVERIFY(m_window->rect().contains(QRect(search->mapTo(m_window, QPoint()), search->size())));
    QVERIFY2(search->fontMetrics().horizontalAdvance(search->placeholderText()) <= placeholderRoom(search),
             qPrintable(QString::number(placeholderRoom(search))));
}

// The app sizes its first window from the screen: give it a 1280x720 one.
int main(int argc, char **argv)
{
    QTemporaryDir dir;
    QFile config(dir.filePath(QStringLiteral("screen.json")));
    if (!config.open(QIODevice::WriteOnly))
        return 1;
    config.write(R"({"windowFrameMargins": false, "screens": [{"name": "laptop", "x": 0, "y": 0,
                   "width": 1280, "height": 720, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    config.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.fileName().toLocal8Bit());
    QApplication app(argc, argv);
    TestSmallScreen test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_smallscreen.moc"
