#include "mastery.h"

#include "masterymodel.h"

#include <algorithm>
#include <cmath>

namespace k8sfc {

QHash<QString, ComponentMastery> MasteryCalculator::compute(const ContentSet &content,
                                                            const QHash<QString, CardProgress> &progress,
                                                            const QDateTime &now, const RecallFunction &recall)
{
    // One implementation of the sums: the incremental model, rebuilt once.
    MasteryModel model;
    model.rebuild(content, progress, now, recall);
    return model.result();
}

} // namespace k8sfc
