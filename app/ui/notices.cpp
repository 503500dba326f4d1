#include "notices.h"

#include "content.h"
#include "grader.h"
#include "windowframe.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

namespace k8sfc {

namespace {

const char *const kShortcuts[][2] = {
    {"Click, or Tab / arrow keys then Enter", "Open a component's cards"},
    {"Space", "Reveal the answer"},
    {"1 / 2 / 3 / 4", "Grade: Again / Hard / Good / Easy"},
    {"Ctrl+Z", "Undo the last grade or card deletion (several levels)"},
    {"A / E", "Add a card to the selected component / edit the card on screen"},
    {"Ctrl+Enter (Add Card)", "Add the card and start the next one"},
    {"R", "Review what is due, all decks"},
    {"Shift+R", "Review what is due for the selected component"},
    {"Q", "Quiz"},
    {"B", "Browse cards"},
    {"Shift+S", "Statistics"},
    {"M", "Show or hide mastery colours"},
    {"Ctrl + wheel, Ctrl++ / Ctrl+-", "Zoom the diagram"},
    {"Ctrl+0", "Fit the diagram to the window"},
    {"Drag (when zoomed in)", "Pan the diagram"},
    {"F5 / Shift+F5", "Present the walkthrough / the diagram alone (full screen)"},
    {"Ctrl+F5", "Present the walkthrough in a window, with the presenter view beside it"},
    {"H / Shift+H", "Hide every component's name / reveal them all"},
    {"In presentation: →, ↓, PgDn, Space", "Next step (←, ↑, PgUp: previous; Home, End; number + Enter: that step)"},
    {"In presentation: B, A, L, D, Esc", "Blank the screen, show the answer, laser pointer, next diagram, leave"},
    {"Ctrl+F", "Find a card by its words and jump to it"},
    {"In the RBAC lab: Y, N, Esc", "Answer Yes, No (then the deciding binding: arrows, Enter); leave the lab"},
    {"F11", "Full screen"},
    {"Ctrl+,", "Settings"},
    {"Escape / Ctrl+W", "Close a secondary window (Browse, Statistics, Settings, About)"},
    {"Ctrl+Q", "Quit"},
};

void open(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &html)
{
    auto *box = new QMessageBox(icon, title, html, QMessageBox::Close, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    WindowFrame::installCloseKeys(box);
    box->open();
}

} // namespace

void Notices::leechSuspended(QMainWindow *window, const ContentSet &content, const QString &cardId)
{
    window->statusBar()->showMessage(QStringLiteral("Leech: a card you have forgotten %1 times was suspended. Rewrite "
                                                    "it or study it apart, then unsuspend it in the browser.")
                                         .arg(Grader::kLeechLapses),
                                     15000);
    const Card *card = content.card(cardId);
    open(window, QMessageBox::Information, QStringLiteral("Leech suspended"),
         QStringLiteral("<p>You have forgotten this card %1 times, so it was tagged a <b>leech</b> and suspended:</p>"
                        "<p><i>%2</i></p><p>Find it in Browse cards (state: Leeches) to rework or unsuspend it.</p>")
             .arg(Grader::kLeechLapses)
             .arg(card ? card->front.toHtmlEscaped() : cardId));
}

void Notices::shortcuts(QWidget *parent)
{
    QString rows;
    for (const auto &row : kShortcuts)
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>&nbsp;&nbsp;%2</td></tr>")
                    .arg(QString::fromUtf8(row[0]).toHtmlEscaped(), QString::fromUtf8(row[1]).toHtmlEscaped());
    open(parent, QMessageBox::NoIcon, QStringLiteral("Keyboard shortcuts"),
         QStringLiteral("<table>%1</table>").arg(rows));
}

void Notices::about(QWidget *parent, const ContentSet &content)
{
    open(parent, QMessageBox::Information, QStringLiteral("About K8s Flashcards"),
         QStringLiteral("<h3>K8s Flashcards %1</h3>"
                        "<p>Learn how a Kubernetes cluster is built and secured, on its architecture "
                        "diagram.</p>"
                        "<p>%2 cards in %3 decks. Code: GPL-3.0-or-later. Deck text: CC BY 4.0, based on "
                        "the Kubernetes documentation (kubernetes.io, CC BY 4.0).</p>"
                        "<p>Built with Qt %4 (LGPL/GPL), Qt Charts (GPL), yaml-cpp (MIT) and SQLite "
                        "(public domain). Scheduling: FSRS-6.</p>")
             .arg(QStringLiteral(K8SFC_VERSION))
             .arg(content.cardCount())
             .arg(content.decks().size())
             .arg(QLatin1String(qVersion())));
}

} // namespace k8sfc
