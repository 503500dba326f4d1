#pragma once

#include "componentregistry.h"
#include "diagnostic.h"

#include <QByteArray>

namespace k8sfc {

/// Reads diagrams/components.yaml. Returns what could be read; problems go to `diagnostics`.
class RegistryLoader
{
public:
    static ComponentRegistry load(const QByteArray &text, const QString &fileName, Diagnostics &diagnostics);
    static ComponentRegistry loadFile(const QString &path, Diagnostics &diagnostics);
};

/// True for lowercase words joined by single hyphens: `kube-apiserver`, `node-a`.
bool isValidName(const QString &name);

} // namespace k8sfc
