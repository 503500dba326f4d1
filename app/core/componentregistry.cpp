#include "componentregistry.h"

#include "elementid.h"

namespace k8sfc {

void ComponentRegistry::addPlane(const Plane &plane)
{
    m_planes.append(plane);
}

void ComponentRegistry::addComponent(const Component &component)
{
    m_index.insert(component.id, m_components.size());
    m_components.append(component);
}

void ComponentRegistry::addArrow(const ArrowRole &arrow)
{
    m_arrowIndex.insert(arrow.id, m_arrows.size());
    m_arrows.append(arrow);
}

QString arrowBaseId(const QString &arrowId)
{
    const ElementId parsed = ElementId::parse(arrowId);
    if (parsed.kind != ElementId::Kind::Arrow)
        return {};
    return ElementId::arrowId({parsed.from.component, {}}, {parsed.to.component, {}});
}

const ArrowRole *ComponentRegistry::arrow(const QString &arrowId) const
{
    const auto it = m_arrowIndex.constFind(arrowBaseId(arrowId));
    return it == m_arrowIndex.cend() ? nullptr : &m_arrows.at(*it);
}

QString ComponentRegistry::arrowTitle(const QString &arrowId) const
{
    const ElementId parsed = ElementId::parse(arrowId);
    if (parsed.kind != ElementId::Kind::Arrow)
        return {};
    auto name = [this](const QString &id) {
        const Component *c = component(id);
        return c ? c->name : id;
    };
    return name(parsed.from.component) + QStringLiteral(" → ") + name(parsed.to.component);
}

const Component *ComponentRegistry::component(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_components.at(*it);
}

const Plane *ComponentRegistry::plane(const QString &id) const
{
    for (const Plane &p : m_planes)
        if (p.id == id)
            return &p;
    return nullptr;
}

QStringList ComponentRegistry::partsOf(const QString &id) const
{
    QStringList parts;
    for (const Component &c : m_components)
        if (c.partOf == id)
            parts.append(c.id);
    return parts;
}

QStringList ComponentRegistry::withParts(const QString &id) const
{
    QStringList out{id};
    // Breadth-first; the loader rejects cycles, the size bound guards against them anyway.
    for (qsizetype i = 0; i < out.size() && out.size() <= m_components.size(); ++i)
        out += partsOf(out.at(i));
    return out;
}

} // namespace k8sfc
