#include "yamlsupport.h"

#include <QSet>

namespace k8sfc {

namespace {

QString typeName(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null: return QStringLiteral("nothing");
    case YAML::NodeType::Scalar: return QStringLiteral("a scalar");
    case YAML::NodeType::Sequence: return QStringLiteral("a list");
    case YAML::NodeType::Map: return QStringLiteral("a mapping");
    default: return QStringLiteral("an undefined value");
    }
}

} // namespace

QString fromYaml(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::optional<YAML::Node> YamlReader::parse(const QByteArray &text)
{
    // yaml-cpp accepts invalid UTF-8 silently; a deck must be text a reader can trust.
    const QString decoded = QString::fromUtf8(text);
    if (decoded.contains(QChar::ReplacementCharacter) && !text.contains("\xEF\xBF\xBD")) {
        int line = 1;
        const qsizetype at = decoded.indexOf(QChar::ReplacementCharacter);
        line += int(decoded.left(at).count(u'\n'));
        error(line, 1, QStringLiteral("the file is not valid UTF-8"));
        return std::nullopt;
    }
    try {
        YAML::Node root = YAML::Load(text.toStdString());
        return root;
    } catch (const YAML::ParserException &e) {
        error(e.mark.line + 1, e.mark.column + 1, QStringLiteral("YAML syntax error: ") + fromYaml(e.msg));
    } catch (const YAML::Exception &e) {
        error(e.mark.line + 1, e.mark.column + 1, QStringLiteral("YAML error: ") + fromYaml(e.msg));
    }
    return std::nullopt;
}

void YamlReader::error(const YAML::Node &at, const QString &message)
{
    const YAML::Mark mark = at.Mark();
    if (mark.is_null())
        error(0, 0, message);
    else
        error(mark.line + 1, mark.column + 1, message);
}

void YamlReader::error(int line, int column, const QString &message)
{
    m_diagnostics.append(Diagnostic{m_file, line, column, message});
}

bool YamlReader::checkMap(const YAML::Node &map, const QStringList &allowed, const QString &what)
{
    if (!map.IsMap()) {
        error(map, what + QStringLiteral(" must be a mapping, not ") + typeName(map));
        return false;
    }
    bool ok = true;
    QSet<QString> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it->first.IsScalar()) {
            error(it->first, QStringLiteral("keys of ") + what + QStringLiteral(" must be plain words"));
            ok = false;
            continue;
        }
        const QString key = fromYaml(it->first.Scalar());
        if (!allowed.contains(key)) {
            error(it->first, QStringLiteral("unknown key \"%1\" in %2 (expected one of: %3)")
                                 .arg(key, what, allowed.join(QStringLiteral(", "))));
            ok = false;
        } else if (seen.contains(key)) {
            error(it->first, QStringLiteral("key \"%1\" appears twice in %2").arg(key, what));
            ok = false;
        }
        seen.insert(key);
    }
    return ok;
}

std::optional<QString> YamlReader::requiredString(const YAML::Node &map, const char *key, const QString &what)
{
    const YAML::Node value = map[key];
    if (!value) {
        error(map, QStringLiteral("%1 has no \"%2\"").arg(what, QLatin1String(key)));
        return std::nullopt;
    }
    if (!value.IsScalar()) {
        error(value, QStringLiteral("\"%1\" must be text, not %2").arg(QLatin1String(key), typeName(value)));
        return std::nullopt;
    }
    const QString text = fromYaml(value.Scalar()).trimmed();
    if (text.isEmpty()) {
        error(value, QStringLiteral("\"%1\" is empty").arg(QLatin1String(key)));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> YamlReader::optionalString(const YAML::Node &map, const char *key)
{
    const YAML::Node value = map[key];
    if (!value)
        return QString();
    if (!value.IsScalar()) {
        error(value, QStringLiteral("\"%1\" must be text, not %2").arg(QLatin1String(key), typeName(value)));
        return std::nullopt;
    }
    return fromYaml(value.Scalar()).trimmed();
}

std::optional<QStringList> YamlReader::stringList(const YAML::Node &map, const char *key)
{
    const YAML::Node value = map[key];
    if (!value)
        return QStringList();
    if (!value.IsSequence()) {
        error(value, QStringLiteral("\"%1\" must be a list, not %2").arg(QLatin1String(key), typeName(value)));
        return std::nullopt;
    }
    QStringList out;
    for (const YAML::Node &item : value) {
        if (!item.IsScalar()) {
            error(item,
                  QStringLiteral("entries of \"%1\" must be text, not %2").arg(QLatin1String(key), typeName(item)));
            return std::nullopt;
        }
        out.append(fromYaml(item.Scalar()).trimmed());
    }
    return out;
}

} // namespace k8sfc
