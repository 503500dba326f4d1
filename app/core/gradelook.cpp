#include "gradelook.h"

#include <QStringList>

#include <algorithm>

namespace k8sfc {

QString gradeName(Rating rating)
{
    static const char *const names[] = {"Again", "Hard", "Good", "Easy"};
    return QString::fromLatin1(names[std::clamp(int(rating), 1, 4) - 1]);
}

QString gradeColour(Rating rating)
{
    static const char *const colours[] = {"#D55E00", "#B07800", "#009E73", "#0072B2"};
    return QString::fromLatin1(colours[std::clamp(int(rating), 1, 4) - 1]);
}

QString gradeChipsHtml(const QList<Rating> &ratings)
{
    QStringList chips;
    for (Rating r : ratings)
        chips.append(
            QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>").arg(gradeColour(r), gradeName(r)));
    return chips.join(QStringLiteral(", "));
}

} // namespace k8sfc
