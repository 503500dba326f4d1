#include "yamlsupport.h"

#include "contentfile.h"
#include "contenttext.h"
#include "yamlnesting.h"

#include <QSet>

namespace k8sfc {

namespace {

/// Content nests four or five levels (deck, cards, a card, its tags). yaml-cpp stops itself at
/// 500 levels of recursion, but with "bad file" at line 1 for a message: this limit comes first and
/// says what is wrong, and where.
constexpr int kMaxNesting = 64;

/// Why `text` cannot be YAML text: not UTF-8, a NUL, or old Mac line endings; or nothing.
std::optional<TextFault> textFault(const QByteArray &text)
{
    // yaml-cpp accepts invalid UTF-8 silently; a deck must be text a reader can trust. UTF-16 first:
    // its NULs would otherwise be reported as binary.
    if (wideEncoding(text))
        return utf8Fault(text);
    // YAML allows no NUL, and yaml-cpp handles one erratically: a misleading "unknown escape
    // character" error, a key read as another ("\0b" became "\b"), or a NUL kept in a scalar.
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0) {
        const auto [line, column] = textPosition(text, nul);
        return TextFault{line, column, QStringLiteral("the file contains a NUL byte; a YAML file must be text")};
    }
    if (auto fault = utf8Fault(text))
        return fault;
    // yaml-cpp reads a lone CR as no line break at all, and then reports a syntax error that
    // names anything but the line endings.
    for (qsizetype cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1)) {
        if (cr + 1 == text.size() || text.at(cr + 1) != '\n') {
            const auto [line, column] = textPosition(text, cr);
            return TextFault{line, column,
                             QStringLiteral("the file uses CR (old Mac) line endings; save it with LF (Unix) "
                                            "line endings")};
        }
    }
    return std::nullopt;
}

/// The line where a second YAML document starts, or 0. yaml-cpp's Load reads the first document
/// and drops the rest without a word. A `---` or `...` at the start of a line is always a document
/// marker (never text inside a scalar), so the lines tell without a second parse.
int secondDocumentLine(const QByteArray &text)
{
    bool content = false; // the first document has said something
    bool ended = false;   // a `...` closed it
    int line = 1;
    for (qsizetype start = text.startsWith("\xEF\xBB\xBF") ? 3 : 0; start < text.size(); ++line) {
        const qsizetype newline = text.indexOf('\n', start);
        const qsizetype end = newline < 0 ? text.size() : newline;
        const QByteArrayView row = QByteArrayView(text).sliced(start, end - start);
        start = end + 1;
        const auto isMarker = [&](const char *marker) {
            return row.startsWith(marker) && (row.size() == 3 || QByteArrayView(" \t\r").contains(row.at(3)));
        };
        const QByteArrayView trimmed = row.trimmed();
        if (isMarker("---")) {
            if (content || ended)
                return line;
        } else if (isMarker("...")) {
            ended = true;
        } else if (!trimmed.isEmpty() && !trimmed.startsWith('#') && !(trimmed.startsWith('%') && !content)) {
            if (ended)
                return line;
            content = true;
        }
    }
    return 0;
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
    if (const auto fault = textFault(text)) {
        error(fault->line, fault->column, fault->message);
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
        if (const int second = secondDocumentLine(text))
            error(second, 1,
                  QStringLiteral("a second YAML document starts here; a file holds one document, so the rest "
                                 "is not read"));
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
