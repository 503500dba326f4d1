#pragma once

#include "diagnostic.h"
#include "walkthrough.h"

#include <QByteArray>
#include <optional>

namespace k8sfc {

struct Diagram;

/// Reads one walkthrough file and checks it against the diagram it names (found in `diagrams` by
/// id): every component, copy and arrow it lights is drawn there.
class WalkthroughLoader
{
public:
    static std::optional<Walkthrough> load(const QByteArray &text, const QString &fileName,
                                           const QList<Diagram> &diagrams, Diagnostics &diagnostics);
    static std::optional<Walkthrough> loadFile(const QString &path, const QList<Diagram> &diagrams,
                                               Diagnostics &diagnostics);
};

} // namespace k8sfc
