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

/// One entry of the registry's `arrows:` section: what a drawn arrow stands for. Keyed by the
/// arrow id without copy suffixes, so one entry serves every copy (`arrow.kubelet--kube-apiserver`
/// for `arrow.kubelet.node-a--kube-apiserver` and node-b's).
struct ArrowRole
{
    QString id;   ///< `arrow.FROM--TO`, components only
    QString kind; ///< one of arrowKinds()
    QString role; ///< one line: protocol, port, what flows, the credentials on each side
    int line = 0;
    int column = 0;
};

/// The values of an arrow's `kind`: a network connection opened by its source, a step of a
/// pipeline inside one process, or an API object naming another (a RoleBinding's roleRef).
inline QStringList arrowKinds()
{
    return {QStringLiteral("connection"), QStringLiteral("stage"), QStringLiteral("reference")};
}

/// The arrow id without copy suffixes (`arrow.kubelet.node-a--kube-apiserver` →
/// `arrow.kubelet--kube-apiserver`); empty for anything that is not an arrow id.
QString arrowBaseId(const QString &arrowId);

/// The components and planes every diagram and deck refers to, with their sub-part relations.
class ComponentRegistry
{
public:
    void addPlane(const Plane &plane);
    void addComponent(const Component &component);
    void addArrow(const ArrowRole &arrow);

    bool contains(const QString &id) const { return m_index.contains(id); }
    const Component *component(const QString &id) const;
    const Plane *plane(const QString &id) const;
    const QList<Component> &components() const { return m_components; }
    const QList<Plane> &planes() const { return m_planes; }
    const QList<ArrowRole> &arrows() const { return m_arrows; }
    /// The entry for a drawn arrow id, with or without copy suffixes; null when there is none.
    const ArrowRole *arrow(const QString &arrowId) const;
    /// "kubelet → kube-apiserver": the registry names of an arrow's ends; empty for a non-arrow.
    QString arrowTitle(const QString &arrowId) const;
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
    QList<ArrowRole> m_arrows;
    QHash<QString, qsizetype> m_arrowIndex;
};

} // namespace k8sfc
