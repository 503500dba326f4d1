#include "componentregistry.h"
#include "importdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QTableWidget>
#include <QTest>

using namespace k8sfc;

class TestImportDialog : public QObject
{
    Q_OBJECT
private slots:
    void header_presetsTheColumnsAndThePreview();
    void withoutHeader_firstTwoColumnsAreFrontAndBack();
};

void TestImportDialog::header_presetsTheColumnsAndThePreview()
{
    ComponentRegistry registry;
    registry.addPlane({QStringLiteral("nodes"), QStringLiteral("Nodes")});
    registry.addComponent(
        {QStringLiteral("kubelet"), QStringLiteral("kubelet"), QStringLiteral("nodes"), QStringLiteral("node agent")});
    const QByteArray tsv = "Question\tAnswer\tTags\n"
                           "Which port?\t10250\tports\n"
                           "\"Two\nlines\"\tyes\t\n";
    ImportDialog dialog(tsv, QStringLiteral("/tmp/My Questions.tsv"), registry);
    QCOMPARE(dialog.preview()->rowCount(), 2);
    QCOMPARE(dialog.preview()->columnCount(), 3);
    QCOMPARE(dialog.preview()->horizontalHeaderItem(0)->text(), QStringLiteral("Question"));
    QCOMPARE(dialog.preview()->verticalHeaderItem(1)->text(), QStringLiteral("3")); // the file's line
    const CsvImportOptions o = dialog.options();
    QCOMPARE(o.delimiter, u'\t');
    QVERIFY(o.hasHeader);
    QCOMPARE(o.columns.front, 0);
    QCOMPARE(o.columns.back, 1);
    QCOMPARE(o.columns.tags, 2);
    QCOMPARE(o.columns.id, -1);
    QCOMPARE(o.title, QStringLiteral("My Questions"));

    dialog.columnChooser(2)->setCurrentIndex(0); // tags: (none)
    QCOMPARE(dialog.options().columns.tags, -1);
}

void TestImportDialog::withoutHeader_firstTwoColumnsAreFrontAndBack()
{
    ComponentRegistry registry;
    ImportDialog dialog("a;b;c\nd;e;f\n", QStringLiteral("x.csv"), registry);
    QVERIFY(!dialog.options().hasHeader);
    QCOMPARE(dialog.options().delimiter, u';');
    QCOMPARE(dialog.preview()->rowCount(), 2);
    QCOMPARE(dialog.options().columns.front, 0);
    QCOMPARE(dialog.options().columns.back, 1);
    dialog.findChild<QCheckBox *>()->setChecked(true);
    QCOMPARE(dialog.preview()->rowCount(), 1);
    QCOMPARE(dialog.preview()->horizontalHeaderItem(1)->text(), QStringLiteral("b"));
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
