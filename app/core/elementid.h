#pragma once

#include <QString>

namespace k8sfc {

/// `component` or `component.copy`: one drawn copy of a registry component.
struct ElementRef
{
    QString component;
    QString copy;

    bool isValid() const { return !component.isEmpty(); }
    QString toString() const;
    friend bool operator==(const ElementRef &, const ElementRef &) = default;
};

/// A parsed SVG element id (grammar in diagrams/README.md).
///
///     ElementId::parse("arrow.kubelet.node-a--kube-apiserver")
///         → kind Arrow, from {kubelet, node-a}, to {kube-apiserver, ""}
struct ElementId
{
    enum class Kind { Invalid, Component, Arrow, Label, Group, Legend };

    Kind kind = Kind::Invalid;
    ElementRef ref;  ///< Component
    ElementRef from; ///< Arrow: the side that opens the connection
    ElementRef to;   ///< Arrow
    QString name;    ///< Group and Legend: the name after the prefix
    QString target;  ///< Label: the id of the labelled element

    static ElementId parse(const QString &id);
    static ElementRef parseRef(const QString &text);
    static QString arrowId(const ElementRef &from, const ElementRef &to);
};

} // namespace k8sfc
