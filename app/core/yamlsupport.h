#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <yaml-cpp/yaml.h>

namespace k8sfc {

/// Shared helpers for the YAML loaders: parsing with located errors, typed field access and
/// unknown-key checks. Internal to the core (it exposes yaml-cpp types).
class YamlReader
{
public:
    explicit YamlReader(QString fileName) : m_file(std::move(fileName)) {}

    /// Parses a whole document; on a syntax error records it and returns nullopt.
    std::optional<YAML::Node> parse(const QByteArray &text);

    void error(const YAML::Node &at, const QString &message);
    void error(int line, int column, const QString &message);

    /// Checks that `map` is a mapping whose keys are all in `allowed` and appear once.
    bool checkMap(const YAML::Node &map, const QStringList &allowed, const QString &what);

    /// A required non-empty scalar string field of `map`; records an error if it is missing.
    std::optional<QString> requiredString(const YAML::Node &map, const char *key, const QString &what);
    std::optional<QString> optionalString(const YAML::Node &map, const char *key);
    /// A sequence of scalar strings (a lone scalar is not accepted).
    std::optional<QStringList> stringList(const YAML::Node &map, const char *key);

    const QString &file() const { return m_file; }
    Diagnostics takeDiagnostics() { return std::exchange(m_diagnostics, {}); }
    int errorCount() const { return int(m_diagnostics.size()); }

private:
    QString m_file;
    Diagnostics m_diagnostics;
};

QString fromYaml(const std::string &s);

} // namespace k8sfc
