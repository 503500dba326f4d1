#include "theme.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QString>
#include <QStyle>

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

QColor gradeColour(Rating rating)
{
    static const QColor colours[] = {QColor(0xD5, 0x5E, 0x00), QColor(0xB0, 0x78, 0x00), QColor(0x00, 0x9E, 0x73),
                                     QColor(0x00, 0x72, 0xB2)};
    return colours[std::clamp(int(rating), 1, 4) - 1];
}

QColor answerRight()
{
    return QColor(0x00, 0x72, 0xB2);
}
QColor answerWrong()
{
    return QColor(0xD5, 0x5E, 0x00);
}

Appearance Appearance::load()
{
    const Settings s;
    Appearance a;
    a.theme = s.value(setting::theme);
    a.fontScale = std::clamp(s.value(setting::fontScale), 0.8, 2.0);
    return a;
}

void Appearance::save() const
{
    const Settings s;
    s.setValue(setting::theme, theme);
    s.setValue(setting::fontScale, fontScale);
}

namespace {

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xF4, 0xF5, 0xF7));
    p.setColor(QPalette::WindowText, QColor(0x1B, 0x24, 0x33));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xEE, 0xF0, 0xF3));
    p.setColor(QPalette::Text, QColor(0x1B, 0x24, 0x33));
    p.setColor(QPalette::Button, QColor(0xEC, 0xEE, 0xF1));
    p.setColor(QPalette::ButtonText, QColor(0x1B, 0x24, 0x33));
    p.setColor(QPalette::Highlight, QColor(0x2C, 0x6F, 0xD1));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0xFF, 0xFB, 0xE6));
    p.setColor(QPalette::ToolTipText, QColor(0x1B, 0x24, 0x33));
    p.setColor(QPalette::Link, QColor(0x1F, 0x5F, 0xBF));
    p.setColor(QPalette::PlaceholderText, QColor(0x6B, 0x72, 0x80));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x1E, 0x22, 0x29));
    p.setColor(QPalette::WindowText, QColor(0xE8, 0xEA, 0xED));
    p.setColor(QPalette::Base, QColor(0x16, 0x19, 0x1F));
    p.setColor(QPalette::AlternateBase, QColor(0x24, 0x29, 0x31));
    p.setColor(QPalette::Text, QColor(0xE8, 0xEA, 0xED));
    p.setColor(QPalette::Button, QColor(0x2A, 0x2F, 0x38));
    p.setColor(QPalette::ButtonText, QColor(0xE8, 0xEA, 0xED));
    p.setColor(QPalette::Highlight, QColor(0x4C, 0x8D, 0xF6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x2A, 0x2F, 0x38));
    p.setColor(QPalette::ToolTipText, QColor(0xE8, 0xEA, 0xED));
    p.setColor(QPalette::Link, QColor(0x8A, 0xB4, 0xF8));
    p.setColor(QPalette::PlaceholderText, QColor(0x9A, 0xA0, 0xA6));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x70, 0x76, 0x7E));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x70, 0x76, 0x7E));
    return p;
}

} // namespace

void applyAppearance(const Appearance &appearance)
{
    static const QPalette desktopPalette = QApplication::palette();
    static const QFont desktopFont = QApplication::font();
    static const QString desktopStyle = QApplication::style()->name();
    QFont font = desktopFont;
    double scale = appearance.fontScale;
    if (appearance.theme == QLatin1String("projector"))
        scale = std::max(scale, 1.35); // read from the back of the room
    font.setPointSizeF(desktopFont.pointSizeF() * scale);
    if (appearance.theme == QLatin1String("system")) {
        QApplication::setStyle(desktopStyle);
        QApplication::setPalette(desktopPalette);
    } else {
        // Fusion draws every widget from the palette, so a chosen palette shows everywhere.
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(appearance.theme == QLatin1String("dark") ? darkPalette() : lightPalette());
    }
    QApplication::setFont(font);
}

bool isDark()
{
    return QApplication::palette().color(QPalette::Window).lightnessF() < 0.5;
}

} // namespace k8sfc::theme
