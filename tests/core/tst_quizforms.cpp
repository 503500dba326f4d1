#include "content.h"
#include "quizchoiceform.h"
#include "quizforms.h"
#include "quizgenerator.h"
#include "quizlocateform.h"
#include "quizsession.h"
#include "quiztypedform.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;
using Form = QuizQuestion::Form;

namespace {

/// A fourth form, as the connection quizzes will be: "click A, then B" on the diagram, judged
/// click by click. Its id is one the enum does not name, as a new form's would be.
class PathForm : public QuizForm
{
public:
    static constexpr Form kId = Form(99); // no registered form uses it
    Form id() const override { return kId; }
    QString name() const override { return QStringLiteral("Follow the path"); }
    std::optional<QuizQuestion> fromCard(const QuizGenerator &, const Card &, QRandomGenerator &) const override
    {
        return std::nullopt;
    }
    QList<QuizQuestion> fromContent(const QuizGenerator &) const override
    {
        return {path({QStringLiteral("api"), QStringLiteral("store")}),
                path({QStringLiteral("sched"), QStringLiteral("api")}),
                path({QStringLiteral("api"), QStringLiteral("etcd-cluster")})}; // unknown: unfair
    }
    std::optional<QuizStep> judgeStep(const QuizQuestion &q, const QStringList &before, const QString &elementId,
                                      const ComponentRegistry &) const override
    {
        QuizStep step;
        const QString clicked = elementId.section(u'.', 0, 0);
        step.correct = clicked == q.components.value(before.size());
        step.done = !step.correct || before.size() + 1 == q.components.size();
        step.rating = step.correct ? Rating::Easy : Rating::Again;
        QStringList path;
        for (const QString &id : before + QStringList{elementId})
            path.append(id.section(u'.', 0, 0));
        step.given = path.join(QStringLiteral(" → "));
        step.givenElementId = clicked;
        return step;
    }

private:
    QuizQuestion path(const QStringList &components) const
    {
        QuizQuestion q;
        q.form = kId;
        q.prompt = QStringLiteral("Follow a request: ") + components.join(QStringLiteral(", "));
        q.answer = components.join(QStringLiteral(" → "));
        q.components = components;
        return q;
    }
};

} // namespace

class TestQuizForms : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void registry_eachFormOnce_andAQuizUsesThemAll();
    void eachForm_takesOnlyItsKindOfAnswer();
    void newForm_isGeneratedCheckedAndJudgedStepByStep();
    void newForm_slowAnswerIsHardAtBest();

private:
    std::unique_ptr<QuizSession> pathQuiz(int timeLimitSecs);
    QTemporaryDir m_dir;
    ContentSnapshot m_content;
    QDateTime m_now = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    PathForm m_path;
};

