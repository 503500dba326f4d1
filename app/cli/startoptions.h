#pragma once

#include <QString>
#include <QStringList>

namespace k8sfc::cli {

/// What the program was asked to do.
enum class Command { Window, Validate, Replay, Optimize, CacheDecks, Rbac, Version, Help };

/// `rbac`'s options.
struct RbacOptions
{
    QString subresource;        ///< --subresource
    QString ns;                 ///< -n; empty: a cluster-wide request
    bool allNamespaces = false; ///< -A
    QString user;               ///< --as
    QStringList groups;         ///< --as-group, in the order given
    QStringList policies;       ///< --policy, in the order given
};

/// The command line as a value: parseStartOptions() reads it without side effects.
struct StartOptions
{
    Command command = Command::Window;
    Command helpFor = Command::Window; ///< Help: the command whose help was asked (`rbac --help`), or all
    QString dataDir;                   ///< --data-dir; empty: the user's data folder
    QString profile;                   ///< --profile; empty: ask when there is more than one
    QStringList contentDirs;           ///< --content, in the order given
    bool present = false;              ///< --present
    bool rbacLab = false;              ///< --rbac-lab
    bool longTerm = false;             ///< replay and optimize --long-term
    int dayStart = 4;                  ///< optimize --day-start: the hour a learner's day starts; -1 if not one
    RbacOptions rbac;                  ///< rbac can-i, who-can, list
    QStringList operands; ///< what follows the options: the walkthrough, validate's PATHs, replay's FILE...
    /// Qt's own options (-platform offscreen, -style...), with their values. QApplication removes
    /// them, and only then can the rest be relied on: parse again with QApplication::arguments().
    QStringList qtOptions;
    QString error; ///< non-empty: the command line cannot be used (exit 2, after printing usage)

    /// With --present: the walkthrough named after the options, if any.
    QString walkthrough() const { return operands.value(0); }
    /// With --rbac-lab: the policy file named after the options, if any.
    QString policy() const { return operands.value(0); }
    bool forQt() const { return !qtOptions.isEmpty(); }
};

/// Reads `args` (argv, the program's name first). Pure: no QCoreApplication needed.
StartOptions parseStartOptions(const QStringList &args);

/// `--help`'s text, made from the same table the parser reads.
/// Every command's usage and options, or one command's (`rbac --help`).
QString helpText(Command command = Command::Window);
/// One command's usage line ("usage: k8s-flashcards replay [--long-term] FILE").
QString usageOf(Command command);

} // namespace k8sfc::cli
