#include "rbaclabsession.h"

namespace k8sfc {

namespace {
// Enough for a sitting; a fresh round is drawn when they are used up.
constexpr int kQuestionsPerRound = 8;
} // namespace

RbacLabSession::RbacLabSession(ContentSnapshot content, QString scenarioFolder, QObject *parent)
    : ModeBackend(parent), m_content(std::move(content)), m_folder(std::move(scenarioFolder))
{}

RbacLabSession::~RbacLabSession() = default;

const QList<rbac::Scenario> &RbacLabSession::scenarios()
{
    if (!m_loaded) {
        m_loaded = true;
        for (rbac::Scenario &s : rbac::loadScenarios(m_folder)) {
            m_problems.append(s.policy.diagnostics);
            if (!hasErrors(s.policy.diagnostics))
                m_scenarios.append(std::move(s));
        }
    }
    return m_scenarios;
}

void RbacLabSession::chooseScenario(int index, quint32 seed)
{
    if (index < 0 || index >= scenarios().size())
        return;
    m_scenario = index;
    m_seed = seed;
    m_authorizer = std::make_unique<rbac::Authorizer>(m_scenarios.at(index).policy);
    m_questions = rbac::labQuestions(*m_authorizer, m_seed, kQuestionsPerRound);
    m_current = m_questions.isEmpty() ? -1 : 0;
    m_outcome.reset();
    m_asked.start();
    emit questionChanged();
}

const rbac::Scenario *RbacLabSession::scenario() const
{
    return m_scenario >= 0 ? &m_scenarios.at(m_scenario) : nullptr;
}

const rbac::LabQuestion *RbacLabSession::question() const
{
    return m_current >= 0 ? &m_questions.at(m_current) : nullptr;
}

QString RbacLabSession::describeRequest(const rbac::Request &r)
{
    if (!r.resourceRequest)
        return QStringLiteral("%1 on %2").arg(r.verb, r.path);
    QString resource = r.apiGroup.isEmpty() ? r.resource : r.resource + u'.' + r.apiGroup;
    if (!r.subresource.isEmpty())
        resource += u'/' + r.subresource;
    QString text = QStringLiteral("%1 on %2").arg(r.verb, resource);
    if (!r.name.isEmpty())
        text += QStringLiteral(" named ") + rbac::goQuoted(r.name);
    return text;
}

QString RbacLabSession::prompt() const
{
    const rbac::LabQuestion *q = question();
    if (!q)
        return {};
    const QString who = q->who.startsWith(QLatin1String("Group ")) ? QStringLiteral("a member of ") + q->who : q->who;
    const QString where = !q->request.resourceRequest ? QString()
                          : q->request.ns.isEmpty()   ? QStringLiteral(" cluster-wide")
                                                      : QStringLiteral(" in namespace ") + q->request.ns;
    return QStringLiteral("Can %1 do %2%3?").arg(who, describeRequest(q->request), where);
}

QList<const rbac::Binding *> RbacLabSession::bindings() const
{
    QList<const rbac::Binding *> all;
    if (m_authorizer)
        for (const rbac::Binding &b : m_authorizer->policy().bindings)
            all.append(&b);
    return all;
}

bool RbacLabSession::answer(bool allowed, const rbac::Binding *binding)
{
    const rbac::LabQuestion *q = question();
    if (!q || m_outcome)
        return false;
    Outcome o;
    o.decisionRight = allowed == q->truth.allowed;
    o.bindingRight = binding == q->truth.binding; // both null for "none allows it"
    o.rating = Rating(rbac::labRating(o.decisionRight, o.bindingRight));
    if (!q->truth.allowed)
        o.nearMiss = rbac::nearMiss(*m_authorizer, q->user, q->request);
    m_outcome = o;
    emit answered(scenario()->cards, o.rating, m_asked.elapsed());
    return true;
}

void RbacLabSession::next()
{
    if (!m_authorizer)
        return;
    if (m_current + 1 < m_questions.size()) {
        ++m_current;
    } else {
        m_questions = rbac::labQuestions(*m_authorizer, ++m_seed, kQuestionsPerRound);
        m_current = m_questions.isEmpty() ? -1 : 0;
    }
    m_outcome.reset();
    m_asked.start();
    emit questionChanged();
}

} // namespace k8sfc
