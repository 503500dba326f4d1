#include "yamlsupport.h"

#include "contentfile.h"
#include "yamlnesting.h"

#include <QSet>

namespace k8sfc {

namespace {

/// Content nests four or five levels (deck, cards, a card, its tags). yaml-cpp stops itself at
/// 500 levels of recursion, but with "bad file" at line 1 for a message: this limit comes first and
/// says what is wrong, and where.
constexpr int kMaxNesting = 64;

/// 1-based line and column of the byte at `offset`.
std::pair<int, int> position(const QByteArray &text, qsizetype offset)
{
    const qsizetype lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return {int(text.first(offset).count('\n')) + 1, int(offset - lineStart) + 1};
}

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
    if (const auto tooLarge = contentSizeError(m_file, text.size())) {
        m_diagnostics.append(*tooLarge);
        return std::nullopt;
    }
    // YAML allows no NUL, and yaml-cpp handles one erratically: a misleading "unknown escape
    // character" error, a key read as another ("\0b" became "\b"), or a NUL kept in a scalar.
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0) {
        const auto [line, column] = position(text, nul);
        error(line, column, QStringLiteral("the file contains a NUL byte; a YAML file must be text"));
        return std::nullopt;
    }
    // yaml-cpp accepts invalid UTF-8 silently; a deck must be text a reader can trust.
    const QString decoded = QString::fromUtf8(text);
    if (decoded.contains(QChar::ReplacementCharacter) && !text.contains("\xEF\xBF\xBD")) {
        int line = 1;
        const qsizetype at = decoded.indexOf(QChar::ReplacementCharacter);
        line += int(decoded.left(at).count(u'\n'));
        error(line, 1, QStringLiteral("the file is not valid UTF-8"));
        return std::nullopt;
    }
    // Before yaml-cpp, which would recurse that deep.
    if (const auto deep = yamlNestingBeyond(text, kMaxNesting)) {
        error(deep->line, deep->column,
              QStringLiteral("lists and mappings nest more than %1 levels deep here").arg(kMaxNesting));
        return std::nullopt;
    }
    try {
        YAML::Node root = YAML::Load(text.toStdString());
        return root;
    } catch (const YAML::ParserException &e) {
        error(e.mark.line + 1, e.mark.column + 1, QStringLiteral("YAML syntax error: ") + fromYaml(e.msg));
    } catch (const YAML::Exception &e) {
        error(e.mark.line + 1, e.mark.column + 1, QStringLiteral("YAML error: ") + fromYaml(e.msg));
    } catch (const std::exception &e) {
        // Not yaml-cpp's own (std::bad_alloc, std::length_error): still this file's problem only.
        error(0, 0, QStringLiteral("cannot read the YAML: ") + QString::fromLocal8Bit(e.what()));
    }
    return std::nullopt;
}

bool YamlReader::charge(const YAML::Node &at, qsizetype bytes)
{
    m_expandedBytes += bytes;
    ++m_scalars;
    if (m_expandedBytes <= kMaxExpandedBytes && m_scalars <= kMaxScalars)
        return true;
    if (!m_overLimit) // once: every later field fails the same way
        error(at, m_scalars > kMaxScalars
                      ? QStringLiteral("the file holds more than %1 texts (YAML aliases repeat them); "
                                       "nothing more of it is read")
                            .arg(kMaxScalars)
                      : QStringLiteral("the file expands to more than %1 MiB of text through YAML aliases; "
                                       "nothing more of it is read")
                            .arg(kMaxExpandedBytes / (1024 * 1024)));
    m_overLimit = true;
    return false;
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
    if (!charge(value, qsizetype(value.Scalar().size())))
        return std::nullopt;
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
    if (!charge(value, qsizetype(value.Scalar().size())))
        return std::nullopt;
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
        if (!charge(item, qsizetype(item.Scalar().size())))
            return std::nullopt;
        out.append(fromYaml(item.Scalar()).trimmed());
    }
    return out;
}

} // namespace k8sfc
