// MainWindow: the File menu's import and export of decks and review history.
#include "mainwindow.h"

#include "ankiexporter.h"
#include "cardbrowser.h"
#include "content.h"
#include "deckcsv.h"
#include "grader.h"
#include "historycsv.h"
#include "importdialog.h"
#include "masterystore.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStatusBar>

namespace k8sfc {

namespace {

/// The decks to export: one chosen by title, or all of them. Empty when the learner cancels.
QList<Deck> chooseDecks(QWidget *parent, const ContentSet &content, const QString &title)
{
    QStringList names{QStringLiteral("All decks")};
    for (const Deck &d : content.decks())
        names.append(d.title.isEmpty() ? d.id : d.title);
    bool ok = false;
    const QString choice = QInputDialog::getItem(parent, title, QStringLiteral("Deck:"), names, 0, false, &ok);
    if (!ok)
        return {};
    const qsizetype index = names.indexOf(choice);
    return index <= 0 ? content.decks() : QList<Deck>{content.decks().at(index - 1)};
}

QString documents(const QString &name)
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/' + name;
}

bool save(QWidget *parent, const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    QMessageBox::warning(
        parent, QStringLiteral("Export"),
        QStringLiteral("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return false;
}

std::optional<QByteArray> load(QWidget *parent, const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        return file.readAll();
    QMessageBox::warning(
        parent, QStringLiteral("Import"),
        QStringLiteral("Could not read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return std::nullopt;
}

/// At most `max` problems as an HTML list, then how many more there are.
QString problemList(const Diagnostics &problems, int max = 12)
{
    QString html = QStringLiteral("<ul>");
    for (qsizetype i = 0; i < problems.size() && i < max; ++i) {
        const Diagnostic &d = problems[i];
        html += QStringLiteral("<li>%1</li>")
                    .arg((d.line ? QStringLiteral("line %1: ").arg(d.line) : QString()) + d.message.toHtmlEscaped());
    }
    html += QStringLiteral("</ul>");
    if (problems.size() > max)
        html += QStringLiteral("<p>… and %1 more.</p>").arg(problems.size() - max);
    return html;
}

/// Where decks the learner imported go: `decks/` in the learner's content folder (the data folder,
/// shared by every profile), which the app reads and watches.
QString userDeckFolder(const QString &contentFolder, const MasteryStore &store)
{
    if (!contentFolder.isEmpty())
        return contentFolder + QStringLiteral("/decks");
    const QFileInfo db(store.path());
    const QString base =
        db.isAbsolute() ? db.absolutePath() : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return base + QStringLiteral("/decks");
}

} // namespace

void MainWindow::buildImportExportMenus(QMenu *file)
{
    file->addSeparator();
    file->addAction(QStringLiteral("Export Deck for &Anki…"), this, [this] {
        const QList<Deck> decks = chooseDecks(this, m_content, QStringLiteral("Export for Anki"));
        if (decks.isEmpty())
            return;
        const QString name = decks.size() == 1 ? decks.first().id : QStringLiteral("k8s-flashcards");
        const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Export for Anki"),
                                                          documents(name + QStringLiteral("-anki.txt")),
                                                          QStringLiteral("Anki text notes (*.txt)"));
        if (!path.isEmpty() && save(this, path, AnkiExporter::exportDecks(decks).toUtf8()))
            statusBar()->showMessage(QStringLiteral("Saved for Anki; import it there with File ▸ Import."), 8000);
    });
    file->addAction(QStringLiteral("Export Deck as &CSV…"), this, [this] {
        const QList<Deck> decks = chooseDecks(this, m_content, QStringLiteral("Export as CSV"));
        if (decks.isEmpty())
            return;
        QList<Card> cards;
        for (const Deck &d : decks)
            cards += d.cards;
        const QString name = decks.size() == 1 ? decks.first().id : QStringLiteral("k8s-flashcards");
        const QString path =
            QFileDialog::getSaveFileName(this, QStringLiteral("Export as CSV"),
                                         documents(name + QStringLiteral(".csv")), QStringLiteral("CSV (*.csv)"));
        if (!path.isEmpty() && save(this, path, DeckCsv::exportCards(cards)))
            statusBar()->showMessage(QStringLiteral("%1 cards saved as CSV.").arg(cards.size()), 8000);
    });
    file->addAction(QStringLiteral("&Import Cards from CSV/TSV…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Import cards"), documents(QString()),
                                                          QStringLiteral("CSV or TSV (*.csv *.tsv *.txt)"));
        const auto bytes = path.isEmpty() ? std::nullopt : load(this, path);
        if (!bytes)
            return;
        auto *dialog = new ImportDialog(*bytes, path, m_content.registry(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog, path, bytes] {
            CsvImportOptions options = dialog->options();
            const QString folder = userDeckFolder(m_userContentFolder, m_store);
            QSet<QString> deckIds;
            for (const Deck &d : m_content.decks()) {
                deckIds.insert(d.id);
                for (const Card &c : d.cards)
                    options.takenIds.insert(c.id);
            }
            const QString stem = DeckCsv::deckIdFor(options.title.isEmpty() ? path : options.title);
            options.deckId = stem;
            for (int n = 2; deckIds.contains(options.deckId) ||
                            QFileInfo::exists(folder + u'/' + options.deckId + QStringLiteral(".yaml"));
                 ++n)
                options.deckId = stem + u'-' + QString::number(n);
            const CsvImportResult result =
                DeckCsv::importCards(*bytes, QFileInfo(path).fileName(), options, &m_content.registry());
            if (result.yaml.isEmpty()) {
                QMessageBox::warning(this, QStringLiteral("Import cards"),
                                     QStringLiteral("<p>No card could be made from this file.</p>") +
                                         problemList(result.skipped));
                return;
            }
            const QString target = folder + u'/' + options.deckId + QStringLiteral(".yaml");
            if (!QDir().mkpath(folder) || !save(this, target, result.yaml))
                return;
            QString message =
                QStringLiteral("<p>%1 cards were saved as the deck “%2” in<br><code>%3</code>.</p>"
                               "<p>They appear on the diagram in a moment: the app reloads decks when "
                               "their folder changes.</p>")
                    .arg(result.deck.cards.size())
                    .arg(result.deck.title.toHtmlEscaped(), QDir::toNativeSeparators(target).toHtmlEscaped());
            if (!result.skipped.isEmpty())
                message += QStringLiteral("<p>%1 rows were skipped:</p>").arg(result.skipped.size()) +
                           problemList(result.skipped);
            QMessageBox::information(this, QStringLiteral("Import cards"), message);
        });
        dialog->open();
    });
    file->addSeparator();
    file->addAction(QStringLiteral("Export Review &History…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Export review history"),
                                                          documents(QStringLiteral("k8s-flashcards-history.csv")),
                                                          QStringLiteral("CSV (*.csv)"));
        if (path.isEmpty())
            return;
        // A log read part-way would pass for the whole history.
        const auto log = m_store.allReviews();
        if (!log) {
            QMessageBox::warning(
                this, QStringLiteral("Export review history"),
                QStringLiteral("Nothing was saved: the review history could not be read (%1).").arg(log.error()));
            return;
        }
        if (save(this, path, HistoryCsv::write(*log)))
            statusBar()->showMessage(QStringLiteral("%1 reviews saved.").arg(log->size()), 8000);
    });
    file->addAction(QStringLiteral("Import Review Histor&y…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Import review history"),
                                                          documents(QString()), QStringLiteral("CSV (*.csv)"));
        const auto bytes = path.isEmpty() ? std::nullopt : load(this, path);
        if (!bytes)
            return;
        const HistoryImportReport report =
            HistoryCsv::importInto(m_store, m_grader->scheduler(), *bytes, QFileInfo(path).fileName());
        if (report.failure) {
            QMessageBox::warning(this, QStringLiteral("Import review history"),
                                 QStringLiteral("Nothing was imported: %1").arg(*report.failure));
            return;
        }
        // The imported reviews rebuilt card states the undo stack knows older versions of.
        m_grader->clearUndo();
        reloadProgress();
        QString message = QStringLiteral("<p>%1 reviews imported for %2 cards; %3 were already here.</p>")
                              .arg(report.imported)
                              .arg(report.cardIds.size())
                              .arg(report.duplicates);
        if (!report.rejected.isEmpty())
            message += QStringLiteral("<p>%1 rows were not imported:</p>").arg(report.rejected.size()) +
                       problemList(report.rejected);
        QMessageBox::information(this, QStringLiteral("Import review history"), message);
    });
}

} // namespace k8sfc
