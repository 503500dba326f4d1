#pragma once

#include <QList>
#include <QRectF>

class QPagedPaintDevice;
class QPainter;

namespace k8sfc {

class ContentSet;
struct Card;
struct Walkthrough;

/// The cards that close a walkthrough's PDF handout, each drawn as the card pane shows it: front,
/// back and pictures, then its source. A handout keeps to what its walkthrough is about: the cards
/// on the arrows it lights, from every deck, and the learner's or teacher's own cards on its
/// components (the hundreds of bundled cards on those components would bury the steps).
class HandoutCards
{
public:
    /// The cards, in the order the walkthrough's steps reach what they are about, each once.
    static QList<const Card *> select(const ContentSet &content, const Walkthrough &walkthrough);
    /// Draws `cards` in two columns on new pages of `device` (the page rectangle `page` in pixels
    /// at `resolution` dots per inch), under a heading naming `title`. A card never splits across
    /// columns; one taller than a page is scaled down to fit. Nothing is drawn for no cards.
    static void draw(QPainter &painter, QPagedPaintDevice &device, const QRectF &page, int resolution,
                     const QList<const Card *> &cards, const QString &title);
};

} // namespace k8sfc
