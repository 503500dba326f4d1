#include "owncards.h"

#include "cardbrowser.h"
#include "grader.h"

#include <QAction>
#include <QTableView>

#include <algorithm>

// OwnCards' undo history: one list of grades and deletions behind the window's Undo action, and
// the browser's own action, which takes back deletions only.
namespace k8sfc {

void OwnCards::takeUndo(QAction *undo, Grader *grader)
{
    m_undo = undo;
    m_grader = grader;
    disconnect(undo, &QAction::triggered, grader, nullptr);
    connect(undo, &QAction::triggered, this, &OwnCards::undo);
    connect(grader, &Grader::graded, this, [this] {
        if (m_grader->lastGradeJoinedStep())
            return; // one entry for a whole Batch, which Grader::undo takes back at once
        m_history.append(Undoable{});
        if (m_history.size() > 2 * Grader::kUndoLevels)
            m_history.removeFirst();
    });
}

void OwnCards::undo()
{
    // Grades the Grader no longer holds (a restore, a profile switch dropped them) are skipped.
    while (!m_history.isEmpty() && !m_history.constLast().deletion && !m_grader->canUndo())
        m_history.removeLast();
    if (m_history.isEmpty()) {
        updateUndo();
        return;
    }
    if (!m_history.constLast().deletion) {
        // A step the store refused to take back stays on both stacks, to be tried again.
        if (m_grader->undo())
            m_history.removeLast();
        updateUndo();
        return;
    }
    restoreDeletion(m_history.size() - 1);
}

void OwnCards::undoDeletion()
{
    for (qsizetype i = m_history.size() - 1; i >= 0; --i)
        if (m_history.at(i).deletion) {
            restoreDeletion(i);
            return;
        }
    updateUndo();
}

// Later entries are grades, which touch no deck file: the file is as the deletion left it.
void OwnCards::restoreDeletion(qsizetype index)
{
    Undoable last = m_history.takeAt(index);
    if (const auto error = last.after.save(DeckEdit::Change{last.before, {}, false}))
        emit message(QStringLiteral("Cannot undo the deletion: %1").arg(*error));
    else
        emit message(QStringLiteral("The deleted card is back."));
    reload();
    updateUndo();
}

void OwnCards::takeBrowser(CardBrowser *browser)
{
    browser->addAction(m_browserUndo);
    QTableView *table = browser->table();
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *separator = new QAction(table);
    separator->setSeparator(true);
    table->addActions({m_edit, m_copy, m_delete, separator, m_browserUndo});
}

void OwnCards::updateUndo()
{
    m_browserUndo->setEnabled(
        std::any_of(m_history.cbegin(), m_history.cend(), [](const Undoable &entry) { return entry.deletion; }));
    if (!m_undo)
        return;
    qsizetype i = m_history.size() - 1;
    while (i >= 0 && !m_history.at(i).deletion && !m_grader->canUndo())
        --i;
    const bool deletion = i >= 0 && m_history.at(i).deletion;
    m_undo->setText(deletion ? QStringLiteral("&Undo Delete Card") : QStringLiteral("&Undo Grade"));
    m_undo->setEnabled(deletion || m_grader->canUndo());
}

} // namespace k8sfc
