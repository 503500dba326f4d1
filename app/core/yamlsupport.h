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

    /// How much text one file may expand to through YAML aliases (`*name` repeats the anchored
    /// text without its bytes being in the file): 8 MiB, four times the largest file accepted.
    static constexpr qsizetype kMaxExpandedBytes = 8 * 1024 * 1024;
    /// How many scalars one file may yield: 25 times the bundled decks' largest count.
    static constexpr qsizetype kMaxScalars = 100'000;

private:
    /// Counts a scalar of `bytes` read from the file; false, with one error, past either limit.
    bool charge(const YAML::Node &at, qsizetype bytes);

    QString m_file;
    Diagnostics m_diagnostics;
    qsizetype m_expandedBytes = 0;
    qsizetype m_scalars = 0;
    bool m_overLimit = false;
};

QString fromYaml(const std::string &s);

} // namespace k8sfc
