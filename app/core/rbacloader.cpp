#include "rbacloader.h"

#include "contentfile.h"
#include "contenttext.h"
#include "rbacauthorizer.h"
#include "parallelfor.h"
#include "rbacsplit.h"
#include "rbacyaml.h"
#include "yamlnesting.h"
#include "yamlsupport.h"

#include <QFile>
#include <QHash>
#include <QThread>

namespace k8sfc::rbac {

namespace {

/// Kubernetes objects nest about ten levels; yaml-cpp would recurse as deep as a file asks.
constexpr int kMaxNesting = 64;

void addError(Policy &policy, const QString &file, int line, int column, const QString &message)
{
    policy.diagnostics.append({file, line, column, message});
}

/// Why `text` cannot be read as YAML before yaml-cpp sees it, added to `policy`; false if so.
bool checkText(const QByteArray &text, const QString &fileName, Policy &policy)
{
    if (text.size() > PolicyLoader::kMaxPolicyBytes) {
        addError(policy, fileName, 1, 1,
                 QStringLiteral("the file is over the %1 MiB limit for a policy file")
                     .arg(PolicyLoader::kMaxPolicyBytes / (1024 * 1024)));
        return false;
    }
    if (const auto fault = utf8Fault(text)) {
        addError(policy, fileName, fault->line, fault->column, fault->message);
        return false;
    }
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0) {
        const auto [line, column] = textPosition(text, nul);
        addError(policy, fileName, line, column, QStringLiteral("the file contains a NUL byte; YAML must be text"));
        return false;
    }
    if (const auto deep = yamlNestingBeyond(text, kMaxNesting)) {
        addError(policy, fileName, deep->line, deep->column,
                 QStringLiteral("lists and mappings nest more than %1 levels deep here").arg(kMaxNesting));
        return false;
    }
    return true;
}

QString objectKey(const QString &kind, const QString &ns, const QString &name)
{
    return kind + u'\n' + ns + u'\n' + name;
}

/// An object given twice (in one file or two) is an error at the second: the cluster holds one.
template <typename T>
void checkDuplicates(Policy &policy, const QList<T> &objects, const char *kind, const char *clusterKind)
{
    QHash<QString, Origin> seen;
    for (const T &object : objects) {
        const QString kindName = QLatin1String(object.cluster ? clusterKind : kind);
        const QString key = objectKey(kindName, object.ns, object.name);
        const auto first = seen.constFind(key);
        if (first == seen.constEnd()) {
            seen.insert(key, object.origin);
            continue;
        }
        const QString shown = object.cluster ? object.name : object.ns + u'/' + object.name;
        addError(policy, policy.files.value(object.origin.file), object.origin.line, object.origin.column,
                 QStringLiteral("%1 %2 is given twice (first at %3:%4:%5)")
                     .arg(kindName, goQuoted(shown), policy.files.value(first->file))
                     .arg(first->line)
                     .arg(first->column));
    }
}

/// Below this many items a List is read whole: threads would cost more than they save.
constexpr int kMinItemsToSplit = 200;

/// Reads a List cut by splitListExport: the pieces parsed and read side by side, each into a policy
/// of its own, then added to `policy` in file order. False, adding nothing, when the head is not a
/// List or any piece does not parse alone or read cleanly as YAML; the caller then reads it whole.
bool readSplit(const ListSplit &split, int file, Policy &policy)
{
    try {
        const YAML::Node head = YAML::Load(split.head.toStdString());
        if (!head.IsMap() || !head["kind"].IsScalar() || !head["kind"].Scalar().ends_with("List") ||
            !head["items"].IsNull())
            return false;
    } catch (const YAML::Exception &) {
        return false;
    }
    const qsizetype count = split.pieces.size();
    std::vector<Policy> parts(size_t(count), Policy{policy.files, {}, {}, 0, {}});
    std::vector<char> read(size_t(count), 0);
    parallelFor(count, [&](qsizetype i) {
        try {
            const YAML::Node items = YAML::Load(split.pieces.at(i).text.toStdString());
            if (!items.IsSequence())
                return;
            ObjectReader reader(parts[size_t(i)], file);
            reader.setLineOffset(split.pieces.at(i).firstLine);
            for (const YAML::Node &item : items)
                reader.readDocument(item);
            read[size_t(i)] = 1;
        } catch (const std::exception &) { // YAML::Exception, or memory: read whole instead
        }
    });
    if (std::find(read.cbegin(), read.cend(), 0) != read.cend())
        return false;
    for (Policy &part : parts) {
        policy.roles.append(std::move(part.roles));
        policy.bindings.append(std::move(part.bindings));
        policy.skippedObjects += part.skippedObjects;
        policy.diagnostics.append(std::move(part.diagnostics));
    }
    return true;
}

} // namespace

void PolicyLoader::readText(const QByteArray &text, const QString &fileName, Policy &policy, int pieces)
{
    const int file = int(policy.files.size());
    policy.files.append(fileName);
    if (!checkText(text, fileName, policy))
        return;
    if (pieces == 0)
        pieces = QThread::idealThreadCount();
    if (const auto split = splitListExport(text, pieces, kMinItemsToSplit); split && readSplit(*split, file, policy))
        return;
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(text.toStdString());
    } catch (const YAML::Exception &e) {
        addError(policy, fileName, e.mark.line + 1, e.mark.column + 1,
                 QStringLiteral("YAML syntax error: ") + fromYaml(e.msg));
        return;
    }
    ObjectReader reader(policy, file);
    try {
        for (const YAML::Node &document : documents)
            reader.readDocument(document);
    } catch (const YAML::Exception &e) {
        // A node of an unexpected shape yaml-cpp refused to read (a mapping used as a key...).
        addError(policy, fileName, e.mark.line + 1, e.mark.column + 1, fromYaml(e.msg));
    }
}

void PolicyLoader::finish(Policy &policy)
{
    checkDuplicates(policy, policy.roles, "Role", "ClusterRole");
    checkDuplicates(policy, policy.bindings, "RoleBinding", "ClusterRoleBinding");
    if (aggregateClusterRoles(policy.roles))
        return;
    const auto first =
        std::find_if(policy.roles.begin(), policy.roles.end(), [](const Role &r) { return r.aggregation.has_value(); });
    policy.diagnostics.append(
        {policy.files.value(first->origin.file), first->origin.line, first->origin.column,
         QStringLiteral("the aggregated ClusterRoles select each other in a cycle and their rules do not settle"),
         Diagnostic::Severity::Warning});
}

Policy PolicyLoader::loadTexts(const QList<std::pair<QString, QByteArray>> &texts)
{
    Policy policy;
    for (const auto &[name, text] : texts)
        readText(text, name, policy);
    finish(policy);
    return policy;
}

Policy PolicyLoader::loadFiles(const QStringList &paths)
{
    Policy policy;
    for (const QString &path : paths) {
        QFile file;
        if (const std::optional<QString> problem = openRegularFile(path, file)) {
            policy.files.append(path);
            addError(policy, path, 1, 1, QStringLiteral("cannot read the policy: %1").arg(*problem));
            continue;
        }
        // One byte past the limit tells a file over it without reading all of a huge one.
        readText(file.read(kMaxPolicyBytes + 1), path, policy);
    }
    finish(policy);
    return policy;
}

} // namespace k8sfc::rbac
