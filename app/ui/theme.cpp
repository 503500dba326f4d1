#include "theme.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QString>
#include <QStyle>

#include <algorithm>
#include <cmath>
#include <utility>

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
    return QColor(0x10, 0x12, 0x1C);
}
QColor selectionLining()
{
    return Qt::white;
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

QColor masteryFill(int masteryClass)
{
    if (masteryClass < 0)
        return QColor(0xEC, 0xEE, 0xF1);
    return mix(masteryColour(masteryClass), Qt::white, 0.55);
}

QColor masteryBorder(int masteryClass)
{
    // The pale bands' own colours vanish on the page: they are darkened until they stand out.
    return readable(masteryClass < 0 ? unseenColour() : masteryColour(masteryClass), Qt::white, 3.0);
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

QPalette captionPalette()
{
    QPalette p = palette(QStringLiteral("dark"));
    p.setColor(QPalette::Base, QColor(0x10, 0x15, 0x1D));
    p.setColor(QPalette::Text, Qt::white);
    return p;
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor mix(const QColor &from, const QColor &to, double amount)
{
    const auto blend = [amount](double a, double b) { return a + (b - a) * amount; };
    return QColor::fromRgbF(float(blend(from.redF(), to.redF())), float(blend(from.greenF(), to.greenF())),
                            float(blend(from.blueF(), to.blueF())));
}

QColor readable(const QColor &colour, const QColor &background, double ratio)
{
    // Toward black on a light background, toward white on a dark one: the hue stays as long as it can.
    const QColor end = contrastRatio(background, Qt::black) >= contrastRatio(background, Qt::white) ? QColor(Qt::black)
                                                                                                    : QColor(Qt::white);
    for (int step = 0; step <= 20; ++step)
        if (const QColor c = mix(colour, end, step / 20.0); contrastRatio(c, background) >= ratio)
            return c;
    return end;
}

namespace {

/// Disabled text half-way to its background, kept at 3:1 (readable, yet plainly not enabled).
void addDisabledGroup(QPalette &p)
{
    const std::pair<QPalette::ColorRole, QPalette::ColorRole> pairs[] = {{QPalette::WindowText, QPalette::Window},
                                                                         {QPalette::Text, QPalette::Base},
                                                                         {QPalette::ButtonText, QPalette::Button}};
    const QColor window = p.color(QPalette::Active, QPalette::Window);
    for (const auto &[text, background] : pairs) {
        const QColor back = p.color(QPalette::Active, background);
        // A tool button's text lies on the window, a push button's on the button colour.
        const QColor dim = readable(mix(p.color(QPalette::Active, text), back, 0.5), back, 3.0);
        p.setColor(QPalette::Disabled, text, readable(dim, window, 3.0));
        p.setColor(QPalette::Disabled, background, back);
    }
    p.setColor(QPalette::Disabled, QPalette::Base, p.color(QPalette::Active, QPalette::Window));
    p.setColor(QPalette::Disabled, QPalette::Link, p.color(QPalette::Disabled, QPalette::Text));
}

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
    p.setColor(QPalette::LinkVisited, QColor(0x6B, 0x3F, 0xA8));
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
    p.setColor(QPalette::LinkVisited, QColor(0xC5, 0x8A, 0xF9));
    p.setColor(QPalette::PlaceholderText, QColor(0x9A, 0xA0, 0xA6));
    return p;
}

// High contrast for a projector's washed-out image: pure white, near-black, strong blue.
QPalette projectorPalette()
{
    QPalette p = lightPalette();
    const QColor ink(0x0A, 0x0E, 0x14);
    p.setColor(QPalette::Window, Qt::white);
    p.setColor(QPalette::WindowText, ink);
    p.setColor(QPalette::Text, ink);
    p.setColor(QPalette::ButtonText, ink);
    p.setColor(QPalette::ToolTipText, ink);
    p.setColor(QPalette::Button, QColor(0xE2, 0xE6, 0xEC));
    p.setColor(QPalette::Highlight, QColor(0x0B, 0x4F, 0xB3));
    p.setColor(QPalette::Link, QColor(0x0B, 0x4F, 0xB3));
    p.setColor(QPalette::PlaceholderText, QColor(0x4B, 0x52, 0x5E));
    return p;
}

} // namespace

QPalette palette(const QString &theme)
{
    QPalette p = theme == QLatin1String("dark")        ? darkPalette()
                 : theme == QLatin1String("projector") ? projectorPalette()
                                                       : lightPalette();
    addDisabledGroup(p);
    return p;
}

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
        QApplication::setPalette(palette(appearance.theme));
    }
    QApplication::setFont(font);
}

bool isDark()
{
    return QApplication::palette().color(QPalette::Window).lightnessF() < 0.5;
}

} // namespace k8sfc::theme
