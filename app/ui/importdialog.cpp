#include "importdialog.h"

#include "componentregistry.h"
#include "csvformat.h"
#include "windowframe.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace k8sfc {

namespace {

const char *const kFieldLabels[] = {"&Id:",     "&Components:", "&Tags:",    "&Front:",       "&Back:",    "&Source:",
                                    "&Answer:", "A&liases:",    "C&hoices:", "Answer ki&nd:", "Two-pa&rt:"};

int CsvColumns::*const kFieldMembers[] = {&CsvColumns::id,         &CsvColumns::components, &CsvColumns::tags,
                                          &CsvColumns::front,      &CsvColumns::back,       &CsvColumns::source,
                                          &CsvColumns::answer,     &CsvColumns::aliases,    &CsvColumns::choices,
                                          &CsvColumns::answerKind, &CsvColumns::twoPart};

} // namespace

ImportDialog::ImportDialog(QByteArray text, const QString &fileName, const ComponentRegistry &registry, QWidget *parent)
    : QDialog(parent), m_text(std::move(text)), m_fileName(fileName)
{
    setWindowTitle(QStringLiteral("Import cards from %1").arg(QFileInfo(fileName).fileName()));
    WindowFrame::installCloseKeys(this);
    QHBoxLayout *top = buildSeparatorRow();
    m_preview = new QTableWidget;
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setWordWrap(false);
    m_preview->setMinimumHeight(180);
    QGroupBox *mapping = buildMapping();
    QFormLayout *form = buildDeckForm(fileName, registry);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(QStringLiteral("&Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_preview, 1);
    layout->addWidget(mapping);
    layout->addLayout(form);
    layout->addWidget(buttons);

    Diagnostics ignored;
    const auto first = CsvFormat::parse(m_text.left(64 * 1024), CsvFormat::detectDelimiter(m_text), fileName, ignored);
    m_hasHeader->setChecked(!first.isEmpty() && CsvColumns::looksLikeHeader(first.first().fields));
    connect(m_separator, &QComboBox::currentIndexChanged, this, &ImportDialog::reparse);
    connect(m_hasHeader, &QCheckBox::toggled, this, &ImportDialog::reparse);
    reparse();
    resize(860, 600);
}

QHBoxLayout *ImportDialog::buildSeparatorRow()
{
    m_separator = new QComboBox;
    m_separator->addItem(QStringLiteral("Comma"), QChar(u','));
    m_separator->addItem(QStringLiteral("Tab"), QChar(u'\t'));
    m_separator->addItem(QStringLiteral("Semicolon"), QChar(u';'));
    m_separator->addItem(QStringLiteral("Pipe"), QChar(u'|'));
    m_separator->setCurrentIndex(m_separator->findData(CsvFormat::detectDelimiter(m_text)));
    m_hasHeader = new QCheckBox(QStringLiteral("The first row names the columns"));

    auto *top = new QHBoxLayout;
    auto *separatorLabel = new QLabel(QStringLiteral("Se&parator:"));
    separatorLabel->setBuddy(m_separator);
    top->addWidget(separatorLabel);
    top->addWidget(m_separator);
    top->addSpacing(12);
    top->addWidget(m_hasHeader);
    top->addStretch();
    return top;
}

QGroupBox *ImportDialog::buildMapping()
{
    auto *mapping = new QGroupBox(QStringLiteral("Where each field comes from"));
    auto *grid = new QGridLayout(mapping);
    for (int i = 0; i < int(std::size(kFieldLabels)); ++i) {
        auto *combo = new QComboBox;
        auto *label = new QLabel(QString::fromLatin1(kFieldLabels[i]));
        label->setBuddy(combo);
        grid->addWidget(label, i / 3, (i % 3) * 2);
        grid->addWidget(combo, i / 3, (i % 3) * 2 + 1);
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportDialog::updateOk);
        m_columns.append(combo);
    }
    return mapping;
}

QFormLayout *ImportDialog::buildDeckForm(const QString &fileName, const ComponentRegistry &registry)
{
    m_title = new QLineEdit(QFileInfo(fileName).completeBaseName());
    m_component = new QComboBox;
    m_component->addItem(QStringLiteral("(none: such rows are skipped)"), QString());
    for (const Component &c : registry.components())
        m_component->addItem(c.name, c.id);
    m_source = new QLineEdit;
    m_source->setPlaceholderText(QStringLiteral("https://… (such rows are skipped when empty)"));
    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("Deck &title:"), m_title);
    form->addRow(QStringLiteral("Component for rows &without one:"), m_component);
    form->addRow(QStringLiteral("Source for rows wit&hout one:"), m_source);
    return form;
}

