// Profiles in the window: a mistyped --profile asks before it creates one (UX review, "Data and
// profiles").
#include "profilepicker.h"
#include "profiles.h"
#include "settings.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace k8sfc;

class TestProfileSwitch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void mistypedProfile_asksBeforeCreating();

private:
    /// Answers the next question box with the button labelled `answer`, noting its text.
    void answerNextBox(const QString &answer);
    QString folder(const char *name) const { return Profiles::folder(m_data.path(), QString::fromLatin1(name)); }

    QTemporaryDir m_data;
    QString m_asked;
};

void TestProfileSwitch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Settings::machineFile().clear();
    QVERIFY(QDir().mkpath(folder("Ana")));
    QVERIFY(QDir().mkpath(folder("Ben")));
}

void TestProfileSwitch::answerNextBox(const QString &answer)
{
    QTimer::singleShot(0, this, [this, answer] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        m_asked = box->text() + u'\n' + box->informativeText();
        for (QAbstractButton *b : box->buttons())
            if (b->text() == answer)
                return b->click();
        QFAIL(qPrintable(QStringLiteral("no button ") + answer));
    });
}

void TestProfileSwitch::mistypedProfile_asksBeforeCreating()
{
    QVERIFY(!Profiles::exists(m_data.path(), QStringLiteral("Anna")));
    QVERIFY(Profiles::exists(m_data.path(), QStringLiteral("Ana")));
    QVERIFY(Profiles::exists(m_data.path(), QStringLiteral("Default")));
    answerNextBox(QStringLiteral("Cancel"));
    QCOMPARE(ProfilePicker::confirmNew(m_data.path(), QStringLiteral("Anna")), std::nullopt);
    QVERIFY2(m_asked.startsWith(QStringLiteral("No profile named “Anna”. Create it?")), qPrintable(m_asked));
    QVERIFY2(m_asked.contains(QStringLiteral("Default, Ana, Ben")), qPrintable(m_asked));
    QVERIFY(!QFileInfo::exists(folder("Anna")));
    answerNextBox(QStringLiteral("Create “Anna”"));
    QCOMPARE(ProfilePicker::confirmNew(m_data.path(), QStringLiteral("Anna")).value_or(QString()),
             QStringLiteral("Anna"));
}

QTEST_MAIN(TestProfileSwitch)
#include "tst_profileswitch.moc"
