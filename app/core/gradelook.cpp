#include "gradelook.h"

#include <algorithm>

namespace k8sfc {

QString gradeName(Rating rating)
{
    static const char *const names[] = {"Again", "Hard", "Good", "Easy"};
    return QString::fromLatin1(names[std::clamp(int(rating), 1, 4) - 1]);
}

} // namespace k8sfc
