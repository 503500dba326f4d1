#include "theme.h"

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

} // namespace k8sfc::theme
