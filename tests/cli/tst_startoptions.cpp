// The command line read as a value, before any QCoreApplication exists.
#include "startoptions.h"

#include <QTest>

using namespace k8sfc::cli;

class TestStartOptions : public QObject
{
    Q_OBJECT
private slots:
    void noArguments_openTheWindow();
    void windowOptions();
    void qtOptions_areLeftForQApplication();
    void unknownOptions_areErrors_data();
    void unknownOptions_areErrors();
    void profileNames();
    void emptyValues_nameTheirOption();
    void subcommands();
    void rbacOptions();
    void help_listsEveryOption();
};

static StartOptions parse(const QStringList &args)
{
    return parseStartOptions(QStringList{QStringLiteral("k8s-flashcards")} + args);
}

void TestStartOptions::noArguments_openTheWindow()
{
    const StartOptions o = parse({});
    QCOMPARE(o.command, Command::Window);
    QVERIFY(o.error.isEmpty());
    QVERIFY(o.dataDir.isEmpty() && o.profile.isEmpty() && o.contentDirs.isEmpty() && !o.present);
    QVERIFY(!o.forQt());
}

void TestStartOptions::windowOptions()
{
    const StartOptions o =
        parse({QStringLiteral("--data-dir"), QStringLiteral("/tmp/d"), QStringLiteral("--profile"),
               QStringLiteral("Ana"), QStringLiteral("--content"), QStringLiteral("a"), QStringLiteral("--content=b"),
               QStringLiteral("--present"), QStringLiteral("kubectl-apply")});
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.command, Command::Window);
    QCOMPARE(o.dataDir, QStringLiteral("/tmp/d"));
    QCOMPARE(o.profile, QStringLiteral("Ana"));
    QCOMPARE(o.contentDirs, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(o.present);
    QCOMPARE(o.walkthrough(), QStringLiteral("kubectl-apply"));
    QVERIFY(parse({QStringLiteral("--present")}).walkthrough().isEmpty());
    QCOMPARE(parse({QStringLiteral("--present"), QStringLiteral("-")}).walkthrough(), QStringLiteral("-"));
    QCOMPARE(parse({QStringLiteral("--data-dir")}).error, QStringLiteral("--data-dir needs a DIR"));
    QCOMPARE(parse({QStringLiteral("--present=x")}).error, QStringLiteral("--present takes no value"));
    QVERIFY(!parse({QStringLiteral("one"), QStringLiteral("two")}).error.isEmpty());

    // --rbac-lab starts in the lab, with the policy file named after the options if any.
    const StartOptions lab = parse({QStringLiteral("--rbac-lab"), QStringLiteral("export.yaml")});
    QVERIFY2(lab.error.isEmpty(), qPrintable(lab.error));
    QVERIFY(lab.rbacLab && !lab.present);
    QCOMPARE(lab.policy(), QStringLiteral("export.yaml"));
    QVERIFY(parse({QStringLiteral("--rbac-lab")}).policy().isEmpty());
    QVERIFY(!parse({}).rbacLab);
    QCOMPARE(parse({QStringLiteral("--rbac-lab"), QStringLiteral("--present")}).error,
             QStringLiteral("--present and --rbac-lab cannot be used together"));
}

// Qt's options are QApplication's: the first parse only notes them (the app then parses again
// once QApplication has removed them); our own options around them are still read.
void TestStartOptions::qtOptions_areLeftForQApplication()
{
    const StartOptions o =
        parse({QStringLiteral("-platform"), QStringLiteral("offscreen"), QStringLiteral("--profile"),
               QStringLiteral("Ana"), QStringLiteral("-style"), QStringLiteral("Fusion"), QStringLiteral("--present")});
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QVERIFY(o.forQt());
    QCOMPARE(o.qtOptions, (QStringList{QStringLiteral("-platform"), QStringLiteral("offscreen"),
                                       QStringLiteral("-style"), QStringLiteral("Fusion")}));
    QCOMPARE(o.profile, QStringLiteral("Ana"));
    QVERIFY(o.present);
    QVERIFY(o.walkthrough().isEmpty()); // "offscreen" and "Fusion" are the options' values
    QCOMPARE(parse({QStringLiteral("--platform"), QStringLiteral("offscreen")}).qtOptions.size(), 2);
    QCOMPARE(parse({QStringLiteral("-style=Fusion")}).qtOptions, QStringList{QStringLiteral("-style=Fusion")});
    // What QApplication leaves: the same options, nothing for Qt.
    const StartOptions after = parse({QStringLiteral("--profile"), QStringLiteral("Ana"), QStringLiteral("--present")});
    QVERIFY(!after.forQt());
    QCOMPARE(after.profile, o.profile);
    // Headless commands run without QApplication: nothing there is Qt's.
    QCOMPARE(parse({QStringLiteral("validate"), QStringLiteral("-platform")}).error,
             QStringLiteral("unknown option -platform"));
}

