#include "rbacresources.h"

#include <QStringList>

namespace k8sfc::rbac {

namespace {

struct Known
{
    const char *resource;
    const char *shortNames; ///< comma-separated, or ""
    const char *group;
    bool namespaced;
};

// The resources a Kubernetes v1.34 API server serves with its default feature gates
// (`kubectl api-resources`), core group first: kubectl prefers it for a bare name.
constexpr Known kResources[] = {
    {"bindings", "", "", true},
    {"componentstatuses", "cs", "", false},
    {"configmaps", "cm", "", true},
    {"endpoints", "ep", "", true},
    {"events", "ev", "", true},
    {"limitranges", "limits", "", true},
    {"namespaces", "ns", "", false},
    {"nodes", "no", "", false},
    {"persistentvolumeclaims", "pvc", "", true},
    {"persistentvolumes", "pv", "", false},
    {"pods", "po", "", true},
    {"podtemplates", "", "", true},
    {"replicationcontrollers", "rc", "", true},
    {"resourcequotas", "quota", "", true},
    {"secrets", "", "", true},
    {"serviceaccounts", "sa", "", true},
    {"services", "svc", "", true},
    {"mutatingwebhookconfigurations", "", "admissionregistration.k8s.io", false},
    {"validatingadmissionpolicies", "", "admissionregistration.k8s.io", false},
    {"validatingadmissionpolicybindings", "", "admissionregistration.k8s.io", false},
    {"validatingwebhookconfigurations", "", "admissionregistration.k8s.io", false},
    {"customresourcedefinitions", "crd,crds", "apiextensions.k8s.io", false},
    {"apiservices", "", "apiregistration.k8s.io", false},
    {"controllerrevisions", "", "apps", true},
    {"daemonsets", "ds", "apps", true},
    {"deployments", "deploy", "apps", true},
    {"replicasets", "rs", "apps", true},
    {"statefulsets", "sts", "apps", true},
    {"selfsubjectreviews", "", "authentication.k8s.io", false},
    {"tokenreviews", "", "authentication.k8s.io", false},
    {"localsubjectaccessreviews", "", "authorization.k8s.io", true},
    {"selfsubjectaccessreviews", "", "authorization.k8s.io", false},
    {"selfsubjectrulesreviews", "", "authorization.k8s.io", false},
    {"subjectaccessreviews", "", "authorization.k8s.io", false},
    {"horizontalpodautoscalers", "hpa", "autoscaling", true},
    {"cronjobs", "cj", "batch", true},
    {"jobs", "", "batch", true},
    {"certificatesigningrequests", "csr", "certificates.k8s.io", false},
    {"leases", "", "coordination.k8s.io", true},
    {"endpointslices", "", "discovery.k8s.io", true},
    {"events", "ev", "events.k8s.io", true},
    {"flowschemas", "", "flowcontrol.apiserver.k8s.io", false},
    {"prioritylevelconfigurations", "", "flowcontrol.apiserver.k8s.io", false},
    {"ingressclasses", "", "networking.k8s.io", false},
    {"ingresses", "ing", "networking.k8s.io", true},
    {"ipaddresses", "ip", "networking.k8s.io", false},
    {"networkpolicies", "netpol", "networking.k8s.io", true},
    {"servicecidrs", "", "networking.k8s.io", false},
    {"runtimeclasses", "", "node.k8s.io", false},
    {"poddisruptionbudgets", "pdb", "policy", true},
    {"clusterrolebindings", "", "rbac.authorization.k8s.io", false},
    {"clusterroles", "", "rbac.authorization.k8s.io", false},
    {"rolebindings", "", "rbac.authorization.k8s.io", true},
    {"roles", "", "rbac.authorization.k8s.io", true},
    {"deviceclasses", "", "resource.k8s.io", false},
    {"resourceclaims", "", "resource.k8s.io", true},
    {"resourceclaimtemplates", "", "resource.k8s.io", true},
    {"resourceslices", "", "resource.k8s.io", false},
    {"priorityclasses", "pc", "scheduling.k8s.io", false},
    {"csidrivers", "", "storage.k8s.io", false},
    {"csinodes", "", "storage.k8s.io", false},
    {"csistoragecapacities", "", "storage.k8s.io", true},
    {"storageclasses", "sc", "storage.k8s.io", false},
    {"volumeattachments", "", "storage.k8s.io", false},
    {"volumeattributesclasses", "vac", "storage.k8s.io", false},
};

/// The singular name the API server's discovery gives a built-in resource: its kind, lower case
/// (`networkpolicies` → `networkpolicy`, `ingresses` → `ingress`; `endpoints` stays `endpoints`).
QString singularOf(const QString &plural)
{
    if (plural == QLatin1String("endpoints"))
        return plural;
    if (plural.endsWith(QLatin1String("ies")))
        return plural.chopped(3) + u'y';
    if (plural.endsWith(QLatin1String("sses")) || plural.endsWith(QLatin1String("uses")))
        return plural.chopped(2);
    return plural.endsWith(u's') ? plural.chopped(1) : plural;
}

bool names(const Known &known, const QString &name)
{
    if (name == QLatin1String(known.resource))
        return true;
    return QString::fromLatin1(known.shortNames).split(u',', Qt::SkipEmptyParts).contains(name);
}

// The table's entry for `name` (plural or short) in `group`, or any group when `anyGroup`.
const Known *lookUp(const QString &name, const QString &group, bool anyGroup)
{
    // Plural names first: a short name never hides another resource's plural.
    for (const Known &known : kResources)
        if (name == QLatin1String(known.resource) && (anyGroup || group == QLatin1String(known.group)))
            return &known;
    for (const Known &known : kResources)
        if (names(known, name) && (anyGroup || group == QLatin1String(known.group)))
            return &known;
    // Then singular names, as kubectl accepts them (`kubectl auth can-i get pod`).
    for (const Known &known : kResources)
        if (name == singularOf(QLatin1String(known.resource)) && (anyGroup || group == QLatin1String(known.group)))
            return &known;
    return nullptr;
}

} // namespace

std::variant<ResourceArg, QString> resolveResource(const QString &arg)
{
    ResourceArg out;
    const qsizetype slash = arg.indexOf(u'/');
    const QString type = (slash < 0 ? arg : arg.left(slash)).toLower();
    if (slash >= 0)
        out.name = arg.mid(slash + 1);
    if (type.isEmpty())
        return QStringLiteral("no resource in \"%1\"").arg(arg);
    if (type == QLatin1String("*")) {
        out.resource = type;
        return out;
    }
    const qsizetype dot = type.indexOf(u'.');
    const QString name = type.left(dot);
    const QString group = dot < 0 ? QString() : type.mid(dot + 1);
    if (name.isEmpty() || (dot >= 0 && group.isEmpty()))
        return QStringLiteral("\"%1\" is not RESOURCE or RESOURCE.GROUP").arg(type);
    if (const Known *known = lookUp(name, group, dot < 0)) {
        out.resource = QLatin1String(known->resource);
        out.group = QLatin1String(known->group);
        out.namespaced = known->namespaced;
        out.known = true;
        return out;
    }
    if (dot < 0)
        return QStringLiteral("the resource type \"%1\" is not a Kubernetes v1.34 resource; name any other as "
                              "RESOURCE.GROUP (for example widgets.example.com)")
            .arg(name);
    out.resource = name;
    out.group = group;
    return out;
}

} // namespace k8sfc::rbac
