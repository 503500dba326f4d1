#pragma once

#include "modebackend.h"
#include "rbaclab.h"
#include "rbacscenario.h"
#include "review.h"

#include <QElapsedTimer>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

namespace k8sfc {

/// The backend of the RBAC lab mode, no widgets: the bundled scenarios, a scenario's questions
/// (labQuestions), the learner's two-part answer judged against the Authorizer's truth. Like the
/// quiz it writes nothing: each answer is emitted with the scenario's cards and labRating's
/// rating, and the app records them as reviews of kind Quiz.
class RbacLabSession : public ModeBackend
{
    Q_OBJECT
public:
    /// What an answer earned, and what the lab explains with it.
    struct Outcome
    {
        bool decisionRight = false;
        bool bindingRight = false;
        Rating rating = Rating::Again;
        /// For a request nobody may make: the rule that came closest, and why it does not allow it.
        std::optional<rbac::NearMiss> nearMiss;
    };

    /// Scenarios are read from `scenarioFolder` (decks/rbac-lab of the bundled content) when the
    /// lab first opens.
    RbacLabSession(ContentSnapshot content, QString scenarioFolder, QObject *parent = nullptr);
    ~RbacLabSession() override;

    const ContentSet &content() const override { return *m_content; }
    ContentSnapshot snapshot() const { return m_content; }
    void setContent(ContentSnapshot content) override { m_content = std::move(content); }
    void leave() override { emit left(); }

    /// The scenarios that loaded without errors, by file name; read on first call.
    const QList<rbac::Scenario> &scenarios();
    /// Every problem met reading the scenarios (a broken one is left out).
    const Diagnostics &scenarioProblems() const { return m_problems; }

    /// Starts a scenario's questions, drawn with `seed`.
    void chooseScenario(int index, quint32 seed);
    int scenarioIndex() const { return m_scenario; }
    const rbac::Scenario *scenario() const;
    /// The scenario's policy as the Authorizer holds it: bindings and roles point into it.
    const rbac::Authorizer *authorizer() const { return m_authorizer.get(); }

    const rbac::LabQuestion *question() const;
    /// "Can ServiceAccount "deployer/dev" do get on secrets in dev?"
    QString prompt() const;
    /// The bindings to choose the deciding one from, in file order.
    QList<const rbac::Binding *> bindings() const;

    /// Judges "yes"/"no" and the deciding binding (null: none allows it). False when there is no
    /// open question.
    bool answer(bool allowed, const rbac::Binding *binding);
    const Outcome *outcome() const { return m_outcome ? &*m_outcome : nullptr; }
    /// The next question (a fresh round when the scenario's questions are used up).
    void next();

    /// A request in words: "get on pods/log", "list on deployments.apps named "web"", "get on /healthz".
    static QString describeRequest(const rbac::Request &request);

signals:
    void questionChanged();
    void answered(const QStringList &cardIds, k8sfc::Rating rating, qint64 timeTakenMs);
    /// The learner moved to another mode.
    void left();

private:
    ContentSnapshot m_content;
    QString m_folder;
    bool m_loaded = false;
    QList<rbac::Scenario> m_scenarios;
    Diagnostics m_problems;
    int m_scenario = -1;
    quint32 m_seed = 0;
    std::unique_ptr<rbac::Authorizer> m_authorizer;
    QList<rbac::LabQuestion> m_questions;
    int m_current = -1;
    std::optional<Outcome> m_outcome;
    QElapsedTimer m_asked;
};

} // namespace k8sfc
