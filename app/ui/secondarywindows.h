#pragma once

#include "content.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace k8sfc {

class CardBrowser;
class Grader;
class MasteryStore;
class PresentationWindow;

/// The main window's secondary windows: the card browser, Statistics (from its plugin) and the
/// presentation. Each is made on first use, closes (and deletes itself) on its own, and follows
/// new content and changed cards while it is open.
class SecondaryWindows : public QObject
{
    Q_OBJECT
public:
    SecondaryWindows(QWidget *owner, ContentSnapshot content, MasteryStore &store, Grader &grader);
    ~SecondaryWindows() override;

    void setContent(ContentSnapshot content);
    /// A card's state changed (empty: many did): Statistics and the browser's card catch up.
    void cardChanged(const QString &cardId);
    /// The whole store changed underneath (a restore, another learner): the browser reads it again.
    void progressReplaced();
    void showStatistics();
    /// Shows the browser, filtered to `component` when one is given.
    void showBrowser(const QString &component);
    /// Presents `walkthrough` (null: the diagram alone), replacing a presentation already open.
    void present(const Walkthrough *walkthrough, bool inWindow);
    void closeAll();

    QWidget *statistics() const { return m_statistics.data(); }
    CardBrowser *browser() const { return m_browser.data(); }
    PresentationWindow *presentation() const { return m_presentation.data(); }

signals:
    /// The learner changed a card in the browser.
    void browserChangedCard(const QString &cardId);
    /// The browser's "Show on diagram".
    void showOnDiagram(const QString &cardId);
    /// A new browser window, for the main window's card actions to join.
    void browserOpened(k8sfc::CardBrowser *browser);

private:
    QWidget *m_owner;
    ContentSnapshot m_content;
    MasteryStore &m_store;
    Grader &m_grader;
    QPointer<QWidget> m_statistics;
    QPointer<CardBrowser> m_browser;
    QPointer<PresentationWindow> m_presentation;
};

} // namespace k8sfc
