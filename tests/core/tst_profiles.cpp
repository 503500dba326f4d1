#include "profiles.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestProfiles : public QObject
{
    Q_OBJECT
private slots:
    void defaultLivesInTheDataFolder_othersBeside();
    void names_data();
    void names();
};

void TestProfiles::defaultLivesInTheDataFolder_othersBeside()
{
    QTemporaryDir dir;
    QCOMPARE(Profiles::list(dir.path()), QStringList{QStringLiteral("Default")});
    QCOMPARE(Profiles::folder(dir.path(), QStringLiteral("Default")), dir.path());
    QCOMPARE(Profiles::folder(dir.path(), QString()), dir.path());
    QVERIFY(QDir().mkpath(Profiles::folder(dir.path(), QStringLiteral("Ana"))));
    QVERIFY(QDir().mkpath(Profiles::folder(dir.path(), QStringLiteral("ben 2"))));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("profiles/.hidden"))));
    QCOMPARE(Profiles::list(dir.path()),
             (QStringList{QStringLiteral("Default"), QStringLiteral("Ana"), QStringLiteral("ben 2")}));
    QCOMPARE(Profiles::folder(dir.path(), QStringLiteral("Ana")), dir.filePath(QStringLiteral("profiles/Ana")));
    QVERIFY(Profiles::folder(dir.path(), QStringLiteral("../escape")).isEmpty());
}

void TestProfiles::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("word") << "Ana" << true;
    QTest::newRow("spaces and digits") << "Lab PC 3" << true;
    QTest::newRow("non-ASCII letters") << "Zoë" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("leading space") << " ana" << false;
    QTest::newRow("slash") << "a/b" << false;
    QTest::newRow("dots") << ".." << false;
    QTest::newRow("too long") << QString(41, u'a') << false;
}

void TestProfiles::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(Profiles::isValidName(name), valid);
}

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
