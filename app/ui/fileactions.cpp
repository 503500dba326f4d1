#include "fileactions.h"

#include "ankiexporter.h"
#include "backupmanager.h"
#include "deckcsv.h"
#include "diagramscene.h"
#include "diagramswitcher.h"
#include "diagramview.h"
#include "exporter.h"
#include "grader.h"
#include "historycsv.h"
#include "importdialog.h"
#include "masterystore.h"
#include "restorebackupdialog.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>

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

/// The numbers written in `text`, in order.
QList<int> digitRuns(const QString &text)
{
    QList<int> numbers;
    QString run;
    for (const QChar c : QString(text + u' ')) {
        if (c.isDigit()) {
            run += c;
        } else if (!run.isEmpty()) {
            numbers.append(run.toInt());
            run.clear();
        }
    }
    return numbers;
}

QString exportName(const QList<Deck> &decks)
{
    return decks.size() == 1 ? decks.first().id : QStringLiteral("k8s-flashcards");
}

} // namespace

FileActions::FileActions(QWidget *window, ContentSnapshot content, MasteryStore &store, Grader &grader,
                         DiagramSwitcher *switcher, DiagramScene *scene, DiagramView *view)
    : QObject(window), m_window(window), m_content(std::move(content)), m_store(store), m_grader(grader),
      m_switcher(switcher), m_scene(scene), m_view(view)
{}

void FileActions::addTo(QMenu *file)
{
    file->addAction(QStringLiteral("Export View as &PNG…"), this, [this] { exportView(false); });
    file->addAction(QStringLiteral("Export View as &SVG…"), this, [this] { exportView(true); });
    file->addAction(QStringLiteral("Save Walkthrough &Handout as PDF…"), this, &FileActions::exportHandout);
    file->addSeparator();
    file->addAction(QStringLiteral("&Restore Backup…"), this, &FileActions::restoreBackup);
    file->addSeparator();
    file->addAction(QStringLiteral("Export Deck for &Anki…"), this, &FileActions::exportForAnki);
    file->addAction(QStringLiteral("Export Deck as &CSV…"), this, &FileActions::exportCsv);
    file->addAction(QStringLiteral("&Import Cards from CSV/TSV…"), this, &FileActions::importCsv);
    file->addSeparator();
    file->addAction(QStringLiteral("Export Review &History…"), this, &FileActions::exportHistory);
    file->addAction(QStringLiteral("Import Review Histor&y…"), this, &FileActions::importHistory);
}

void FileActions::exportView(bool svg)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString name = QStringLiteral("%1/k8s-flashcards-%2.%3")
                             .arg(dir, m_switcher->diagramId(), svg ? QStringLiteral("svg") : QStringLiteral("png"));
    const QString path = QFileDialog::getSaveFileName(
        m_window, svg ? QStringLiteral("Export view as SVG") : QStringLiteral("Export view as PNG"), name,
        svg ? QStringLiteral("SVG (*.svg)") : QStringLiteral("PNG (*.png)"));
    if (path.isEmpty())
        return;
    const QRectF source =
        m_view->mapToScene(m_view->viewport()->rect()).boundingRect().intersected(m_scene->diagramRect());
    std::optional<QString> error;
    if (svg) {
        error = Exporter::exportSvg(*m_scene, source, path);
    } else {
        const QStringList sizes{QStringLiteral("1280 × 720"), QStringLiteral("1920 × 1080"),
                                QStringLiteral("2560 × 1440"), QStringLiteral("3840 × 2160")};
        bool ok = false;
        const QString size = QInputDialog::getItem(m_window, QStringLiteral("PNG size"),
                                                   QStringLiteral("Width × height in pixels:"), sizes, 1, true, &ok);
        if (!ok)
            return;
        const QList<int> numbers = digitRuns(size); // "1920 × 1080", "1920x1080"
        error = Exporter::exportPng(m_scene, source, QSize(numbers.value(0), numbers.value(1)), path);
    }
    if (error)
        QMessageBox::warning(m_window, QStringLiteral("Export"), *error);
    else
        emit message(QStringLiteral("Saved %1").arg(path));
}

