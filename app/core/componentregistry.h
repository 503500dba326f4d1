#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace k8sfc {

struct Plane
{
    QString id;
    QString name;
};

/// One entry of diagrams/components.yaml.
struct Component
{
    QString id;
    QString name;
    QString planeId;
    QString role;
    QString partOf; ///< parent component id for a sub-part (admission in kube-apiserver), else empty
    int line = 0;   ///< where the entry starts in the registry file, for diagnostics
    int column = 0;
};

/// The components and planes every diagram and deck refers to, with their sub-part relations.
class ComponentRegistry
{
public:
    void addPlane(const Plane &plane);
    void addComponent(const Component &component);

    bool contains(const QString &id) const { return m_index.contains(id); }
    const Component *component(const QString &id) const;
    const Plane *plane(const QString &id) const;
    const QList<Component> &components() const { return m_components; }
    const QList<Plane> &planes() const { return m_planes; }
    /// Direct sub-parts of `id`, in registry order.
    QStringList partsOf(const QString &id) const;
    /// `id` followed by all of its sub-parts, recursively.
    QStringList withParts(const QString &id) const;
    QString fileName() const { return m_fileName; }
    void setFileName(const QString &name) { m_fileName = name; }

private:
    QString m_fileName;
    QList<Plane> m_planes;
    QList<Component> m_components;
    QHash<QString, qsizetype> m_index;
};

} // namespace k8sfc
