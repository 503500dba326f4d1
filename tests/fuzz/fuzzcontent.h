#pragma once

// What the fuzz targets share: the input as Qt bytes and the small registry the loaders check
// ids against. Header-only, since each target is one translation unit.

#include "componentregistry.h"
#include "diagnostic.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace k8sfc::fuzz {

/// The fuzzer's bytes without a copy. Not NUL-terminated, on purpose: ASan then catches a loader
/// that reads past the end.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// Enough of diagrams/components.yaml for the seed decks and diagrams to be valid, including a
/// part-of relation and a few arrows.
inline const ComponentRegistry &registry()
{
    static const ComponentRegistry instance = [] {
        ComponentRegistry r;
        r.setFileName(QStringLiteral("diagrams/components.yaml"));
        r.addPlane({QStringLiteral("control-plane"), QStringLiteral("Control plane")});
        for (const char *id : {"kube-apiserver", "etcd", "kube-scheduler", "kube-controller-manager", "kubelet",
                               "kube-proxy", "container-runtime", "cni-plugin", "pod", "kubectl", "coredns",
                               "cloud-controller-manager", "cloud-provider-api"})
            r.addComponent({QString::fromLatin1(id), QString::fromLatin1(id), QStringLiteral("control-plane"),
                            QStringLiteral("role")});
        for (const char *id : {"authentication", "authorization", "admission"})
            r.addComponent({QString::fromLatin1(id), QString::fromLatin1(id), QStringLiteral("control-plane"),
                            QStringLiteral("role"), QStringLiteral("kube-apiserver")});
        for (const char *id : {"arrow.kubelet--kube-apiserver", "arrow.kube-apiserver--etcd",
                               "arrow.kubectl--kube-apiserver", "arrow.kube-apiserver--kubelet"})
            r.addArrow({QString::fromLatin1(id), QStringLiteral("connection"), QStringLiteral("role")});
        return r;
    }();
    return instance;
}

/// Traps when yaml-cpp's own recursion guard fired (its only message is "bad file"): the nesting
/// scan in YamlReader::parse must have stopped the input first, so it under-counted.
inline void requireNestingCaughtFirst(const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics)
        if (d.message.endsWith(QLatin1String(": bad file")))
            __builtin_trap();
}

} // namespace k8sfc::fuzz
