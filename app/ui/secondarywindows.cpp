#include "secondarywindows.h"

#include "cardbrowser.h"
#include "presentationwindow.h"
#include "statisticsloader.h"
#include "windowframe.h"

#include <QMessageBox>

namespace k8sfc {

SecondaryWindows::SecondaryWindows(QWidget *owner, ContentSnapshot content, MasteryStore &store, Grader &grader)
    : QObject(owner), m_owner(owner), m_content(std::move(content)), m_store(store), m_grader(grader)
{}

// The browser has no parent (see showBrowser), so it goes with the window here.
SecondaryWindows::~SecondaryWindows()
{
    delete m_browser.data();
}

void SecondaryWindows::setContent(ContentSnapshot content)
{
    m_content = std::move(content);
    if (m_browser)
        m_browser->setContent(m_content);
    if (m_presentation)
        m_presentation->setContent(m_content);
}

void SecondaryWindows::cardChanged(const QString &cardId)
{
    StatisticsLoader::refresh(m_statistics, *m_content, m_store, m_grader);
    if (m_browser && !cardId.isEmpty())
        m_browser->reloadCard(cardId);
}

void SecondaryWindows::progressReplaced()
{
    if (m_browser)
        m_browser->setContent(m_content);
}

void SecondaryWindows::showStatistics()
{
    if (!m_statistics) {
        QString error;
        m_statistics = StatisticsLoader::create(*m_content, m_store, m_grader, m_owner, &error);
        if (!m_statistics) {
            QMessageBox::warning(m_owner, QStringLiteral("Statistics"), error);
            return;
        }
        m_statistics->setAttribute(Qt::WA_DeleteOnClose);
        m_statistics->setWindowTitle(WindowFrame::title(QStringLiteral("Statistics")));
        WindowFrame::installCloseKeys(m_statistics);
    } else {
        StatisticsLoader::refresh(m_statistics, *m_content, m_store, m_grader);
    }
    WindowFrame::showSecondary(m_statistics, m_owner);
}

void SecondaryWindows::showBrowser(const QString &component)
{
    if (!m_browser) {
        // No parent: a child window stays above its parent, and "Show on diagram" must be able
        // to bring the main window in front of it.
        m_browser = new CardBrowser(m_content, m_store);
        m_browser->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_browser, &CardBrowser::cardChanged, this, &SecondaryWindows::browserChangedCard);
        connect(m_browser, &CardBrowser::showOnDiagram, this, &SecondaryWindows::showOnDiagram);
        emit browserOpened(m_browser);
    }
    if (!component.isEmpty())
        m_browser->setComponentFilter(component);
    WindowFrame::showSecondary(m_browser, m_owner);
}

void SecondaryWindows::present(const Walkthrough *walkthrough, bool inWindow)
{
    if (m_presentation)
        m_presentation->close();
    m_presentation = new PresentationWindow(m_content);
    m_presentation->present(walkthrough);
    m_presentation->showOnScreens(inWindow ? PresentationWindow::Framing::Window
                                           : PresentationWindow::Framing::FullScreen);
}

void SecondaryWindows::closeAll()
{
    for (QWidget *window :
         {m_statistics.data(), static_cast<QWidget *>(m_browser.data()), static_cast<QWidget *>(m_presentation.data())})
        if (window)
            window->close();
}

} // namespace k8sfc
