#pragma once

#include "content.h"

#include <QLineEdit>

class QCompleter;
class QStandardItemModel;

namespace k8sfc {

/// Ctrl+F: find a card by any words of its question, answer or tags, and jump to it on the
/// diagram. Suggestions list matching questions as you type.
class SearchBox : public QLineEdit
{
    Q_OBJECT
public:
    explicit SearchBox(ContentSnapshot content, QWidget *parent = nullptr);
    /// New content: the suggestions are rebuilt from it.
    void setContent(ContentSnapshot content);
    /// Card ids whose text has every word of `text`, in deck order.
    QStringList matches(const QString &text) const;
    /// Wide enough for the placeholder beside the clear button, at any text size: the menu bar
    /// places its corner widget by its size hint.
    QSize sizeHint() const override;

signals:
    void cardChosen(const QString &cardId);

private:
    void update(const QString &text);

    ContentSnapshot m_content;
    QCompleter *m_completer;
    QStandardItemModel *m_model;
};

} // namespace k8sfc