void FileActions::exportHandout()
{
    QStringList titles;
    for (const Walkthrough &w : m_content->walkthroughs())
        titles.append(w.title);
    if (titles.isEmpty())
        return;
    bool ok = false;
    const QString title = QInputDialog::getItem(m_window, QStringLiteral("Handout"),
                                                QStringLiteral("Which walkthrough?"), titles, 0, false, &ok);
    if (!ok)
        return;
    const Walkthrough &w = m_content->walkthroughs().at(titles.indexOf(title));
    const QString path =
        QFileDialog::getSaveFileName(m_window, QStringLiteral("Save handout as PDF"),
                                     documents(w.id + QStringLiteral(".pdf")), QStringLiteral("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto error = Exporter::exportHandout(*m_content, w, path))
        QMessageBox::warning(m_window, QStringLiteral("Handout"), *error);
    else
        emit message(QStringLiteral("Saved %1").arg(path));
}

void FileActions::exportForAnki()
{
    const QList<Deck> decks = chooseDecks(m_window, *m_content, QStringLiteral("Export for Anki"));
    if (decks.isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(m_window, QStringLiteral("Export for Anki"),
                                                      documents(exportName(decks) + QStringLiteral("-anki.txt")),
                                                      QStringLiteral("Anki text notes (*.txt)"));
    if (path.isEmpty())
        return;
    const AnkiExporter::WithPictures exported = AnkiExporter::exportWithPictures(decks);
    if (!save(m_window, path, exported.text.toUtf8()))
        return;
    if (exported.pictures.isEmpty()) {
        emit message(QStringLiteral("Saved for Anki; import it there with File ▸ Import."));
        return;
    }
    // Anki reads a note's pictures from its collection's media folder: they go beside the notes,
    // for the learner to copy there.
    const QFileInfo notes(path);
    const QString folder = notes.dir().filePath(notes.completeBaseName() + QStringLiteral(" media"));
    QDir().mkpath(folder);
    int copied = 0;
    for (auto it = exported.pictures.cbegin(); it != exported.pictures.cend(); ++it) {
        QFile::remove(QDir(folder).filePath(it.key()));
        copied += QFile::copy(it.value(), QDir(folder).filePath(it.key())) ? 1 : 0;
    }
    emit message(QStringLiteral("Saved for Anki, with %1 pictures in \"%2\": copy them into Anki's collection.media "
                                "folder, then import the notes with File ▸ Import.")
                     .arg(copied)
                     .arg(QDir::toNativeSeparators(folder)));
}

void FileActions::exportCsv()
{
    const QList<Deck> decks = chooseDecks(m_window, *m_content, QStringLiteral("Export as CSV"));
    if (decks.isEmpty())
        return;
    QList<Card> cards;
    for (const Deck &d : decks)
        cards += d.cards;
    const QString path = QFileDialog::getSaveFileName(m_window, QStringLiteral("Export as CSV"),
                                                      documents(exportName(decks) + QStringLiteral(".csv")),
                                                      QStringLiteral("CSV (*.csv)"));
    if (!path.isEmpty() && save(m_window, path, DeckCsv::exportCards(cards)))
        emit message(QStringLiteral("%1 cards saved as CSV.").arg(cards.size()));
}

void FileActions::importCsv()
{
    const QString path = QFileDialog::getOpenFileName(m_window, QStringLiteral("Import cards"), documents(QString()),
                                                      QStringLiteral("CSV or TSV (*.csv *.tsv *.txt)"));
    const auto bytes = path.isEmpty() ? std::nullopt : load(m_window, path);
    if (!bytes)
        return;
    auto *dialog = new ImportDialog(*bytes, path, m_content->registry(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, path, bytes] { importParsedCsv(*bytes, path, dialog); });
    dialog->open();
}

void FileActions::importParsedCsv(const QByteArray &bytes, const QString &path, ImportDialog *dialog)
{
    CsvImportOptions options = dialog->options();
    const QString folder = userDeckFolder();
    DeckCsv::placeNewDeck(options, *m_content, folder, options.title.isEmpty() ? path : options.title);
    const CsvImportResult result =
        DeckCsv::importCards(bytes, QFileInfo(path).fileName(), options, &m_content->registry());
    if (result.yaml.isEmpty()) {
        QMessageBox::warning(m_window, QStringLiteral("Import cards"),
                             QStringLiteral("<p>No card could be made from this file.</p>") +
                                 problemList(result.skipped));
        return;
    }
    const QString target = folder + u'/' + options.deckId + QStringLiteral(".yaml");
    if (!QDir().mkpath(folder) || !save(m_window, target, result.yaml))
        return;
    QString text = QStringLiteral("<p>%1 cards were saved as the deck “%2” in<br><code>%3</code>.</p>"
                                  "<p>They appear on the diagram in a moment: the app reloads decks when "
                                  "their folder changes.</p>")
                       .arg(result.deck.cards.size())
                       .arg(result.deck.title.toHtmlEscaped(), QDir::toNativeSeparators(target).toHtmlEscaped());
    if (!result.skipped.isEmpty())
        text += QStringLiteral("<p>%1 rows were skipped:</p>").arg(result.skipped.size()) + problemList(result.skipped);
    QMessageBox::information(m_window, QStringLiteral("Import cards"), text);
}

void FileActions::exportHistory()
{
    const QString path = QFileDialog::getSaveFileName(m_window, QStringLiteral("Export review history"),
                                                      documents(QStringLiteral("k8s-flashcards-history.csv")),
                                                      QStringLiteral("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    const auto log = m_store.allReviews(); // a log read part-way would pass for the whole history
    QString problem = log ? QString() : log.error();
    QList<CardEvent> resets; // each card's resets, so that a fit on the file leaves out what the app leaves out
    const auto ids = m_store.knownCardIds();
    if (!ids)
        problem = ids.error();
    for (const QString &id : ids ? *ids : QStringList()) {
        const auto events = m_store.events(id);
        if (!events) {
            problem = events.error();
            break;
        }
        for (const CardEvent &e : *events)
            if (e.kind == CardEvent::Kind::Reset)
                resets.append(e);
    }
    if (!problem.isEmpty()) {
        QMessageBox::warning(m_window, QStringLiteral("Export review history"),
                             QStringLiteral("Nothing was saved: the history could not be read (%1).").arg(problem));
        return;
    }
    if (save(m_window, path, HistoryCsv::write(*log, resets)))
        emit message(QStringLiteral("%1 reviews saved.").arg(log->size()));
}

void FileActions::importHistory()
{
    const QString path = QFileDialog::getOpenFileName(m_window, QStringLiteral("Import review history"),
                                                      documents(QString()), QStringLiteral("CSV (*.csv)"));
    const auto bytes = path.isEmpty() ? std::nullopt : load(m_window, path);
    if (!bytes)
        return;
    const HistoryImportReport report =
        HistoryCsv::importInto(m_store, m_grader.scheduler(), *bytes, QFileInfo(path).fileName());
    if (report.failure) {
        QMessageBox::warning(m_window, QStringLiteral("Import review history"),
                             QStringLiteral("Nothing was imported: %1").arg(*report.failure));
        return;
    }
    // The imported reviews rebuilt card states the undo stack knows older versions of.
    m_grader.clearUndo();
    emit progressReplaced();
    QString text = QStringLiteral("<p>%1 reviews imported for %2 cards; %3 were already here.</p>")
                       .arg(report.imported)
                       .arg(report.cardIds.size())
                       .arg(report.duplicates);
    if (report.resets > 0)
        text += QStringLiteral("<p>%1 card resets made on the other machine were recorded here too.</p>")
                    .arg(report.resets);
    if (!report.rejected.isEmpty())
        text += QStringLiteral("<p>%1 rows were not imported:</p>").arg(report.rejected.size()) +
                problemList(report.rejected);
    QMessageBox::information(m_window, QStringLiteral("Import review history"), text);
}

void FileActions::restoreBackup()
{
    if (!m_backups) {
        QMessageBox::information(m_window, QStringLiteral("Restore backup"),
                                 QStringLiteral("Backups are not available."));
        return;
    }
    RestoreBackupDialog dialog(*m_backups, m_store.reviewCount().valueOr(0), m_window);
    if (const auto entry = dialog.exec() == QDialog::Accepted ? dialog.chosen() : std::nullopt)
        restore(*entry);
}

void FileActions::restore(const BackupEntry &entry)
{
    if (auto error = m_backups->restore(entry, QDateTime::currentDateTimeUtc())) {
        QMessageBox::warning(m_window, QStringLiteral("Restore backup"), *error);
        return;
    }
    m_grader.clearUndo(); // its grades are not in the restored data
    emit progressReplaced();
    emit message(
        QStringLiteral("Restored the backup of %1.").arg(QLocale().toString(entry.taken, QLocale::ShortFormat)));
}

void FileActions::showStartupNotices(const QStringList &notices, const std::optional<BackupEntry> &offered)
{
    auto *box = new QMessageBox(QMessageBox::Warning, QStringLiteral("K8s Flashcards"),
                                notices.join(QStringLiteral("\n\n")), QMessageBox::Close, m_window);
    box->setObjectName(QStringLiteral("startupNotices"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (offered && m_backups) {
        QPushButton *restoreButton = box->addButton(QStringLiteral("Restore This Backup"), QMessageBox::AcceptRole);
        connect(restoreButton, &QPushButton::clicked, this, [this, entry = *offered] { restore(entry); });
    }
    box->open(); // returns at once: start-up goes on, and a headless start does not wait
}

/// Where decks the learner imported go: `decks/` in the learner's content folder (the data folder,
/// shared by every profile), which the app reads and watches.
QString FileActions::userDeckFolder() const
{
    if (!m_userContentFolder.isEmpty())
        return m_userContentFolder + QStringLiteral("/decks");
    const QFileInfo db(m_store.path());
    const QString base =
        db.isAbsolute() ? db.absolutePath() : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return base + QStringLiteral("/decks");
}

} // namespace k8sfc
