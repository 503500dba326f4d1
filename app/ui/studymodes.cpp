#include "studymodes.h"

#include "cardpane.h"
#include "componentstudy.h"
#include "contentlocator.h"
#include "diagramscene.h"
#include "diagramswitcher.h"
#include "grader.h"
#include "quizpane.h"
#include "quizsession.h"
#include "rbaclabpane.h"
#include "rbaclabsession.h"
#include "rbacpolicypane.h"
#include "reviewsession.h"

#include <QStackedWidget>

namespace k8sfc {

StudyModes::StudyModes(ContentSnapshot content, Grader &grader, QStackedWidget *pane, QObject *parent)
    : QObject(parent), m_pane(pane)
{
    // One card pane fronts every card-by-card mode: it shows whichever StudyMode it is given.
    m_cardPane = new CardPane;
    m_pane->addWidget(m_cardPane);
    auto cardPaneFor = [this](StudyMode *mode) {
        return [this, mode] {
            m_cardPane->setMode(mode);
            return static_cast<QWidget *>(m_cardPane);
        };
    };

    // The modes: a backend and its widget each.
    auto *study = new ComponentStudy(content, grader, this);
    registerMode(study, cardPaneFor(study));
    auto *review = new ReviewSession(content, grader, this);
    registerMode(review, cardPaneFor(review));
    auto *quiz = new QuizSession(content, this);
    registerMode(quiz, [this] { return quizPane(); });
    auto *lab = new RbacLabSession(content, ContentLocator::bundledRoot() + QStringLiteral("/decks/rbac-lab"), this);
    registerMode(lab, [this] { return rbacLabPane(); });
    // A quiz answer is a review: a quiz brings in no more new cards than today's limit leaves.
    quiz->setNewCardsProvider([quiz, &grader] {
        return QuizSession::newCardsToday(quiz->content(), grader, QDateTime::currentDateTimeUtc());
    });

    // A quiz answer about a card is a review of kind Quiz (the session itself writes nothing).
    connect(backend<QuizSession>(), &QuizSession::answered, this, [this, &grader](const QuizAnswer &answer) {
        const QStringList cards = answer.cardId.isEmpty() ? answer.cardIds : QStringList{answer.cardId};
        Grader::Batch oneUndoStep(grader);
        for (const QString &id : cards)
            if (backend<QuizSession>()->content().card(id))
                grader.grade(id, answer.rating, answer.timeTakenMs, ReviewKind::Quiz, answer.answeredAt);
    });
    // A lab answer is a review of each card the scenario exercises, of kind Quiz as well.
    connect(lab, &RbacLabSession::answered, this,
            [lab, &grader](const QStringList &cardIds, Rating rating, qint64 timeTakenMs) {
                const QDateTime now = QDateTime::currentDateTimeUtc();
                Grader::Batch oneUndoStep(grader);
                for (const QString &id : cardIds)
                    if (lab->content().card(id))
                        grader.grade(id, rating, timeTakenMs, ReviewKind::Quiz, now);
            });
}

void StudyModes::registerMode(ModeBackend *backend, std::function<QWidget *()> widget)
{
    m_modes.append(Mode{backend, std::move(widget)});
    if (auto *mode = qobject_cast<StudyMode *>(backend))
        connect(mode, &StudyMode::changed, this, [this, mode] {
            if (m_current == mode)
                announceComponent();
        });
}

void StudyModes::announceComponent()
{
    if (auto *mode = qobject_cast<StudyMode *>(m_current))
        emit componentShown(mode->litComponent());
}

QWidget *StudyModes::show(ModeBackend *mode)
{
    for (const Mode &m : std::as_const(m_modes)) {
        if (m.backend != mode)
            continue;
        const bool changing = m_current != mode;
        if (m_current && changing)
            m_current->leave();
        if (changing)
            m_previous = m_current;
        m_current = mode;
        QWidget *widget = m.widget();
        if (changing)
            mode->progressChanged();
        m_pane->setCurrentWidget(widget);
        emit modeChanged(mode);
        announceComponent();
        return widget;
    }
    return nullptr;
}

QuizPane *StudyModes::quizPane()
{
    if (!m_quizPane) {
        m_quizPane = new QuizPane(backend<QuizSession>());
        m_quizPane->setMasteryProvider(m_mastery);
        m_pane->addWidget(m_quizPane);
        connect(m_quizPane, &QuizPane::closeRequested, this, &StudyModes::back);
    }
    return m_quizPane;
}

void StudyModes::setDiagram(DiagramSwitcher *switcher, DiagramScene *scene)
{
    m_switcher = switcher;
    m_scene = scene;
}

void StudyModes::startRbacLab()
{
    m_scene->setSelectedComponent(QString());
    show(backend<RbacLabSession>());
    rbacLabPane()->open();
}

void StudyModes::openRbacPolicy()
{
    startRbacLab();
    rbacLabPane()->showPolicy();
    rbacLabPane()->policyPane()->chooseFile();
}

void StudyModes::openRbacPolicyFile(const QString &path)
{
    startRbacLab();
    rbacLabPane()->showPolicy();
    rbacLabPane()->policyPane()->openFile(path);
}

RbacLabPane *StudyModes::rbacLabPane()
{
    if (!m_labPane) {
        m_labPane = new RbacLabPane(backend<RbacLabSession>(), m_switcher, m_scene);
        m_pane->addWidget(m_labPane);
        connect(m_labPane, &RbacLabPane::closeRequested, this, &StudyModes::back);
        connect(m_labPane->policyPane(), &RbacPolicyPane::cardRequested, this, &StudyModes::cardRequested);
        connect(m_switcher, &DiagramSwitcher::diagramLoaded, m_labPane, [this] {
            if (m_current == backend<RbacLabSession>())
                m_labPane->relight();
        });
    }
    return m_labPane;
}

void StudyModes::setMasteryProvider(std::function<QHash<QString, double>()> provider)
{
    m_mastery = std::move(provider);
    if (m_quizPane)
        m_quizPane->setMasteryProvider(m_mastery);
}

void StudyModes::setContent(ContentSnapshot content)
{
    for (const Mode &m : std::as_const(m_modes))
        m.backend->setContent(content);
}

void StudyModes::back()
{
    if (m_previous && m_previous != m_current) {
        show(m_previous);
        return;
    }
    // Nothing was studied before: the pane's first hint again.
    if (m_current)
        m_current->leave();
    m_current = nullptr;
    m_cardPane->setMode(nullptr);
    m_pane->setCurrentWidget(m_cardPane);
    emit modeChanged(nullptr);
}

void StudyModes::progressChanged()
{
    if (m_current)
        m_current->progressChanged();
}

void StudyModes::reloadProgress()
{
    for (const Mode &m : std::as_const(m_modes))
        m.backend->reloadProgress();
}

} // namespace k8sfc
