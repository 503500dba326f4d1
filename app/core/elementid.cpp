#include "elementid.h"

#include "registryloader.h"

namespace k8sfc {

QString ElementRef::toString() const
{
    return copy.isEmpty() ? component : component + u'.' + copy;
}

ElementRef ElementId::parseRef(const QString &text)
{
    const qsizetype dot = text.indexOf(u'.');
    const QString component = dot < 0 ? text : text.left(dot);
    const QString copy = dot < 0 ? QString() : text.mid(dot + 1);
    if (!isValidName(component) || (dot >= 0 && !isValidName(copy)))
        return {};
    return {component, copy};
}

QString ElementId::arrowId(const ElementRef &from, const ElementRef &to)
{
    return QStringLiteral("arrow.") + from.toString() + QStringLiteral("--") + to.toString();
}

ElementId ElementId::parse(const QString &id)
{
    ElementId out;
    if (id.startsWith(QLatin1String("arrow."))) {
        const QStringList ends = id.mid(6).split(QStringLiteral("--"));
        if (ends.size() != 2)
            return out;
        out.from = parseRef(ends.at(0));
        out.to = parseRef(ends.at(1));
        if (out.from.isValid() && out.to.isValid())
            out.kind = Kind::Arrow;
        return out;
    }
    if (id.startsWith(QLatin1String("label."))) {
        out.target = id.mid(6);
        // A label names a component, an arrow or a group, never a label: stopping here also keeps
        // "label.label.label…" from recursing once per prefix.
        if (out.target.startsWith(QLatin1String("label.")))
            return out;
        const Kind targetKind = parse(out.target).kind;
        if (targetKind == Kind::Component || targetKind == Kind::Arrow || targetKind == Kind::Group)
            out.kind = Kind::Label;
        return out;
    }
    if (id.startsWith(QLatin1String("group."))) {
        out.name = id.mid(6);
        if (isValidName(out.name))
            out.kind = Kind::Group;
        return out;
    }
    if (id == QLatin1String("legend") || id.startsWith(QLatin1String("legend."))) {
        out.name = id.mid(7);
        if (id.size() == 6 || isValidName(out.name))
            out.kind = Kind::Legend;
        return out;
    }
    out.ref = parseRef(id);
    if (out.ref.isValid())
        out.kind = Kind::Component;
    return out;
}

} // namespace k8sfc
