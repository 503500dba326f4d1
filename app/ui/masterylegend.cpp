#include "masterylegend.h"

#include "theme.h"

#include <QPainter>

namespace k8sfc {

namespace {
constexpr int kPad = 10;
constexpr int kSwatch = 18;
constexpr int kGap = 18;
constexpr int kCoverage = -2; // the swatch that shows the coverage bar
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
                                            "Grey hatching: not studied yet.")
                                 .arg(classes.join(QStringLiteral(", "))));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QSize MasteryLegend::sizeHint() const
{
    const QFontMetrics fm(font());
    int width = kPad + fm.horizontalAdvance(title()) + kGap;
    for (int i = 0; i < theme::kMasteryClasses; ++i)
        width += kSwatch + 6 + fm.horizontalAdvance(theme::masteryClassLabel(i)) + kGap;
    width += kSwatch + 6 + fm.horizontalAdvance(unseenLabel()) + kGap;
    width += kSwatch + 6 + fm.horizontalAdvance(coverageLabel()) + kPad;
    return QSize(width, std::max(kSwatch, fm.height()) + 2 * 6);
}

QString MasteryLegend::title()
{
    return QStringLiteral("Recall of the cards seen:");
}

QString MasteryLegend::coverageLabel()
{
    return QStringLiteral("bar: share of cards seen");
}

QString MasteryLegend::unseenLabel()
{
    return QStringLiteral("not studied yet");
}

void MasteryLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), QColor(0xF6, 0xF7, 0xF9));
    const QFontMetrics fm(font());
    const QColor text(0x1B, 0x24, 0x33);
    int x = kPad;
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(text);
    p.drawText(QRect(x, 0, width(), height()), Qt::AlignVCenter, title());
    x += QFontMetrics(bold).horizontalAdvance(title()) + kGap;
    p.setFont(font());
    auto item = [&](const QString &label, int masteryClass) {
        const QRect swatch(x, (height() - kSwatch) / 2, kSwatch, kSwatch);
        p.setPen(QPen(QColor(0x6B, 0x72, 0x80), 1));
        if (masteryClass == kCoverage) {
            p.setBrush(QColor(0xFF, 0xFF, 0xFF));
            p.drawRoundedRect(swatch, 3, 3);
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0x37, 0x41, 0x51));
            p.drawRect(QRect(swatch.left() + 2, swatch.bottom() - 5, swatch.width() / 2, 4));
            p.setBrush(Qt::NoBrush);
        } else if (masteryClass < 0) {
            p.setBrush(QColor(0xE4, 0xE6, 0xEA));
            p.drawRoundedRect(swatch, 3, 3);
            p.setBrush(QBrush(theme::unseenColour(), Qt::BDiagPattern));
        } else {
            p.setBrush(theme::masteryColour(masteryClass));
        }
        p.drawRoundedRect(swatch, 3, 3);
        p.setPen(text);
        x = swatch.right() + 7;
        p.drawText(QRect(x, 0, width(), height()), Qt::AlignVCenter, label);
        x += fm.horizontalAdvance(label) + kGap;
    };
    for (int i = 0; i < theme::kMasteryClasses; ++i)
        item(theme::masteryClassLabel(i), i);
    item(unseenLabel(), -1);
    item(coverageLabel(), kCoverage);
}

} // namespace k8sfc
