#include "theme.h"

#include <QString>

#include <algorithm>

namespace k8sfc::theme {

QColor hoverOutline()
{
    return QColor(0xE0, 0x6C, 0x00);
}
QColor hoverFill()
{
    return QColor(0xFF, 0xB0, 0x3B, 46);
}
QColor selectionOutline()
{
    return QColor(0xC2, 0x18, 0x5B);
}
QColor focusOutline()
{
    return QColor(0x11, 0x18, 0x27);
}

int masteryClass(double mastery)
{
    return std::clamp(int(mastery * kMasteryClasses), 0, kMasteryClasses - 1);
}

QColor masteryColour(int masteryClass)
{
    static const QColor scale[kMasteryClasses] = {QColor(0xD7, 0x19, 0x1C), QColor(0xFD, 0xAE, 0x61),
                                                  QColor(0xFF, 0xFF, 0xBF), QColor(0xAB, 0xD9, 0xE9),
                                                  QColor(0x2C, 0x7B, 0xB6)};
    return scale[std::clamp(masteryClass, 0, kMasteryClasses - 1)];
}

QString masteryClassLabel(int masteryClass)
{
    const int step = 100 / kMasteryClasses;
    if (masteryClass <= 0)
        return QStringLiteral("under %1%").arg(step);
    if (masteryClass >= kMasteryClasses - 1)
        return QStringLiteral("%1% and more").arg(step * masteryClass);
    return QStringLiteral("%1–%2%").arg(step * masteryClass).arg(step * (masteryClass + 1));
}

QColor unseenColour()
{
    return QColor(0x8A, 0x92, 0xA0);
}

} // namespace k8sfc::theme
