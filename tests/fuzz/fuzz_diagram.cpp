// libFuzzer target: DiagramLoader (QXmlStreamReader, the id grammar, connector paths) on arbitrary
// bytes, against a small registry.
#include "diagramloader.h"
#include "fuzzcontent.h"

#include <cmath>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    k8sfc::Diagnostics diagnostics;
    const auto diagram = k8sfc::DiagramLoader::load(
        k8sfc::fuzz::bytes(data, size), QStringLiteral("diagrams/cluster.svg"), &k8sfc::fuzz::registry(), diagnostics);
    // The presentation draws and animates along the connectors: a point that is not a finite
    // number would reach QPainter and the scene's index.
    if (diagram) {
        for (const k8sfc::DiagramElement &element : diagram->elements)
            for (const QPointF &point : element.polyline)
                if (!std::isfinite(point.x()) || !std::isfinite(point.y()))
                    __builtin_trap();
        // The copy Qt SVG draws must read back as itself: a copy that changed again would be a
        // reference the sanitiser let through or made.
        k8sfc::Diagnostics again;
        const auto reread = k8sfc::DiagramLoader::load(diagram->svg, QStringLiteral("diagrams/cluster.svg"),
                                                       &k8sfc::fuzz::registry(), again);
        if (!reread || reread->svg != diagram->svg)
            __builtin_trap();
    }
    return 0;
}
