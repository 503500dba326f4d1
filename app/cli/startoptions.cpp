#include "startoptions.h"

#include "profiles.h"

#include <span>
#include <variant>

namespace k8sfc::cli {

namespace {

using Apply = void (*)(StartOptions &, const QString &value);

struct Option
{
    const char *name;  ///< "--data-dir"
    const char *alias; ///< "-h", or nullptr
    const char *value; ///< "DIR"; nullptr for a flag
    bool repeatable;
    const char *help;
    Apply apply;
};

// One entry per command: a new command is its Command value, its row here and its runner in cli.cpp.
struct CommandSpec
{
    Command command;
    const char *name;     ///< nullptr for the window
    const char *operands; ///< as shown in the usage
    int minOperands;
    int maxOperands; ///< -1: any number
    const char *help;
    std::span<const Option> options;
    /// Usage lines of its own (one per line, each starting with the command's name) for a command
    /// whose operands change what it takes; nullptr: made from the options and operands.
    const char *usageLines = nullptr;
};

constexpr Option kWindowOptions[] = {
    {"--data-dir", nullptr, "DIR", false, "keep the mastery database in DIR instead of the user's data folder",
     [](StartOptions &o, const QString &v) { o.dataDir = v; }},
    {"--profile", nullptr, "NAME", false,
     "study as the learner NAME, with that profile's grades and study options (without it, the app asks "
     "when there is more than one profile)",
     [](StartOptions &o, const QString &v) { o.profile = v; }},
    {"--content", nullptr, "DIR", true,
     "also read decks/, diagrams/ and diagrams/walkthroughs/ from DIR (repeatable); files there reload when "
     "they change",
     [](StartOptions &o, const QString &v) { o.contentDirs.append(v); }},
    {"--present", nullptr, nullptr, false,
     "start full screen in presentation mode with the WALKTHROUGH named after the options (its id, e.g. "
     "kubectl-apply; \"-\" for the diagram alone), else the first",
     [](StartOptions &o, const QString &) { o.present = true; }},
    {"--rbac-lab", nullptr, nullptr, false,
     "start in the RBAC lab; with a POLICY file named after the options (an RBAC export), open it under "
     "\"Your policy\"",
     [](StartOptions &o, const QString &) { o.rbacLab = true; }},
    {"--version", "-v", nullptr, false, "print the version and exit",
     [](StartOptions &o, const QString &) { o.command = Command::Version; }},
    {"--help", "-h", nullptr, false, "print this help and exit",
     [](StartOptions &o, const QString &) { o.command = Command::Help; }},
};

constexpr Option kReplayOptions[] = {
    {"--long-term", nullptr, nullptr, false, "FSRS without learning steps",
     [](StartOptions &o, const QString &) { o.longTerm = true; }},
};

constexpr Option kOptimizeOptions[] = {
    {"--day-start", nullptr, "HOUR", false, "a day starts at HOUR local time (TZ), 0-23; default 4, as in the app",
     [](StartOptions &o, const QString &v) {
         bool ok = false;
         const int hour = v.toInt(&ok);
         o.dayStart = ok && hour >= 0 && hour <= 23 ? hour : -1;
     }},
    {"--long-term", nullptr, nullptr, false, "fit with the short-term terms off (w17-w19 stay 0)",
     [](StartOptions &o, const QString &) { o.longTerm = true; }},
};

constexpr Option kRbacOptions[] = {
    {"--policy", nullptr, "FILE", true,
     "read Roles, ClusterRoles, RoleBindings and ClusterRoleBindings from FILE (YAML: single objects, --- "
     "separated documents or a kind: List export; repeatable); other kinds are skipped",
     [](StartOptions &o, const QString &v) { o.rbac.policies.append(v); }},
    {"--as", nullptr, "USER", false,
     "ask as USER, built as the API server builds an impersonated user (system:serviceaccount:NS:NAME for a "
     "ServiceAccount)",
     [](StartOptions &o, const QString &v) { o.rbac.user = v; }},
    {"--as-group", nullptr, "GROUP", true, "a group of the user (repeatable)",
     [](StartOptions &o, const QString &v) { o.rbac.groups.append(v); }},
    {"-n", nullptr, "NS", false,
     "the request's namespace. Without it (or with -A) the request is cluster-wide: kubectl would take the "
     "kubeconfig's namespace, and this tool reads no kubeconfig",
     [](StartOptions &o, const QString &v) { o.rbac.ns = v; }},
    {"-A", nullptr, nullptr, false, "a cluster-wide request (all namespaces)",
     [](StartOptions &o, const QString &) { o.rbac.allNamespaces = true; }},
    {"--subresource", nullptr, "SUB", false, "the subresource asked for (log, status, scale...)",
     [](StartOptions &o, const QString &v) { o.rbac.subresource = v; }},
};

constexpr CommandSpec kCommands[] = {
    {Command::Window, nullptr, "[WALKTHROUGH | POLICY]", 0, 1,
     "Learn how a Kubernetes cluster is built and secured: click a component of the architecture diagram to "
     "study its flashcards; your grades are kept in SQLite.",
     kWindowOptions},
    {Command::Validate,
     "validate",
     "[PATH...]",
     0,
     -1,
     "check decks (*.yaml), diagrams (*.svg) and the component registry (components.yaml), or content "
     "folders; no PATH checks the bundled content. Prints path:line:column: error: message per problem and "
     "exits 1 on any error, 2 on a usage error.",
     {}},
    {Command::Replay, "replay", "FILE", 1, 1,
     "replay a review log through the FSRS-6 scheduler. FILE (- for stdin) is a JSON array of {\"card_id\", "
     "\"timestamp\" (ISO 8601, UTC), \"rating\" (1-4)}. Prints the card after each review as one JSON object "
     "per line, in time order. Exits 2 on bad input, naming the event (counting from 0).",
     kReplayOptions},
    {Command::Optimize, "optimize", "HISTORY.csv|-", 1, 1,
     "fit the 21 FSRS-6 parameters to a review history (the CSV that File > Export Review History writes; - "
     "for stdin) as fsrs-rs does. Prints one JSON object: {\"parameters\", \"reviews\", \"items\", "
     "\"log_loss\", \"rmse_bins\", \"default_log_loss\", \"default_rmse_bins\"}. Exits 1 when there are "
     "too few reviews to fit, 2 on a malformed row (path:line:column: error: message).",
     kOptimizeOptions},
    {Command::CacheDecks,
     "cache-decks",
     "DIR",
     1,
     1,
     "parse the bundled decks into DIR, the parsed-deck folder installed beside them (the build runs this), "
     "so a first start parses no bundled YAML. Exits 1 if the bundled content has errors.",
     {}},
    {Command::Rbac, "rbac", "can-i | who-can | list", 1, 3,
     "answer as the Kubernetes RBAC authorizer would, offline, from policy files. can-i prints yes (and, on a "
     "second line, the binding that allows it, in the API server's words) or no, and exits 0 for yes, 1 for "
     "no. who-can prints each subject allowed, with its binding, sorted; exits 1 when nobody may. list prints "
     "the user's rules as kubectl auth can-i --list does. RESOURCE is a Kubernetes v1.34 resource by its plural "
     "or short name (pods, deploy), or RESOURCE.GROUP for any other; -n with a cluster-scoped resource is "
     "dropped with a warning. RBAC alone is modelled: no Node or webhook authorizer, and no system:masters "
     "short-cut. Exits 2 on a usage error or a policy file it cannot read exactly "
     "(path:line:column: error: message).",
     kRbacOptions,
     "rbac can-i VERB RESOURCE[.GROUP][/NAME] [--subresource SUB] [-n NS | -A] --as USER [--as-group GROUP]... "
     "--policy FILE [--policy FILE]...\n"
     "rbac can-i VERB /NON/RESOURCE/PATH --as USER [--as-group GROUP]... --policy FILE [--policy FILE]...\n"
     "rbac who-can VERB RESOURCE[.GROUP][/NAME] [--subresource SUB] [-n NS] --policy FILE [--policy FILE]...\n"
     "rbac list --as USER [--as-group GROUP]... [-n NS] --policy FILE [--policy FILE]..."},
};

// QGuiApplication's options that take a value (Qt also accepts them with two dashes).
constexpr const char *kQtValueOptions[] = {
    "platform",  "platformpluginpath", "platformtheme", "plugin",  "qwindowgeometry", "geometry", "qwindowicon",
    "icon",      "qwindowtitle",       "title",         "session", "display",         "name",     "style",
    "stylesheet"};

const CommandSpec &specOf(Command command)
{
    for (const CommandSpec &spec : kCommands)
        if (spec.command == command)
            return spec;
    return kCommands[0]; // --version and --help are the window's options
}

const Option *findOption(std::span<const Option> options, const QString &name)
{
    for (const Option &option : options)
        if (name == QLatin1String(option.name) || (option.alias && name == QLatin1String(option.alias)))
            return &option;
    return nullptr;
}

bool isQtValueOption(const QString &name)
{
    const QString bare = name.mid(name.startsWith(QLatin1String("--")) ? 2 : 1);
    for (const char *option : kQtValueOptions)
        if (bare == QLatin1String(option))
            return true;
    return false;
}

StartOptions failed(StartOptions options, const QString &error)
{
    options.error = error;
    return options;
}

struct Problem
{
    QString message;
};

/// The value of `option` given as args[i] (`--name=value`, or the next argument, which it takes),
/// "" for an option that takes none, or what is wrong.
std::variant<QString, Problem> optionValue(const Option &option, const QString &name, qsizetype equals,
                                           const QStringList &args, qsizetype &i)
{
    const QString &arg = args.at(i);
    QString value;
    if (option.value && equals >= 0)
        value = arg.mid(equals + 1);
    else if (option.value && i + 1 < args.size())
        value = args.at(++i);
    else if (option.value)
        return Problem{QStringLiteral("%1 needs a %2").arg(name, QLatin1String(option.value))};
    else if (equals >= 0)
        return Problem{QStringLiteral("%1 takes no value").arg(name)};
    // An empty DIR or NAME (an unset shell variable) would quietly mean the default one.
    if (option.value && value.isEmpty())
        return Problem{QStringLiteral("%1 needs a %2, not an empty value").arg(name, QLatin1String(option.value))};
    return value;
}

QString operandError(const CommandSpec &spec, qsizetype count)
{
    if (count < spec.minOperands)
        return QStringLiteral("expected %1").arg(QLatin1String(spec.operands));
    if (spec.maxOperands >= 0 && count > spec.maxOperands)
        return QStringLiteral("expected %1, not %2 arguments").arg(QLatin1String(spec.operands)).arg(count);
    return {};
}

} // namespace

StartOptions parseStartOptions(const QStringList &args)
{
    StartOptions o;
    const CommandSpec *spec = &kCommands[0];
    qsizetype i = 1;
    for (const CommandSpec &command : kCommands)
        if (command.name && args.value(1) == QLatin1String(command.name)) {
            spec = &command;
            o.command = command.command;
            i = 2;
        }
    bool optionsEnded = false;
    for (; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (optionsEnded || arg == QLatin1String("-") || !arg.startsWith(u'-')) {
            o.operands.append(arg);
            continue;
        }
        if (arg == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        if (spec->command != Command::Window && (arg == QLatin1String("--help") || arg == QLatin1String("-h"))) {
            o.helpFor = spec->command; // `rbac --help`: that command's help, whatever else is given
            o.command = Command::Help;
            return o;
        }
        const qsizetype equals = arg.indexOf(u'=');
        const QString name = arg.left(equals);
        const Option *option = findOption(spec->options, name);
        // -platform, -style, a platform plugin's own...: QApplication's to take. Any option with
        // one dash may be one of those, so it is only an error if it is still there after.
        if (!option && spec->command == Command::Window &&
            (!name.startsWith(QLatin1String("--")) || isQtValueOption(name))) {
            o.qtOptions.append(arg);
            if (equals < 0 && isQtValueOption(name) && i + 1 < args.size())
                o.qtOptions.append(args.at(++i));
            continue;
        }
        if (!option)
            return failed(o, QStringLiteral("unknown option %1").arg(arg));
        const std::variant<QString, Problem> value = optionValue(*option, name, equals, args, i);
        if (const auto *problem = std::get_if<Problem>(&value))
            return failed(o, problem->message);
        option->apply(o, std::get<QString>(value));
    }
    if (!o.profile.isEmpty() && !Profiles::isValidName(o.profile))
        return failed(o,
                      QStringLiteral("\"%1\" is not a profile name (letters, digits, spaces, - and _)").arg(o.profile));
    if (o.forQt() || o.command == Command::Version || o.command == Command::Help)
        return o;
    if (o.dayStart < 0)
        return failed(o, QStringLiteral("--day-start needs an HOUR from 0 to 23"));
    if (o.present && o.rbacLab)
        return failed(o, QStringLiteral("--present and --rbac-lab cannot be used together"));
    if (const QString error = operandError(*spec, o.operands.size()); !error.isEmpty())
        return failed(o, error);
    return o;
}

namespace {

// A command's name, options and operands: "replay [--long-term] FILE".
QString synopsis(const CommandSpec &spec)
{
    QString line = spec.name ? QLatin1String(spec.name) + u' ' : QString();
    for (const Option &option : spec.options) {
        if (option.alias) // --version, --help: a usage line of their own
            continue;
        line += u'[' + QLatin1String(option.name);
        if (option.value)
            line += u' ' + QLatin1String(option.value);
        line += option.repeatable ? QStringLiteral("]... ") : QStringLiteral("] ");
    }
    return line + QLatin1String(spec.operands);
}

// `text` wrapped to 80 columns, each line indented by `indent`; the first line continues `lead`.
QString wrapped(QString lead, const QString &text, int indent)
{
    const QString pad(indent, u' ');
    if (!lead.isEmpty() && lead.size() + 2 > indent)
        lead += u'\n' + pad;
    else
        lead = lead.leftJustified(indent);
    qsizetype column = indent;
    bool first = true;
    for (const QString &word : text.split(u' ')) {
        if (!first && column + 1 + word.size() > 80) {
            lead += u'\n' + pad;
            column = indent;
        } else if (!first) {
            lead += u' ';
            ++column;
        }
        lead += word;
        column += word.size();
        first = false;
    }
    return lead + u'\n';
}

QString optionLead(const Option &option, int indent)
{
    QString lead = QString(indent, u' ');
    if (option.alias)
        lead += QLatin1String(option.alias) + QStringLiteral(", ");
    lead += QLatin1String(option.name);
    if (option.value)
        lead += u' ' + QLatin1String(option.value);
    return lead;
}

// The usage lines of a command: its own, or the one made from its options and operands.
QStringList usageLines(const CommandSpec &spec)
{
    if (spec.usageLines)
        return QString::fromLatin1(spec.usageLines).split(u'\n');
    return {synopsis(spec)};
}

} // namespace

QString usageOf(Command command)
{
    return QStringLiteral("usage: k8s-flashcards ") +
           usageLines(specOf(command)).join(QStringLiteral("\n       k8s-flashcards "));
}

QString helpText(Command command)
{
    if (command != Command::Window) {
        const CommandSpec &spec = specOf(command);
        QString text = usageOf(command) + QStringLiteral("\n\n");
        text += wrapped(QString(), QLatin1String(spec.help), 0);
        text += QStringLiteral("\nOptions:\n");
        for (const Option &option : spec.options)
            text += wrapped(optionLead(option, 2), QLatin1String(option.help), 24);
        return text;
    }
    QString text;
    for (const CommandSpec &spec : kCommands)
        for (const QString &line : usageLines(spec))
            text += (text.isEmpty() ? QStringLiteral("Usage: ") : QStringLiteral("       ")) +
                    QStringLiteral("k8s-flashcards ") + line + u'\n';
    text += QStringLiteral("       k8s-flashcards --version | --help\n\n");
    text += wrapped(QString(), QLatin1String(kCommands[0].help), 0);
    text += QStringLiteral("\nOptions:\n");
    for (const Option &option : kWindowOptions)
        text += wrapped(optionLead(option, 2), QLatin1String(option.help), 24);
    text += QStringLiteral("\nCommands:\n");
    for (const CommandSpec &spec : std::span(kCommands).subspan(1)) {
        // A command with usage lines of its own is headed by its name and operands alone.
        const QString head =
            spec.usageLines ? QLatin1String(spec.name) + u' ' + QLatin1String(spec.operands) : synopsis(spec);
        text += wrapped(QStringLiteral("  ") + head, QLatin1String(spec.help), 24);
        for (const Option &option : spec.options)
            text += wrapped(optionLead(option, 4), QLatin1String(option.help), 24);
    }
    return text;
}

} // namespace k8sfc::cli
