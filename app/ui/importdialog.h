#pragma once

#include "deckcsv.h"

#include <QByteArray>
#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QHBoxLayout;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace k8sfc {

class ComponentRegistry;

/// Import Cards from CSV/TSV: a preview of the file's first rows and, per card field, the column
/// it comes from (guessed from the header), the separator, the new deck's title, and the component
/// and source for rows that have none. The import itself is DeckCsv::importCards on options().
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kPreviewRows = 20;

    ImportDialog(QByteArray text, const QString &fileName, const ComponentRegistry &registry,
                 QWidget *parent = nullptr);
    /// Everything but the deck id and the ids already taken, which the caller knows.
    CsvImportOptions options() const;

    QTableWidget *preview() const { return m_preview; }
    /// The column chooser of one field, in DeckCsv::header() order (id, components, tags, …).
    QComboBox *columnChooser(int field) const { return m_columns.value(field); }

private:
    /// The separator chooser and the header check box, on one row.
    QHBoxLayout *buildSeparatorRow();
    /// One column chooser per card field.
    QGroupBox *buildMapping();
    /// The new deck's title, and the component and source for rows without one.
    QFormLayout *buildDeckForm(const QString &fileName, const ComponentRegistry &registry);
    /// Reads the file again with the chosen separator and refills the preview and the choosers.
    void reparse();
    void updateOk();

    QByteArray m_text;
    QString m_fileName;
    QComboBox *m_separator;
    QCheckBox *m_hasHeader;
    QTableWidget *m_preview;
    QList<QComboBox *> m_columns;
    QLineEdit *m_title;
    QComboBox *m_component;
    QLineEdit *m_source;
    QPushButton *m_ok = nullptr;
};

} // namespace k8sfc