void TestStartOptions::unknownOptions_areErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<Command>("command");
    QTest::newRow("window") << QStringList{QStringLiteral("--frobnicate")} << Command::Window;
    QTest::newRow("after a Qt option") << QStringList{QStringLiteral("-platform"), QStringLiteral("offscreen"),
                                                      QStringLiteral("--frobnicate")}
                                       << Command::Window;
    QTest::newRow("validate") << QStringList{QStringLiteral("validate"), QStringLiteral("--frobnicate")}
                              << Command::Validate;
    QTest::newRow("replay") << QStringList{QStringLiteral("replay"), QStringLiteral("--frobnicate"),
                                           QStringLiteral("x")}
                            << Command::Replay;
    QTest::newRow("window's option in replay")
        << QStringList{QStringLiteral("replay"), QStringLiteral("--profile"), QStringLiteral("x")} << Command::Replay;
}

void TestStartOptions::unknownOptions_areErrors()
{
    QFETCH(QStringList, args);
    QFETCH(Command, command);
    const StartOptions o = parse(args);
    QCOMPARE(o.command, command);
    QVERIFY2(o.error.startsWith(QStringLiteral("unknown option --")), qPrintable(o.error));
}

void TestStartOptions::profileNames()
{
    QVERIFY(parse({QStringLiteral("--profile"), QStringLiteral("ben 2")}).error.isEmpty());
    QVERIFY(parse({QStringLiteral("--profile"), QStringLiteral("Default")}).error.isEmpty());
    QCOMPARE(parse({QStringLiteral("--profile"), QStringLiteral("../escape")}).error,
             QStringLiteral("\"../escape\" is not a profile name (letters, digits, spaces, - and _)"));
}

// Reliability review, minor: `--data-dir ""` was blamed on the profile name, or quietly meant the default.
void TestStartOptions::emptyValues_nameTheirOption()
{
    QCOMPARE(parse({QStringLiteral("--data-dir"), QString()}).error,
             QStringLiteral("--data-dir needs a DIR, not an empty value"));
    QCOMPARE(parse({QStringLiteral("--data-dir=")}).error,
             QStringLiteral("--data-dir needs a DIR, not an empty value"));
    QCOMPARE(parse({QStringLiteral("--profile"), QString()}).error,
             QStringLiteral("--profile needs a NAME, not an empty value"));
}

void TestStartOptions::subcommands()
{
    StartOptions o = parse({QStringLiteral("validate"), QStringLiteral("decks/a.yaml"), QStringLiteral("diagrams")});
    QCOMPARE(o.command, Command::Validate);
    QCOMPARE(o.operands, (QStringList{QStringLiteral("decks/a.yaml"), QStringLiteral("diagrams")}));
    QVERIFY(parse({QStringLiteral("validate")}).error.isEmpty());

    o = parse({QStringLiteral("replay"), QStringLiteral("-"), QStringLiteral("--long-term")});
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.command, Command::Replay);
    QVERIFY(o.longTerm);
    QCOMPARE(o.operands, QStringList{QStringLiteral("-")});
    QVERIFY(!parse({QStringLiteral("replay"), QStringLiteral("log.json")}).longTerm);
    QCOMPARE(parse({QStringLiteral("replay")}).error, QStringLiteral("expected FILE"));
    QVERIFY(!parse({QStringLiteral("replay"), QStringLiteral("a"), QStringLiteral("b")}).error.isEmpty());
    QCOMPARE(usageOf(Command::Replay), QStringLiteral("usage: k8s-flashcards replay [--long-term] FILE"));

    o = parse({QStringLiteral("optimize"), QStringLiteral("history.csv")});
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.command, Command::Optimize);
    QCOMPARE(o.dayStart, 4); // the app's default
    QVERIFY(!o.longTerm);
    o = parse({QStringLiteral("optimize"), QStringLiteral("--day-start"), QStringLiteral("0"),
               QStringLiteral("--long-term"), QStringLiteral("-")});
    QCOMPARE(o.dayStart, 0);
    QVERIFY(o.longTerm);
    QCOMPARE(parse({QStringLiteral("optimize"), QStringLiteral("--day-start=23"), QStringLiteral("-")}).dayStart, 23);
    for (const char *hour : {"24", "-1", "4h", "four"})
        QCOMPARE(
            parse({QStringLiteral("optimize"), QStringLiteral("--day-start"), QLatin1String(hour), QStringLiteral("-")})
                .error,
            QStringLiteral("--day-start needs an HOUR from 0 to 23"));
    QCOMPARE(parse({QStringLiteral("optimize")}).error, QStringLiteral("expected HISTORY.csv|-"));
    QCOMPARE(usageOf(Command::Optimize),
             QStringLiteral("usage: k8s-flashcards optimize [--day-start HOUR] [--long-term] HISTORY.csv|-"));

    o = parse({QStringLiteral("cache-decks"), QStringLiteral("out")});
    QCOMPARE(o.command, Command::CacheDecks);
    QCOMPARE(o.operands, QStringList{QStringLiteral("out")});

    for (const char *flag : {"--version", "-v"})
        QCOMPARE(parse({QString::fromLatin1(flag)}).command, Command::Version);
    for (const char *flag : {"--help", "-h"})
        QCOMPARE(parse({QString::fromLatin1(flag)}).command, Command::Help);
    QCOMPARE(parse({QStringLiteral("--data-dir"), QStringLiteral("d"), QStringLiteral("--help")}).command,
             Command::Help);
}

