// libFuzzer target: WalkthroughLoader on arbitrary bytes, against a small diagram named "cluster"
// like the bundled one, so that the seed walkthroughs resolve it.
#include "diagramloader.h"
#include "fuzzcontent.h"
#include "walkthroughloader.h"

#include <cstdlib>

namespace {

const QList<k8sfc::Diagram> &diagrams()
{
    static const QList<k8sfc::Diagram> instance = [] {
        const QByteArray svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 100\">\n"
            "<g id=\"kubectl\"/><g id=\"kube-apiserver\"><g id=\"authentication\"/>"
            "<g id=\"authorization\"/><g id=\"admission\"/></g><g id=\"etcd\"/>\n"
            "<g id=\"kube-scheduler\"/><g id=\"kube-controller-manager\"/>\n"
            "<g id=\"group.node-a\"><g id=\"kubelet.node-a\"/><g id=\"pod.node-a\"/></g>\n"
            "<g id=\"kubelet.node-b\"/>\n"
            "<g id=\"arrow.kubectl--kube-apiserver\"><path class=\"line\" d=\"M10 10 L50 10\"/></g>\n"
            "<g id=\"arrow.kube-apiserver--etcd\"><path d=\"M50 10 H90\"/></g>\n"
            "<g id=\"arrow.kube-apiserver--kubelet.node-a\"><path d=\"M50 10 V90 h10\"/></g>\n"
            "<g id=\"arrow.kube-controller-manager--kube-apiserver\"><path d=\"M0 0 L5 5\"/></g>\n"
            "</svg>\n";
        k8sfc::Diagnostics diagnostics;
        const auto diagram = k8sfc::DiagramLoader::load(svg, QStringLiteral("diagrams/cluster.svg"),
                                                        &k8sfc::fuzz::registry(), diagnostics);
        if (!diagram || !diagnostics.isEmpty())
            std::abort(); // the harness itself is wrong
        return QList<k8sfc::Diagram>{*diagram};
    }();
    return instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    k8sfc::Diagnostics diagnostics;
    k8sfc::WalkthroughLoader::load(k8sfc::fuzz::bytes(data, size), QStringLiteral("walkthroughs/fuzz-tour.yaml"),
                                   diagrams(), diagnostics);
    k8sfc::fuzz::requireNestingCaughtFirst(diagnostics);
    return 0;
}
