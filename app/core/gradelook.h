#pragma once

#include "review.h"

#include <QString>

namespace k8sfc {

/// "Again", "Hard", "Good", "Easy": the names every front end shows. Their colours are the ui's
/// (theme::gradeColour).
QString gradeName(Rating rating);

} // namespace k8sfc