void ImportDialog::reparse()
{
    Diagnostics ignored; // the import reports them, with their lines
    QList<CsvRecord> records = CsvFormat::parse(m_text, m_separator->currentData().toChar(), m_fileName, ignored);
    qsizetype width = 0;
    for (qsizetype i = 0; i < records.size() && i <= kPreviewRows; ++i)
        width = std::max(width, records[i].fields.size());
    QStringList names;
    for (qsizetype c = 0; c < width; ++c)
        names.append(QStringLiteral("Column %1").arg(c + 1));
    CsvColumns guess;
    if (m_hasHeader->isChecked() && !records.isEmpty()) {
        const QStringList header = records.takeFirst().fields;
        for (qsizetype c = 0; c < header.size() && c < width; ++c)
            names[c] = header.at(c);
        guess = CsvColumns::guess(header);
    } else {
        guess = CsvColumns::guess(names); // the first two columns: front and back
    }

    const qsizetype rows = std::min<qsizetype>(records.size(), kPreviewRows);
    m_preview->clear();
    m_preview->setColumnCount(int(width));
    m_preview->setRowCount(int(rows));
    m_preview->setHorizontalHeaderLabels(names);
    QStringList lines;
    for (qsizetype r = 0; r < rows; ++r) {
        lines.append(QString::number(records[r].line));
        for (qsizetype c = 0; c < records[r].fields.size() && c < width; ++c) {
            const QString value = records[r].fields.at(c);
            auto *item = new QTableWidgetItem(value.simplified());
            item->setToolTip(value);
            m_preview->setItem(int(r), int(c), item);
        }
    }
    m_preview->setVerticalHeaderLabels(lines); // the file's line numbers, as the import reports them
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_preview->resizeColumnsToContents();
    for (int c = 0; c < m_preview->columnCount(); ++c)
        m_preview->setColumnWidth(c, std::min(m_preview->columnWidth(c), 260));

    for (qsizetype f = 0; f < m_columns.size(); ++f) {
        QComboBox *combo = m_columns[f];
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(QStringLiteral("(none)"), -1);
        for (qsizetype c = 0; c < names.size(); ++c)
            combo->addItem(names.at(c), int(c));
        combo->setCurrentIndex(combo->findData(guess.*kFieldMembers[f]));
    }
    updateOk();
}

void ImportDialog::updateOk()
{
    const CsvImportOptions o = options();
    m_ok->setEnabled(o.columns.front >= 0 && o.columns.back >= 0);
}

CsvImportOptions ImportDialog::options() const
{
    CsvImportOptions o;
    o.delimiter = m_separator->currentData().toChar();
    o.hasHeader = m_hasHeader->isChecked();
    for (qsizetype f = 0; f < m_columns.size(); ++f)
        o.columns.*kFieldMembers[f] = m_columns[f]->currentData().toInt();
    o.title = m_title->text().trimmed();
    if (const QString component = m_component->currentData().toString(); !component.isEmpty())
        o.defaultComponents = {component};
    o.defaultSource = m_source->text().trimmed();
    return o;
}

} // namespace k8sfc
