// Settings on disk: the computer's shared by every profile, a learner's kept in their profile.
#include "profiles.h"
#include "settings.h"
#include "studysettings.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestSettings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void learnerSettings_belongToTheirProfile();
    void machineSettings_areShared();
    void anOldLearnerValue_movesIntoEachProfile_once();
    void defaults_areTheDeclaredOnes();

private:
    QString profile(const char *name) const { return Profiles::folder(m_data.path(), QString::fromLatin1(name)); }

    QTemporaryDir m_data;
};

void TestSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the computer's file under ~/.qttest
}

void TestSettings::init()
{
    Settings::machineFile().clear();
    QDir(m_data.path()).removeRecursively();
    QVERIFY(QDir().mkpath(profile("Ana")));
    QVERIFY(QDir().mkpath(profile("Ben")));
}

void TestSettings::learnerSettings_belongToTheirProfile()
{
    StudySettings ana;
    ana.desiredRetention = 0.85;
    ana.newCardsPerDay = 7;
    ana.save(Settings(profile("Ana")));
    QCOMPARE(StudySettings::load(Settings(profile("Ana"))).newCardsPerDay, 7);
    QCOMPARE(StudySettings::load(Settings(profile("Ana"))).desiredRetention, 0.85);
    const StudySettings ben = StudySettings::load(Settings(profile("Ben")));
    QCOMPARE(ben.newCardsPerDay, setting::newCardsPerDay.fallback);
    QCOMPARE(ben.desiredRetention, setting::desiredRetention.fallback);
    QVERIFY(QFile::exists(QDir(profile("Ana")).filePath(QStringLiteral("settings.ini"))));
    QVERIFY(!Settings::machineFile().contains(QLatin1String(setting::newCardsPerDay.name)));
}

void TestSettings::machineSettings_areShared()
{
    Settings(profile("Ana")).setValue(setting::presentationScale, 1.5);
    QCOMPARE(Settings(profile("Ben")).value(setting::presentationScale), 1.5);
    QCOMPARE(Settings().value(setting::presentationScale), 1.5);
    Settings().setValue(setting::windowGeometry, QByteArray("\x01\x02", 2));
    QCOMPARE(Settings(profile("Ben")).value(setting::windowGeometry), QByteArray("\x01\x02", 2));
    QVERIFY(!QFile::exists(QDir(profile("Ana")).filePath(QStringLiteral("settings.ini"))));
}

// Before profiles kept their own, study options were the computer's: each learner starts with them.
void TestSettings::anOldLearnerValue_movesIntoEachProfile_once()
{
    {
        QSettings old = Settings::machineFile();
        old.setValue(QStringLiteral("study/day-start-hour"), 6);
        old.setValue(QStringLiteral("study/fuzz"), false);
    }
    QCOMPARE(StudySettings::load(Settings(profile("Ana"))).dayStartHour, 6);
    QCOMPARE(StudySettings::load(Settings(profile("Ana"))).fuzz, false);
    QSettings ana(QDir(profile("Ana")).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QCOMPARE(ana.value(QStringLiteral("study/day-start-hour")).toInt(), 6); // copied into the profile
    // Ben changes his; Ana keeps what she had, and a later change of the old value reaches no one.
    StudySettings ben = StudySettings::load(Settings(profile("Ben")));
    QCOMPARE(ben.dayStartHour, 6);
    ben.dayStartHour = 2;
    ben.save(Settings(profile("Ben")));
    Settings::machineFile().setValue(QStringLiteral("study/day-start-hour"), 9);
    QCOMPARE(StudySettings::load(Settings(profile("Ana"))).dayStartHour, 6);
    QCOMPARE(StudySettings::load(Settings(profile("Ben"))).dayStartHour, 2);
}

void TestSettings::defaults_areTheDeclaredOnes()
{
    const StudySettings s = StudySettings::load(Settings(profile("Ana")));
    QCOMPARE(s.maximumIntervalDays, setting::maximumIntervalDays.fallback);
    QCOMPARE(s.reviewsPerDay, 200);
    QCOMPARE(Settings().value(setting::theme), QStringLiteral("system"));
    QCOMPARE(Settings().value(setting::showMastery), false);
    QVERIFY(Settings().value(setting::lastProfile).isEmpty());
    // Without a profile, learner settings are their defaults and are not written anywhere.
    Settings().setValue(setting::reviewsPerDay, 5);
    QCOMPARE(Settings().value(setting::reviewsPerDay), 200);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
