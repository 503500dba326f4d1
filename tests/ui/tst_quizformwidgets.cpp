#include "quizanswer.h"
#include "quizform.h"
#include "quizformwidget.h"
#include "quizformwidgets.h"
#include "quizforms.h"
#include "quizquestion.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using namespace k8sfc;
using Form = QuizQuestion::Form;

namespace {

/// Counts the Enter presses that reach it, as the quiz pane would take them for "next".
class Host : public QWidget
{
public:
    int enters = 0;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Return)
            ++enters;
    }
};

} // namespace

class TestQuizFormWidgets : public QObject
{
    Q_OBJECT
private slots:
    void everyRegisteredForm_hasAWidget();
    void choice_numbersItsOptions_andMarksTheAnswer();
    void typed_enterAnswers_andGoesNoFurther();
};

void TestQuizFormWidgets::everyRegisteredForm_hasAWidget()
{
    for (const QuizForm *form : quizForms()) {
        std::unique_ptr<QuizFormWidget> widget(createQuizFormWidget(form->id()));
        QVERIFY2(widget, qPrintable(form->name()));
        // Choice and typed answers are given in the pane, the rest on the diagram.
        QCOMPARE(widget->wantsDiagramClick(), form->id() != Form::MultipleChoice && form->id() != Form::Typed);
    }
    QVERIFY(!createQuizFormWidget(Form(99)));
}

void TestQuizFormWidgets::choice_numbersItsOptions_andMarksTheAnswer()
{
    std::unique_ptr<QuizFormWidget> widget(createQuizFormWidget(Form::MultipleChoice));
    QuizQuestion q;
    q.form = Form::MultipleChoice;
    q.options = QStringList{QStringLiteral("etcd"), QStringLiteral("kubelet"), QStringLiteral("CoreDNS")};
    q.correctOption = 2;
    widget->showQuestion(q);
    widget->showQuestion(q); // a second question replaces the buttons
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
    const QList<QPushButton *> buttons = widget->findChildren<QPushButton *>();
    QCOMPARE(buttons.size(), 3);
    QCOMPARE(buttons.at(1)->objectName(), QStringLiteral("option2"));
    QCOMPARE(buttons.at(1)->text(), QStringLiteral("2.  kubelet"));
    QCOMPARE(buttons.at(1)->shortcut(), QKeySequence(Qt::Key_2));
    QSignalSpy chosen(widget.get(), &QuizFormWidget::choiceMade);
    QTest::mouseClick(buttons.at(1), Qt::LeftButton);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toInt(), 1);

    QuizAnswer a;
    a.chosenOption = 1;
    widget->showAnswer(q, a);
    QVERIFY(buttons.at(2)->text().endsWith(QStringLiteral("✓")));
    QVERIFY(buttons.at(1)->text().endsWith(QStringLiteral("✗")));
    QVERIFY(!buttons.at(0)->text().contains(QStringLiteral("✓")) &&
            !buttons.at(0)->text().contains(QStringLiteral("✗")));
    QVERIFY(!buttons.at(0)->isEnabled());
}

void TestQuizFormWidgets::typed_enterAnswers_andGoesNoFurther()
{
    Host host;
    auto *widget = createQuizFormWidget(Form::Typed, &host);
    (new QVBoxLayout(&host))->addWidget(widget);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    widget->showQuestion(QuizQuestion{});
    auto *field = widget->findChild<QLineEdit *>(QStringLiteral("quizAnswer"));
    QVERIFY(field && field->isEnabled());
    QCOMPARE(field->accessibleName(), QStringLiteral("Your answer"));
    QSignalSpy given(widget, &QuizFormWidget::textGiven);
    QTest::keyClicks(field, QStringLiteral("etcd"));
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(given.size(), 1);
    QCOMPARE(given.first().first().toString(), QStringLiteral("etcd"));
    QCOMPARE(host.enters, 0); // the Enter that answered is not also "next"
    widget->showAnswer(QuizQuestion{}, QuizAnswer{});
    QVERIFY(!field->isEnabled());
    widget->showQuestion(QuizQuestion{});
    QVERIFY(field->isEnabled() && field->text().isEmpty());
}

QTEST_MAIN(TestQuizFormWidgets)
#include "tst_quizformwidgets.moc"
