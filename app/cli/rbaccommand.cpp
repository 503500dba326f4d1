#include "rbaccommand.h"

#include "rbacauthorizer.h"
#include "rbaclisting.h"
#include "rbacloader.h"
#include "rbacresources.h"

#include <QTextStream>

#include <optional>
#include <variant>

namespace k8sfc::cli {

namespace {

using namespace k8sfc::rbac;

int usageError(const QString &message)
{
    QTextStream(stderr) << "k8s-flashcards rbac: " << message << "\n"
                        << usageOf(Command::Rbac) << "\n(k8s-flashcards --help describes every option)" << Qt::endl;
    return 2;
}

/// What is wrong with the options for `subcommand`, or nothing.
std::optional<QString> optionProblem(const QString &subcommand, const StartOptions &o)
{
    const qsizetype operands = subcommand == QLatin1String("list") ? 1 : 3;
    if (subcommand != QLatin1String("can-i") && subcommand != QLatin1String("who-can") &&
        subcommand != QLatin1String("list"))
        return QStringLiteral("unknown subcommand %1 (can-i, who-can or list)").arg(subcommand);
    if (o.operands.size() != operands)
        return operands == 1 ? QStringLiteral("list takes no VERB or RESOURCE")
                             : QStringLiteral("%1 needs VERB and RESOURCE (or a /NON/RESOURCE/PATH)").arg(subcommand);
    if (o.rbac.policies.isEmpty())
        return QStringLiteral("--policy FILE is needed");
    const bool who = subcommand == QLatin1String("who-can");
    if (who && (!o.rbac.user.isEmpty() || !o.rbac.groups.isEmpty()))
        return QStringLiteral("who-can asks about every subject: it takes no --as or --as-group");
    if (!who && o.rbac.user.isEmpty())
        return QStringLiteral("--as USER is needed");
    if (!o.rbac.ns.isEmpty() && o.rbac.allNamespaces)
        return QStringLiteral("-n and -A cannot both be given");
    if (subcommand == QLatin1String("list") && (o.rbac.allNamespaces || !o.rbac.subresource.isEmpty()))
        return QStringLiteral("list takes neither -A nor --subresource");
    if (who && o.rbac.allNamespaces)
        return QStringLiteral("who-can takes -n NS, or nothing for cluster-wide, not -A");
    return std::nullopt;
}

/// The request of can-i or who-can, or the problem with VERB and RESOURCE.
std::variant<Request, QString> makeRequest(const StartOptions &o)
{
    Request request;
    request.verb = o.operands.at(1);
    const QString &target = o.operands.at(2);
    if (target.startsWith(u'/')) {
        if (!o.rbac.subresource.isEmpty())
            return QStringLiteral("--subresource cannot be used with a non-resource URL");
        request.resourceRequest = false;
        request.path = target;
        return request;
    }
    const auto resolved = resolveResource(target);
    if (const QString *problem = std::get_if<QString>(&resolved))
        return *problem;
    const ResourceArg &resource = std::get<ResourceArg>(resolved);
    request.apiGroup = resource.group;
    request.resource = resource.resource;
    request.name = resource.name;
    request.subresource = o.rbac.subresource;
    request.ns = o.rbac.ns;
    if (!request.ns.isEmpty() && !resource.namespaced) {
        // kubectl's own warning; the request then asks cluster-wide, as the API server would see it.
        QTextStream err(stderr);
        err << "Warning: resource '" << resource.resource << "' is not namespace scoped";
        if (!resource.group.isEmpty())
            err << " in group '" << resource.group << "'";
        err << Qt::endl;
        request.ns.clear();
    }
    return request;
}

/// Loads the policies; prints every problem. nullopt when any is an error.
std::optional<Policy> loadPolicies(const QStringList &paths)
{
    Policy policy = PolicyLoader::loadFiles(paths);
    QTextStream err(stderr);
    for (const Diagnostic &d : policy.diagnostics)
        err << d.toString() << '\n';
    if (hasErrors(policy.diagnostics)) {
        err.flush();
        return std::nullopt;
    }
    if (policy.skippedObjects > 0)
        err << "k8s-flashcards rbac: read " << policy.roles.size()
            << (policy.roles.size() == 1 ? " role and " : " roles and ") << policy.bindings.size()
            << (policy.bindings.size() == 1 ? " binding; skipped " : " bindings; skipped ") << policy.skippedObjects
            << (policy.skippedObjects == 1 ? " object of another kind\n" : " objects of other kinds\n");
    err.flush();
    return policy;
}

} // namespace

int RbacCommand::run(const StartOptions &options)
{
    const QString subcommand = options.operands.value(0);
    if (const auto problem = optionProblem(subcommand, options))
        return usageError(*problem);
    std::optional<Request> request;
    if (subcommand != QLatin1String("list")) {
        auto made = makeRequest(options);
        if (const QString *problem = std::get_if<QString>(&made))
            return usageError(*problem);
        request = std::get<Request>(std::move(made));
    }
    std::optional<Policy> policy = loadPolicies(options.rbac.policies);
    if (!policy)
        return 2;
    const Authorizer authorizer(std::move(*policy));
    QTextStream out(stdout);
    if (subcommand == QLatin1String("who-can")) {
        const QStringList lines = authorizer.whoCan(*request);
        for (const QString &line : lines)
            out << line << '\n';
        return lines.isEmpty() ? 1 : 0;
    }
    const User user = User::impersonated(options.rbac.user, options.rbac.groups);
    if (subcommand == QLatin1String("list")) {
        out << accessTable(authorizer.rulesFor(user, options.rbac.ns));
        return 0;
    }
    const Decision decision = authorizer.authorize(user, *request);
    if (!decision.allowed) {
        out << "no\n";
        return 1;
    }
    out << "yes\n" << decision.reason << '\n';
    return 0;
}

} // namespace k8sfc::cli
