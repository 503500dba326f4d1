#pragma once

#include <QTextBrowser>

#include <memory>

namespace k8sfc {

/// A read-only view of card text (CardText). It never navigates: a click on an http(s) link opens
/// it in the web browser, and a click on anything else does nothing.
class CardTextView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit CardTextView(QWidget *parent = nullptr);

    /// Shows `markdown`, its pictures from the media/ folder beside `contentFile`.
    void showMarkdown(const QString &markdown, const QString &contentFile);
    /// Shows a document made by CardText::document(), in this view's font, margin and colours.
    void showDocument(std::unique_ptr<QTextDocument> document);

protected:
    /// A new theme recolours the shown text's links and code.
    void changeEvent(QEvent *event) override;
    /// Nothing: what the view shows was read when its document was made.
    QVariant loadResource(int type, const QUrl &name) override;
};

} // namespace k8sfc
