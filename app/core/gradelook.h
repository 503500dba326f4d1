#pragma once

#include "review.h"

#include <QList>
#include <QString>

namespace k8sfc {

/// Names and colours of the four grades (Okabe-Ito hues: told apart with the common colour-vision
/// deficiencies), shared by the card pane, the review summary and the history.
QString gradeName(Rating rating);
/// "#D55E00" etc., for rich text and style sheets.
QString gradeColour(Rating rating);
/// "Again, Good, Good" as coloured rich text.
QString gradeChipsHtml(const QList<Rating> &ratings);

} // namespace k8sfc
