#include "rbaclisting.h"

#include <QHash>

#include <algorithm>
#include <array>

namespace k8sfc::rbac {

namespace {

/// Go's %v of a []string.
QString goList(const QStringList &values)
{
    return u'[' + values.join(u' ') + u']';
}

/// rbacv1.PolicyRule's String(), which kubectl sorts the rules by.
QString goText(const Rule &r)
{
    return QStringLiteral("&PolicyRule{Verbs:%1,APIGroups:%2,Resources:%3,ResourceNames:%4,NonResourceURLs:%5,}")
        .arg(goList(r.verbs), goList(r.apiGroups), goList(r.resources), goList(r.resourceNames),
             goList(r.nonResourceURLs));
}

/// kubectl's BreakdownRule: one rule per group, resource, verb (and name); one per URL and verb.
void breakDown(const Rule &rule, QList<Rule> &out)
{
    for (const QString &group : rule.apiGroups)
        for (const QString &resource : rule.resources)
            for (const QString &verb : rule.verbs) {
                if (rule.resourceNames.isEmpty())
                    out.append(Rule{{verb}, {group}, {resource}, {}, {}, {}});
                for (const QString &name : rule.resourceNames)
                    out.append(Rule{{verb}, {group}, {resource}, {name}, {}, {}});
            }
    for (const QString &url : rule.nonResourceURLs)
        for (const QString &verb : rule.verbs)
            out.append(Rule{{verb}, {}, {}, {}, {url}, {}});
}

/// kubectl's CompactRules: rules of one group, one resource and at most one name merge by those,
/// their verbs appended; every other rule stays as it is.
QList<Rule> compact(const QList<Rule> &rules)
{
    QList<Rule> out;
    QHash<QString, qsizetype> simple; // key → index in `merged`
    QList<Rule> merged;
    for (const Rule &rule : rules) {
        if (rule.resourceNames.size() > 1 || !rule.nonResourceURLs.isEmpty() || rule.apiGroups.size() != 1 ||
            rule.resources.size() != 1) {
            out.append(rule);
            continue;
        }
        const QString key = rule.apiGroups[0] + u'\n' + rule.resources[0] + u'\n' +
                            (rule.resourceNames.isEmpty() ? QStringLiteral("-") : u'+' + rule.resourceNames[0]);
        const auto found = simple.constFind(key);
        if (found == simple.constEnd()) {
            simple.insert(key, merged.size());
            merged.append(rule);
        } else {
            merged[*found].verbs += rule.verbs;
        }
    }
    return out + merged;
}

/// describe.CombineResourceGroup: the first resource, with its group after a dot and before any
/// subresource.
QString resourceColumn(const Rule &r)
{
    if (r.resources.isEmpty())
        return {};
    const QString &resource = r.resources[0];
    const qsizetype slash = resource.indexOf(u'/');
    QString text = slash < 0 ? resource : resource.left(slash);
    if (!r.apiGroups.isEmpty() && !r.apiGroups[0].isEmpty())
        text += u'.' + r.apiGroups[0];
    if (slash >= 0)
        text += resource.mid(slash);
    return text;
}

qsizetype runes(const QString &text)
{
    return text.toUcs4().size();
}

} // namespace

QString accessTable(const QList<Rule> &rules)
{
    QList<Rule> broken;
    for (const Rule &rule : rules)
        if (!rule.resources.isEmpty())
            breakDown(Rule{rule.verbs, rule.apiGroups, rule.resources, rule.resourceNames, {}, {}}, broken);
    for (const Rule &rule : rules)
        if (!rule.nonResourceURLs.isEmpty())
            breakDown(Rule{rule.verbs, {}, {}, {}, rule.nonResourceURLs, {}}, broken);
    QList<std::pair<QString, Rule>> sorted;
    for (const Rule &rule : compact(broken))
        sorted.append({goText(rule), rule});
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first < b.first; });

    using Row = std::array<QString, 4>;
    QList<Row> rows{{QStringLiteral("Resources"), QStringLiteral("Non-Resource URLs"), QStringLiteral("Resource Names"),
                     QStringLiteral("Verbs")}};
    for (const auto &[text, r] : sorted)
        rows.append({resourceColumn(r), goList(r.nonResourceURLs), goList(r.resourceNames), goList(r.verbs)});
    // text/tabwriter with minwidth 6, padding 3: each column as wide as its widest cell plus 3;
    // the last field ends its line and is not padded.
    std::array<qsizetype, 3> widths{6, 6, 6};
    for (const Row &row : rows)
        for (int c = 0; c < 3; ++c)
            widths[c] = std::max(widths[c], runes(row[c]) + 3);
    QString table;
    for (const Row &row : rows) {
        for (int c = 0; c < 3; ++c)
            table += row[c] + QString(widths[c] - runes(row[c]), u' ');
        table += row[3] + u'\n';
    }
    return table;
}

} // namespace k8sfc::rbac
