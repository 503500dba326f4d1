#include "masterylegend.h"

#include "theme.h"

#include <QPainter>

#include <algorithm>
#include <limits>

namespace k8sfc {

namespace {
constexpr int kPad = 10;
constexpr int kSwatch = 18;
constexpr int kGap = 14;
constexpr int kUnseen = -1;   // the hatched swatch of components not studied yet
constexpr int kCoverage = -2; // the swatch that shows the coverage bar
constexpr int kTitle = -3;
/// "under 20%" → "<20%", "80% and more" → "80%+": the strip fits on one row of a 1280-pixel
/// screen at 130 % text (the accessible description keeps the words).
QString compact(QString label)
{
    if (label.startsWith(QLatin1String("under ")))
        label = u'<' + label.mid(6);
    if (label.endsWith(QLatin1String(" and more")))
        label = label.chopped(9) + u'+';
    return label;
}

} // namespace

MasteryLegend::MasteryLegend(QWidget *parent) : QWidget(parent)
{
    QStringList classes;
    for (int i = 0; i < theme::kMasteryClasses; ++i)
        classes.append(theme::masteryClassLabel(i));
    setAccessibleName(QStringLiteral("Mastery legend"));
    setAccessibleDescription(QStringLiteral("Colours show the predicted recall now of the cards seen, from red (weak) "
                                            "to blue (strong): %1. The bar along each box's foot shows coverage: "
                                            "the share of its cards seen at least once. "
                                            "Grey hatching, or a dashed grey arrow: not studied yet.")
                                 .arg(classes.join(QStringLiteral(", "))));
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QList<MasteryLegend::Entry> MasteryLegend::entries() const
{
    QList<Entry> out{{title(), kTitle}};
    for (int i = 0; i < theme::kMasteryClasses; ++i)
        out.append({compact(theme::masteryClassLabel(i)), i});
    out.append({unseenLabel(), kUnseen});
    out.append({coverageLabel(), kCoverage});
    return out;
}

int MasteryLegend::rowHeight() const
{
    return std::max(kSwatch, QFontMetrics(font()).height()) + 2 * 6;
}

QList<QRect> MasteryLegend::itemRects(int width) const
{
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(font());
    const QFontMetrics boldFm(bold);
    QList<QRect> rects;
    int x = kPad;
    int y = 0;
    for (const Entry &e : entries()) {
        const int w =
            e.kind == kTitle ? boldFm.horizontalAdvance(e.label) : kSwatch + 7 + fm.horizontalAdvance(e.label);
        if (x > kPad && x + w > width - kPad) { // wrap, rather than cut an entry off
            x = kPad;
            y += rowHeight();
        }
        rects.append(QRect(x, y, w, rowHeight()));
        x += w + kGap;
    }
    return rects;
}

QSize MasteryLegend::sizeHint() const
{
    const QRect last = itemRects(std::numeric_limits<int>::max() / 2).constLast();
    return QSize(last.right() + kPad, rowHeight());
}

int MasteryLegend::heightForWidth(int width) const
{
    return itemRects(width).constLast().bottom() + 1;
}

QString MasteryLegend::title()
{
    return QStringLiteral("Recall:");
}

QString MasteryLegend::coverageLabel()
{
    return QStringLiteral("bar: cards seen");
}

QString MasteryLegend::unseenLabel()
{
    return QStringLiteral("not studied");
}

void MasteryLegend::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // The layout above gives a fixed-height strip its size hint's height; wrapped rows need more.
    const int rows = heightForWidth(width());
    if (height() != rows)
        setFixedHeight(rows);
}

void MasteryLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), QColor(0xF6, 0xF7, 0xF9));
    const QColor text(0x1B, 0x24, 0x33);
    const QList<Entry> all = entries();
    const QList<QRect> rects = itemRects(width());
    for (qsizetype i = 0; i < all.size(); ++i) {
        const Entry &e = all.at(i);
        const QRect r = rects.at(i);
        QFont f = font();
        f.setBold(e.kind == kTitle);
        p.setFont(f);
        if (e.kind == kTitle) {
            p.setPen(text);
            p.drawText(r, Qt::AlignVCenter, e.label);
            continue;
        }
        const QRect swatch(r.left(), r.top() + (r.height() - kSwatch) / 2, kSwatch, kSwatch);
        p.setPen(QPen(QColor(0x6B, 0x72, 0x80), 1));
        if (e.kind == kCoverage) {
            p.setBrush(QColor(0xFF, 0xFF, 0xFF));
            p.drawRoundedRect(swatch, 3, 3);
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0x37, 0x41, 0x51));
            p.drawRect(QRect(swatch.left() + 2, swatch.bottom() - 5, swatch.width() / 2, 4));
            p.setBrush(Qt::NoBrush);
        } else if (e.kind == kUnseen) {
            // Dashed, as a box or an arrow not studied is drawn: a dashed line on the diagram's own
            // legend ("logs, exec") keeps its meaning beside it.
            p.setBrush(QColor(0xE4, 0xE6, 0xEA));
            p.drawRoundedRect(swatch, 3, 3);
            p.setBrush(QBrush(theme::unseenColour(), Qt::BDiagPattern));
            p.setPen(QPen(QColor(0x4B, 0x52, 0x60), 1.5, Qt::DashLine));
        } else {
            p.setBrush(theme::masteryColour(e.kind));
        }
        p.drawRoundedRect(swatch, 3, 3);
        p.setPen(text);
        p.drawText(QRect(swatch.right() + 7, r.top(), r.right() - swatch.right() - 6, r.height()), Qt::AlignVCenter,
                   e.label);
    }
}

} // namespace k8sfc