void TestQuizForms::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QDir root(m_dir.path());
    root.mkpath(QStringLiteral("decks"));
    root.mkpath(QStringLiteral("diagrams"));
    auto write = [&](const QString &name, const QByteArray &text) {
        QFile f(root.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(QStringLiteral("diagrams/components.yaml"),
          "planes:\n  - id: cp\n    name: CP\n"
          "components:\n"
          "  - id: api\n    name: API server\n    plane: cp\n    role: Answers every request\n"
          "  - id: sched\n    name: Scheduler\n    plane: cp\n    role: Places pods on nodes\n"
          "  - id: store\n    name: Store\n    plane: cp\n    role: Keeps the cluster state\n");
    write(QStringLiteral("decks/a.yaml"), "title: A\ncards:\n"
                                          "  - id: a1\n    components: [store]\n    front: Where is state kept?\n"
                                          "    back: Back\n    source: https://kubernetes.io/\n    answer: Store\n");
    m_content = std::make_shared<const ContentSet>(ContentSet::loadRoot(m_dir.path()));
    QVERIFY2(m_content->diagnostics().isEmpty(), qPrintable(m_content->diagnostics().value(0).toString()));
}

void TestQuizForms::registry_eachFormOnce_andAQuizUsesThemAll()
{
    QList<Form> ids;
    QSet<QString> names;
    for (const QuizForm *form : quizForms()) {
        ids.append(form->id());
        names.insert(form->name());
        QCOMPARE(quizForm(form->id()), form);
    }
    // Each form once, in the order a quiz draws from them.
    QCOMPARE(ids, (QList<Form>{Form::MultipleChoice, Form::Typed, Form::Locate, Form::Trace, Form::DrawArrow}));
    QCOMPARE(quizFormIds(), ids);
    QCOMPARE(names.size(), quizForms().size()); // the setup tells them apart by name
    QCOMPARE(QuizConfig().forms, quizFormIds());
    QVERIFY(!quizForm(PathForm::kId));
}

void TestQuizForms::eachForm_takesOnlyItsKindOfAnswer()
{
    const QuizGenerator generator(*m_content);
    const ComponentRegistry &registry = m_content->registry();
    const QList<QuizQuestion> typed = generator.generate(Form::Typed, 1);
    QCOMPARE(typed.size(), 1);
    const QuizTypedForm &typedForm = static_cast<const QuizTypedForm &>(*quizForm(Form::Typed));
    QVERIFY(!typedForm.judgeChoice(typed.first(), 0));
    QVERIFY(!typedForm.judgeStep(typed.first(), {}, QStringLiteral("store"), registry));
    const auto forgiven = typedForm.judgeText(typed.first(), QStringLiteral(" Stroe "));
    QVERIFY(forgiven && forgiven->done && forgiven->correct && forgiven->forgiven);
    QCOMPARE(forgiven->rating, Rating::Hard);
    QCOMPARE(forgiven->given, QStringLiteral("Stroe"));

    const QList<QuizQuestion> locate = generator.generate(Form::Locate, 1);
    QCOMPARE(locate.size(), 4); // the card naming Store, and each registry role
    const QuizForm &locateForm = *quizForm(Form::Locate);
    QVERIFY(!locateForm.judgeText(locate.first(), QStringLiteral("Store")));
    const auto copy = locateForm.judgeStep(locate.first(), {}, QStringLiteral("store.replica-2"), registry);
    QVERIFY(copy && copy->done && copy->correct); // one activation answers it
    QCOMPARE(copy->rating, Rating::Good);
    QCOMPARE(copy->givenElementId, QStringLiteral("store"));
    QCOMPARE(copy->given, QStringLiteral("Store"));

    QuizQuestion choice = QuizGenerator::cardQuestion(*m_content->card(QStringLiteral("a1")), Form::MultipleChoice);
    choice.options = QStringList{QStringLiteral("API server"), QStringLiteral("Store")};
    choice.correctOption = 1;
    const QuizForm &choiceForm = *quizForm(Form::MultipleChoice);
    QVERIFY(!QuizGenerator::problemWith(choice, registry));
    QVERIFY(!choiceForm.judgeStep(choice, {}, QStringLiteral("store"), registry));
    QVERIFY(!choiceForm.judgeChoice(choice, 2));
    const auto wrong = choiceForm.judgeChoice(choice, 0);
    QVERIFY(wrong && wrong->done && !wrong->correct);
    QCOMPARE(wrong->rating, Rating::Again);
    QCOMPARE(wrong->chosenOption, 0);
}

std::unique_ptr<QuizSession> TestQuizForms::pathQuiz(int timeLimitSecs)
{
    auto session = std::make_unique<QuizSession>(m_content);
    session->setClock([this] { return m_now; });
    session->setForms({&m_path});
    QuizConfig config;
    config.forms = {PathForm::kId};
    config.length = 5;
    config.timeLimitSecs = timeLimitSecs;
    session->setConfig(config);
    const auto problem = session->start();
    return problem ? nullptr : std::move(session);
}

void TestQuizForms::newForm_isGeneratedCheckedAndJudgedStepByStep()
{
    // The generator asks the form and drops what fails the shared checks (an unknown component).
    const QList<QuizQuestion> generated = QuizGenerator(*m_content).generate(m_path, 1);
    QCOMPARE(generated.size(), 2);
    const auto quiz = pathQuiz(0);
    QVERIFY(quiz);
    QCOMPARE(quiz->count(), 2);
    QSignalSpy steps(quiz.get(), &QuizSession::stepTaken);
    QSignalSpy answered(quiz.get(), &QuizSession::answered);
    for (int i = 0; i < 2; ++i) {
        const QuizQuestion q = *quiz->current();
        QCOMPARE(q.form, PathForm::kId);
        QVERIFY(!quiz->answerText(q.answer)); // not how this form is answered
        QVERIFY(!quiz->answerChoice(0));
        // The first click is right but the answer goes on: the question stays open.
        const auto first = quiz->activate(q.components.at(0) + QStringLiteral(".copy"));
        QVERIFY(first && !first->done && first->correct);
        QCOMPARE(quiz->state(), QuizSession::State::Asking);
        QCOMPARE(steps.size(), i + 1);
        QCOMPARE(answered.size(), i);
        // The second completes it: right the first question, wrong the second.
        const QString last = i == 0 ? q.components.at(1) : QStringLiteral("store");
        const auto a = quiz->answerComponent(last);
        QVERIFY(a);
        QCOMPARE(quiz->state(), QuizSession::State::Answered);
        QCOMPARE(a->correct, i == 0);
        QCOMPARE(a->rating, i == 0 ? Rating::Easy : Rating::Again);
        QCOMPARE(a->given, q.components.at(0) + QStringLiteral(" → ") + last);
        QCOMPARE(a->givenComponentId, last);
        QVERIFY(!quiz->activate(last)); // one answer a question
        QVERIFY(quiz->next());
    }
    QVERIFY(quiz->isFinished());
    QCOMPARE(quiz->summary().correct, 1);
}

void TestQuizForms::newForm_slowAnswerIsHardAtBest()
{
    const auto quiz = pathQuiz(60); // 30 s a question: past 15 s is slow
    QVERIFY(quiz);
    const QuizQuestion q = *quiz->current();
    m_now = m_now.addSecs(20);
    QVERIFY(quiz->activate(q.components.at(0)));
    const auto a = quiz->answerComponent(q.components.at(1));
    QVERIFY(a && a->correct);
    QCOMPARE(a->rating, Rating::Hard);
}

QTEST_GUILESS_MAIN(TestQuizForms)
#include "tst_quizforms.moc"
