#include "handoutcards.h"

#include "cardtext.h"
#include "content.h"
#include "elementid.h"
#include "theme.h"

#include <QAbstractTextDocumentLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextDocument>

namespace k8sfc {

namespace {

// As the card pane shows a revealed card, with the source the browser adds below it.
QString cardMarkdown(const Card &card)
{
    QString text = card.front + QStringLiteral("\n\n---\n\n") + card.back;
    if (!card.source.isEmpty())
        text += QStringLiteral("\n\nSource: <%1>").arg(card.source);
    return text;
}

/// Where the next card goes: a column of the current page, and how far down it.
struct Place
{
    int column = 0;
    qreal top = 0;
};

} // namespace

QList<const Card *> HandoutCards::select(const ContentSet &content, const Walkthrough &walkthrough)
{
    QList<const Card *> cards;
    auto take = [&cards](const Card *card) {
        if (!cards.contains(card))
            cards.append(card);
    };
    for (const WalkthroughStep &step : walkthrough.steps) {
        for (const QStringList *arrows : {&step.arrows, &step.reverseArrows})
            for (const QString &arrow : *arrows)
                for (const Card *card : content.cardsFor(arrow, false))
                    take(card);
        for (const QString &ref : step.components)
            for (const Card *card : content.cardsFor(ElementId::parseRef(ref).component, false))
                if (content.sourceRule(card->file) == SourceRule::Optional)
                    take(card);
    }
    return cards;
}

void HandoutCards::draw(QPainter &painter, QPagedPaintDevice &device, const QRectF &page, int resolution,
                        const QList<const Card *> &cards, const QString &title)
{
    if (cards.isEmpty())
        return;
    device.newPage();
    const qreal pointScale = resolution / 72.0; // documents lay out in points
    const qreal gap = resolution / 6.0;         // 12 pt
    const qreal columnWidth = (page.width() - gap) / 2;
    // Paper is white whatever the window's theme: dark-theme text would vanish on it.
    QAbstractTextDocumentLayout::PaintContext paper;
    paper.palette = theme::palette(QStringLiteral("light"));
    QFont body(QStringLiteral("DejaVu Sans"));
    body.setPointSizeF(10);
    auto layOut = [&](const QString &markdown, const QString &file, qreal width) {
        auto doc = CardText::document(markdown, file, body);
        CardText::applyPalette(doc.get(), paper.palette);
        doc->setTextWidth(width / pointScale);
        return doc;
    };
    auto drawAt = [&](QTextDocument &doc, const QPointF &at, qreal scale) {
        painter.save();
        painter.translate(at);
        painter.scale(scale, scale);
        doc.documentLayout()->draw(&painter, paper);
        painter.restore();
    };
    const auto heading = layOut(QStringLiteral("## Cards: %1").arg(title), QString(), page.width());
    drawAt(*heading, page.topLeft(), pointScale);
    const qreal firstTop = page.top() + heading->size().height() * pointScale;
    qreal pageTop = firstTop; // below the heading on the first page
    Place place{0, firstTop};
    for (const Card *card : cards) {
        const auto doc = layOut(cardMarkdown(*card), card->file, columnWidth);
        const qreal natural = doc->size().height() * pointScale;
        const qreal scale = pointScale * std::min(1.0, (page.bottom() - firstTop) / natural);
        const qreal height = doc->size().height() * scale;
        if (place.top + height > page.bottom() && place.top > pageTop) {
            if (place.column == 0) {
                place = Place{1, pageTop};
            } else {
                device.newPage();
                pageTop = page.top();
                place = Place{0, pageTop};
            }
        }
        const qreal left = page.left() + place.column * (columnWidth + gap);
        drawAt(*doc, QPointF(left, place.top), scale);
        place.top += height + gap / 2;
        painter.setPen(QPen(QColor(0xC8, 0xCD, 0xD6), resolution / 144.0));
        painter.drawLine(QPointF(left, place.top), QPointF(left + columnWidth, place.top));
        place.top += gap / 2;
    }
}

} // namespace k8sfc
