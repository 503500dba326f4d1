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
    void oldLearnerValues_areCopiedIntoEveryProfile_once();
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

// Before profiles kept their own, study options were the computer's. The first start after the
// change copies that day's values into every profile; a profile made later starts from the
// defaults, and a later change of the old file reaches no one.
void TestSettings::oldLearnerValues_areCopiedIntoEveryProfile_once()
{
    {
        QSettings old = Settings::machineFile();
        old.setValue(QStringLiteral("study/desired-retention"), 0.8);
        old.setValue(QStringLiteral("study/maximum-interval-days"), 100);
        old.setValue(QStringLiteral("study/day-start-hour"), 6);
        old.setValue(QStringLiteral("study/new-cards-per-day"), 7);
        old.setValue(QStringLiteral("study/reviews-per-day"), 50);
        old.setValue(QStringLiteral("study/fuzz"), false);
        old.setValue(QLatin1String(setting::theme.name), QStringLiteral("dark"));
    }
    Settings(profile("Ben")).setValue(setting::newCardsPerDay, 3); // already his own
    Settings::moveLearnerSettingsInto({profile("Ana"), profile("Ben")});
    const StudySettings ana = StudySettings::load(Settings(profile("Ana")));
    QCOMPARE(ana.desiredRetention, 0.8);
    QCOMPARE(ana.maximumIntervalDays, 100);
    QCOMPARE(ana.dayStartHour, 6);
    QCOMPARE(ana.newCardsPerDay, 7);
    QCOMPARE(ana.reviewsPerDay, 50);
    QCOMPARE(ana.fuzz, false);
    const StudySettings ben = StudySettings::load(Settings(profile("Ben")));
    QCOMPARE(ben.newCardsPerDay, 3);
    QCOMPARE(ben.dayStartHour, 6);
    // Written into the profiles' files, and gone from the computer's, whose own settings stay.
    QSettings anaFile(QDir(profile("Ana")).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QCOMPARE(anaFile.value(QStringLiteral("study/day-start-hour")).toInt(), 6);
    for (const QString &key : Settings::machineFile().allKeys())
        QVERIFY2(!key.startsWith(QLatin1String("study/")), qPrintable(key));
    QCOMPARE(Settings().value(setting::theme), QStringLiteral("dark"));
    QVERIFY(QDir().mkpath(profile("Cid")));
    QCOMPARE(StudySettings::load(Settings(profile("Cid"))).dayStartHour, setting::dayStartHour.fallback);
    // A later start has nothing to copy: what Ben changes stays his.
    StudySettings changed = ben;
    changed.dayStartHour = 2;
    changed.save(Settings(profile("Ben")));
    Settings::moveLearnerSettingsInto({profile("Ana"), profile("Ben"), profile("Cid")});
    QCOMPARE(StudySettings::load(Settings(profile("Ben"))).dayStartHour, 2);
    QCOMPARE(StudySettings::load(Settings(profile("Cid"))).dayStartHour, setting::dayStartHour.fallback);
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
