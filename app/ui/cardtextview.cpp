#include "cardtextview.h"

#include "cardtext.h"

#include <QDesktopServices>
#include <QEvent>

namespace k8sfc {

CardTextView::CardTextView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    // QTextBrowser would otherwise load a relative or file: link into the view itself.
    connect(this, &QTextBrowser::anchorClicked, this, [](const QUrl &url) {
        if (CardText::isWebLink(url))
            QDesktopServices::openUrl(url);
    });
    showDocument(CardText::document(QString(), QString(), font()));
}

void CardTextView::showMarkdown(const QString &markdown, const QString &contentFile)
{
    showDocument(CardText::document(markdown, contentFile, document()->defaultFont()));
}

void CardTextView::showDocument(std::unique_ptr<QTextDocument> document)
{
    QTextDocument *old = this->document();
    document->setDefaultFont(old->defaultFont());
    document->setDocumentMargin(old->documentMargin());
    document->setParent(this);
    CardText::applyPalette(document.get(), palette());
    // The view deletes a document only it made (the first one); the others are this view's.
    const bool ours = old->parent() == this;
    setDocument(document.release());
    if (ours)
        delete old;
}

void CardTextView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        CardText::applyPalette(document(), palette());
    QTextBrowser::changeEvent(event);
}

QVariant CardTextView::loadResource(int, const QUrl &)
{
    return {};
}

} // namespace k8sfc
