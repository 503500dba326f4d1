#pragma once

#include "content.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace k8sfc {

class CardTextView;
class CardFilterProxy;
class CardTableModel;
class MasteryStore;

/// Every card in one table: search, filter by deck, component, tag and state, sort by due date,
/// lapses or difficulty; suspend, flag and reset. The selected card's text and history show below.
class CardBrowser : public QWidget
{
    Q_OBJECT
public:
    CardBrowser(ContentSnapshot content, MasteryStore &store, QWidget *parent = nullptr);
    /// New content: the table, the filters' choices and the shown card follow it.
    void setContent(ContentSnapshot content);

    CardTableModel *model() const { return m_model; }
    CardFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchBox() const { return m_search; }
    QPushButton *suspendButton() const { return m_suspend; }
    /// The card shown in the detail pane, or empty.
    QString currentCardId() const;
    void selectCard(const QString &cardId);
    void setComponentFilter(const QString &componentId);

    void toggleSuspend();
    void setFlag(int flag);
    /// Resets after asking (`confirm` false skips the question, for tests).
    void resetCurrent(bool confirm = true);

signals:
    /// The learner changed a card's state here (the main window refreshes what depends on it).
    void cardChanged(const QString &cardId);
    /// "Show on diagram": open this card on its component.
    void showOnDiagram(const QString &cardId);

public slots:
    void reloadCard(const QString &cardId);

private:
    void buildTable();
    /// The action buttons above the detail pane, and the pane itself.
    QWidget *buildDetailSide();
    QWidget *buildFilters();
    /// Keeps the "N of M cards" label in step with the filter.
    void connectCount();
    void fillFilters();
    void showDetail();
    QString historyHtml(const QString &cardId) const;

    ContentSnapshot m_content;
    MasteryStore &m_store;
    CardTableModel *m_model;
    CardFilterProxy *m_proxy;
    QLineEdit *m_search = nullptr;
    QComboBox *m_deck = nullptr;
    QComboBox *m_component = nullptr;
    QComboBox *m_tag = nullptr;
    QComboBox *m_state = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    CardTextView *m_detail = nullptr;
    QPushButton *m_suspend = nullptr;
    QPushButton *m_flag = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_locate = nullptr;
};

} // namespace k8sfc
