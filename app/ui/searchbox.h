#pragma once

#include <QLineEdit>

class QCompleter;
class QStandardItemModel;

namespace k8sfc {

class ContentSet;

/// Ctrl+F: find a card by any words of its question, answer or tags, and jump to it on the
/// diagram. Suggestions list matching questions as you type.
class SearchBox : public QLineEdit
{
    Q_OBJECT
public:
    explicit SearchBox(const ContentSet &content, QWidget *parent = nullptr);
    /// Rebuilds the suggestions (after the content reloaded).
    void refresh();
    /// Card ids whose text has every word of `text`, in deck order.
    QStringList matches(const QString &text) const;

signals:
    void cardChosen(const QString &cardId);

private:
    void update(const QString &text);

    const ContentSet &m_content;
    QCompleter *m_completer;
    QStandardItemModel *m_model;
};

} // namespace k8sfc
