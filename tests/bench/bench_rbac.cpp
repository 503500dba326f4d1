// The RBAC evaluator on a generated export of a large cluster: 2,000 ClusterRoles (some aggregated),
// 5,000 RoleBindings in 200 namespaces and 500 ClusterRoleBindings, as one `kind: List` file.
// Prints the load time (and yaml-cpp's share), one can-i, one who-can and a 100 × 60 × 8 access
// matrix. Run by hand: build/bin/bench_rbac (never by ctest or CI). See README, "RBAC lab".
#include "rbacauthorizer.h"
#include "rbacloader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>
#include <yaml-cpp/yaml.h>

using namespace k8sfc::rbac;

namespace {

const char *const kVerbs[] = {"get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"};
const char *const kGroups[] = {"", "apps", "batch", "networking.k8s.io", "example.com"};

std::string resourceName(int i)
{
    return "res" + std::to_string(i % 60) + (i % 7 == 0 ? "/status" : "");
}

std::string clusterRoles(std::mt19937 &random)
{
    std::string out;
    for (int i = 0; i < 2000; ++i) {
        out += "- apiVersion: rbac.authorization.k8s.io/v1\n  kind: ClusterRole\n  metadata:\n    name: role-" +
               std::to_string(i) + "\n    labels: {tier: t" + std::to_string(i % 40) + "}\n";
        if (i % 100 == 0) // 20 aggregated roles, each selecting one tier
            out += "  aggregationRule:\n    clusterRoleSelectors:\n    - matchLabels: {tier: t" +
                   std::to_string(random() % 40) + "}\n";
        out += "  rules:\n";
        for (int r = 0; r < 4; ++r)
            out += "  - apiGroups: [\"" + std::string(kGroups[random() % 5]) + "\"]\n    resources: [" +
                   resourceName(int(random())) + ", " + resourceName(int(random())) + "]\n    verbs: [" +
                   kVerbs[random() % 8] + ", " + kVerbs[random() % 8] + "]\n";
    }
    return out;
}

std::string subject(std::mt19937 &random, int ns)
{
    switch (random() % 3) {
    case 0: return "{kind: ServiceAccount, name: sa" + std::to_string(random() % 10) + "}";
    case 1: return "{kind: User, name: user" + std::to_string(random() % 500) + "}";
    default: return "{kind: Group, name: group" + std::to_string((ns + random()) % 50) + "}";
    }
}

std::string bindings(std::mt19937 &random)
{
    std::string out;
    for (int i = 0; i < 5000; ++i) {
        const int ns = i % 200;
        out += "- apiVersion: rbac.authorization.k8s.io/v1\n  kind: RoleBinding\n  metadata: {name: rb-" +
               std::to_string(i) + ", namespace: ns" + std::to_string(ns) +
               "}\n  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: role-" +
               std::to_string(random() % 2000) + "}\n  subjects: [" + subject(random, ns) + ", " + subject(random, ns) +
               "]\n";
    }
    for (int i = 0; i < 500; ++i)
        out += "- apiVersion: rbac.authorization.k8s.io/v1\n  kind: ClusterRoleBinding\n  metadata: {name: crb-" +
               std::to_string(i) +
               "}\n  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: role-" +
               std::to_string(random() % 2000) + "}\n  subjects: [{kind: User, name: user" +
               std::to_string(random() % 500) + "}, {kind: ServiceAccount, name: sa1, namespace: ns" +
               std::to_string(random() % 200) + "}]\n";
    return out;
}

Request request(const char *verb, int resource, const QString &ns)
{
    Request r;
    r.verb = QString::fromLatin1(verb);
    r.apiGroup = QString::fromLatin1(kGroups[resource % 5]);
    r.resource = QStringLiteral("res%1").arg(resource);
    r.ns = ns;
    return r;
}

User subjectUser(int i)
{
    if (i % 3 == 0)
        return User::impersonated(serviceAccountUser(QStringLiteral("ns7"), QStringLiteral("sa%1").arg(i % 10)), {});
    return User::impersonated(QStringLiteral("user%1").arg(i * 5), {QStringLiteral("group%1").arg(i % 50)});
}

double cpuMs(std::clock_t since)
{
    return double(std::clock() - since) * 1000.0 / CLOCKS_PER_SEC;
}

} // namespace

