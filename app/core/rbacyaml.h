#pragma once

// Internal to the RBAC loader: reading Kubernetes objects out of yaml-cpp nodes with located errors.

#include "rbacpolicy.h"

#include <optional>
#include <yaml-cpp/yaml.h>

namespace k8sfc::rbac {

class ObjectReader
{
public:
    ObjectReader(Policy &policy, int file) : m_policy(policy), m_file(file) {}

    /// One document: an RBAC object, an object of another kind (counted), or a List of them.
    void readDocument(const YAML::Node &node);
    /// Nodes parsed from a piece of the file that starts at this line (0-based) of it.
    void setLineOffset(int lines) { m_lineOffset = lines; }

private:
    void readObject(const YAML::Node &node);
    void readRole(const YAML::Node &node, bool cluster, const QString &name, const QString &ns);
    void readBinding(const YAML::Node &node, bool cluster, const QString &name, const QString &ns);
    std::optional<Rule> readRule(const YAML::Node &node);
    std::optional<Subject> readSubject(const YAML::Node &node);
    std::optional<QList<LabelSelector>> readAggregation(const YAML::Node &node);
    std::optional<LabelSelector> readSelector(const YAML::Node &node);
    std::optional<LabelRequirement> readRequirement(const YAML::Node &node);

    void error(const YAML::Node &at, const QString &message);
    Origin originOf(const YAML::Node &node) const;
    /// A scalar field; records an error if `required` and it is missing or empty, or if it is not a scalar.
    std::optional<QString> string(const YAML::Node &map, const char *key, const QString &what, bool required);
    /// A list of strings; absent or null is empty.
    std::optional<QStringList> strings(const YAML::Node &map, const char *key, const QString &what);
    /// A mapping of strings to strings; absent or null is empty.
    std::optional<QMap<QString, QString>> stringMap(const YAML::Node &map, const char *key, const QString &what);
    /// Every key of `map` is one of `allowed`.
    bool onlyKeys(const YAML::Node &map, std::initializer_list<const char *> allowed, const QString &what);

    Policy &m_policy;
    int m_file;
    int m_lineOffset = 0;
};

} // namespace k8sfc::rbac