void TestStartOptions::rbacOptions()
{
    const StartOptions o = parse({QStringLiteral("rbac"), QStringLiteral("can-i"), QStringLiteral("get"),
                                  QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("dev"),
                                  QStringLiteral("--as"), QStringLiteral("jane"), QStringLiteral("--as-group"),
                                  QStringLiteral("a"), QStringLiteral("--as-group=b"), QStringLiteral("--policy"),
                                  QStringLiteral("p1.yaml"), QStringLiteral("--policy"), QStringLiteral("p2.yaml"),
                                  QStringLiteral("--subresource"), QStringLiteral("log"), QStringLiteral("-A")});
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.command, Command::Rbac);
    QCOMPARE(o.operands, (QStringList{QStringLiteral("can-i"), QStringLiteral("get"), QStringLiteral("pods")}));
    QCOMPARE(o.rbac.ns, QStringLiteral("dev"));
    QCOMPARE(o.rbac.user, QStringLiteral("jane"));
    QCOMPARE(o.rbac.groups, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(o.rbac.policies, (QStringList{QStringLiteral("p1.yaml"), QStringLiteral("p2.yaml")}));
    QCOMPARE(o.rbac.subresource, QStringLiteral("log"));
    QVERIFY(o.rbac.allNamespaces);
    QCOMPARE(parse({QStringLiteral("rbac")}).error, QStringLiteral("expected can-i | who-can | list"));
    // The window's options are not rbac's.
    QVERIFY(!parse({QStringLiteral("rbac"), QStringLiteral("list"), QStringLiteral("--data-dir"), QStringLiteral("d")})
                 .error.isEmpty());
    QVERIFY(usageOf(Command::Rbac)
                .startsWith(QStringLiteral(
                    "usage: k8s-flashcards rbac can-i VERB RESOURCE[.GROUP][/NAME] [--subresource SUB] [-n NS | -A] "
                    "--as USER [--as-group GROUP]... --policy FILE [--policy FILE]...\n"
                    "       k8s-flashcards rbac can-i VERB /NON/RESOURCE/PATH")));
}

void TestStartOptions::help_listsEveryOption()
{
    const QString help = helpText();
    for (const char *text :
         {"--data-dir DIR", "--profile NAME", "--content DIR", "--present", "--version", "--help", "validate [PATH...]",
          "replay [--long-term] FILE", "--long-term", "cache-decks DIR", "[WALKTHROUGH | POLICY]", "--rbac-lab",
          "optimize [--day-start HOUR] [--long-term] HISTORY.csv|-", "--day-start HOUR"})
        QVERIFY2(help.contains(QLatin1String(text)), text);
    for (const QString &line : help.split(u'\n')) // the descriptions are wrapped; usage lines are not
        QVERIFY2(line.size() <= 80 || line.contains(QLatin1String("k8s-flashcards ")), qPrintable(line));
}

QTEST_GUILESS_MAIN(TestStartOptions)
#include "tst_startoptions.moc"