int main()
{
    std::mt19937 random(16);
    const std::string text = "apiVersion: v1\nkind: List\nitems:\n" + clusterRoles(random) + bindings(random);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("export.yaml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size()))
        return 1;
    file.close();
    std::printf("export: %.1f MiB\n", double(text.size()) / (1024 * 1024));

    // Wall time and this process's CPU time: on a shared machine the second is the one to compare.
    QElapsedTimer timer;
    timer.start();
    std::clock_t cpu = std::clock();
    const std::vector<YAML::Node> documents = YAML::LoadAll(text);
    const double yamlMs = double(timer.nsecsElapsed()) / 1e6, yamlCpuMs = cpuMs(cpu);
    timer.restart();
    cpu = std::clock();
    Policy policy = PolicyLoader::loadFiles({path});
    const double loadMs = double(timer.nsecsElapsed()) / 1e6, loadCpuMs = cpuMs(cpu);
    if (!policy.diagnostics.isEmpty()) {
        std::printf("%s\n", qPrintable(policy.diagnostics.first().toString()));
        return 1;
    }
    // The same file read whole, on one core (PolicyLoader cuts a large List into one piece per core).
    timer.restart();
    cpu = std::clock();
    Policy whole;
    PolicyLoader::readText(QByteArray::fromStdString(text), path, whole, 1);
    PolicyLoader::finish(whole);
    const double wholeMs = double(timer.nsecsElapsed()) / 1e6, wholeCpuMs = cpuMs(cpu);
    if (whole.roles.size() != policy.roles.size() || whole.bindings.size() != policy.bindings.size())
        return 1;
    timer.restart();
    const Authorizer authorizer(std::move(policy));
    const double indexMs = double(timer.nsecsElapsed()) / 1e6;
    std::printf("load: %.0f ms wall, %.0f ms CPU (yaml-cpp alone: %.0f ms wall, %.0f ms CPU), index: %.1f ms; "
                "%lld roles, %lld bindings\n",
                loadMs, loadCpuMs, yamlMs, yamlCpuMs, indexMs, qlonglong(authorizer.policy().roles.size()),
                qlonglong(authorizer.policy().bindings.size()));
    std::printf("load read whole on one core: %.0f ms wall, %.0f ms CPU (%d cores here)\n", wholeMs, wholeCpuMs,
                QThread::idealThreadCount());

    int allowed = 0;
    timer.restart();
    cpu = std::clock();
    for (int i = 0; i < 10000; ++i)
        allowed +=
            authorizer.authorize(subjectUser(i % 100), request(kVerbs[i % 8], i % 60, QStringLiteral("ns7"))).allowed;
    std::printf("can-i: %.1f us wall, %.1f us CPU each (10,000 asked, %d allowed)\n",
                double(timer.nsecsElapsed()) / 1e3 / 10000, cpuMs(cpu) * 1000 / 10000, allowed);

    timer.restart();
    cpu = std::clock();
    qsizetype lines = 0;
    for (int i = 0; i < 100; ++i)
        lines += authorizer.whoCan(request(kVerbs[i % 8], i % 60, QStringLiteral("ns%1").arg(i))).size();
    std::printf("who-can: %.2f ms wall, %.2f ms CPU each (100 asked, %lld lines)\n",
                double(timer.nsecsElapsed()) / 1e6 / 100, cpuMs(cpu) / 100, qlonglong(lines));

    timer.restart();
    cpu = std::clock();
    int cells = 0;
    allowed = 0;
    // One row per subject: its rules in the namespace are gathered once, as the lab's matrix does,
    // then each cell is a rule scan (the same yes or no as authorize, without its reason).
    for (int s = 0; s < 100; ++s) {
        const QList<Rule> rules = authorizer.rulesFor(subjectUser(s), QStringLiteral("ns7"));
        for (int r = 0; r < 60; ++r)
            for (const char *verb : kVerbs) {
                const Request cell = request(verb, r, QStringLiteral("ns7"));
                allowed +=
                    std::any_of(rules.begin(), rules.end(), [&](const Rule &rule) { return ruleAllows(cell, rule); });
                ++cells;
            }
    }
    std::printf("matrix: %d cells in %.0f ms wall, %.0f ms CPU (%d allowed)\n", cells,
                double(timer.nsecsElapsed()) / 1e6, cpuMs(cpu), allowed);
    timer.restart();
    cpu = std::clock();
    for (int s = 0; s < 100; ++s)
        for (int r = 0; r < 60; ++r)
            for (const char *verb : kVerbs)
                authorizer.authorize(subjectUser(s), request(verb, r, QStringLiteral("ns7")));
    std::printf("matrix by 48,000 authorize calls: %.0f ms wall, %.0f ms CPU\n", double(timer.nsecsElapsed()) / 1e6,
                cpuMs(cpu));
    return documents.empty() ? 1 : 0;
}
