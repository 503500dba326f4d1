#include "rbacpolicypane.h"

#include "problemsbanner.h"
#include "rbacauthorizer.h"
#include "rbaclab.h"
#include "rbaclisting.h"
#include "rbacloader.h"
#include "rbacresources.h"
#include "rbacrisks.h"
#include "wrappedlabel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <variant>

namespace k8sfc {

namespace {

QLineEdit *field(const QString &name, const QString &placeholder)
{
    auto *edit = new QLineEdit;
    edit->setAccessibleName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QListWidget *list(const QString &name)
{
    auto *l = new QListWidget;
    l->setAccessibleName(name);
    l->setWordWrap(true);
    return l;
}

} // namespace

RbacPolicyPane::RbacPolicyPane(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(QStringLiteral("Your policy"));
    auto *open = new QPushButton(QStringLiteral("Open RBAC Policy…"));
    open->setToolTip(QStringLiteral("A YAML export such as: kubectl get roles,rolebindings,clusterroles,"
                                    "clusterrolebindings -A -o yaml (or drop the file here)"));
    m_file = new WrappedLabel(QStringLiteral("Open an export of your cluster's Roles and bindings, or drop "
                                             "a .yaml file here, to ask it who may do what."));
    m_file->setWordWrap(true);
    m_file->setTextFormat(Qt::PlainText);
    m_banner = new ProblemsBanner;
    m_banner->setWording(QStringLiteral("the policy file"), QStringLiteral("Nothing was loaded."));
    m_views = new QTabWidget;
    m_views->setAccessibleName(QStringLiteral("Policy views"));
    m_views->addTab(buildWhoCan(), QStringLiteral("Who can"));
    m_views->addTab(buildRules(), QStringLiteral("Subject's rights"));
    m_views->addTab(buildRisks(), QStringLiteral("Risky rights"));
    m_views->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(open, 0, Qt::AlignLeft);
    layout->addWidget(m_file);
    layout->addWidget(m_banner);
    layout->addWidget(m_views, 1);
    connect(open, &QPushButton::clicked, this, &RbacPolicyPane::chooseFile);
}

RbacPolicyPane::~RbacPolicyPane() = default;

QWidget *RbacPolicyPane::buildWhoCan()
{
    auto *page = new QWidget;
    m_verb = field(QStringLiteral("Verb"), QStringLiteral("get, list, create…"));
    m_resource = field(QStringLiteral("Resource"), QStringLiteral("pods, deployments.apps/web, /healthz"));
    m_subresource = field(QStringLiteral("Subresource"), QStringLiteral("log, status… (optional)"));
    m_namespace = field(QStringLiteral("Namespace"), QStringLiteral("empty: cluster-wide"));
    auto *ask = new QPushButton(QStringLiteral("Who can?"));
    m_whoCan = list(QStringLiteral("Subjects"));
    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("&Verb:"), m_verb);
    form->addRow(QStringLiteral("&Resource:"), m_resource);
    form->addRow(QStringLiteral("S&ubresource:"), m_subresource);
    form->addRow(QStringLiteral("&Namespace:"), m_namespace);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(ask, 0, Qt::AlignLeft);
    layout->addWidget(m_whoCan, 1);
    connect(ask, &QPushButton::clicked, this, &RbacPolicyPane::askWhoCan);
    for (QLineEdit *edit : {m_verb, m_resource, m_subresource, m_namespace})
        connect(edit, &QLineEdit::returnPressed, this, &RbacPolicyPane::askWhoCan);
    return page;
}

QWidget *RbacPolicyPane::buildRules()
{
    auto *page = new QWidget;
    m_subject = new QComboBox;
    m_subject->setAccessibleName(QStringLiteral("Subject"));
    m_rulesNamespace = field(QStringLiteral("Namespace"), QStringLiteral("empty: cluster bindings only"));
    auto *show = new QPushButton(QStringLiteral("List rights"));
    m_rules = new QPlainTextEdit;
    m_rules->setAccessibleName(QStringLiteral("Rights"));
    m_rules->setReadOnly(true);
    m_rules->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_rules->setFont(QFont(QStringLiteral("DejaVu Sans Mono")));
    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("Su&bject:"), m_subject);
    form->addRow(QStringLiteral("Na&mespace:"), m_rulesNamespace);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(show, 0, Qt::AlignLeft);
    layout->addWidget(m_rules, 1);
    connect(show, &QPushButton::clicked, this, &RbacPolicyPane::listRules);
    connect(m_subject, &QComboBox::activated, this, &RbacPolicyPane::listRules);
    connect(m_rulesNamespace, &QLineEdit::returnPressed, this, &RbacPolicyPane::listRules);
    return page;
}

QWidget *RbacPolicyPane::buildRisks()
{
    auto *page = new QWidget;
    auto *hint = new WrappedLabel(QStringLiteral("Enter or a double click opens the card that explains a risk."));
    hint->setWordWrap(true);
    m_risks = list(QStringLiteral("Risky rights"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(hint);
    layout->addWidget(m_risks, 1);
    connect(m_risks, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (const QString card = item->data(Qt::UserRole).toString(); !card.isEmpty())
            emit cardRequested(card);
    });
    return page;
}

void RbacPolicyPane::chooseFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, QStringLiteral("Open RBAC Policy"), QString(),
                                     QStringLiteral("YAML or JSON (*.yaml *.yml *.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void RbacPolicyPane::openFile(const QString &path)
{
    const int reading = ++m_reading;
    m_authorizer.reset();
    clearViews();
    m_views->setEnabled(false);
    m_file->setText(QStringLiteral("Reading %1…").arg(QFileInfo(path).fileName()));
    auto *watcher = new QFutureWatcher<rbac::Policy>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, reading] {
        watcher->deleteLater();
        if (reading == m_reading)
            emit loaded(show(path, watcher->result()));
    });
    watcher->setFuture(QtConcurrent::run([path] { return rbac::PolicyLoader::loadFiles({path}); }));
}

bool RbacPolicyPane::show(const QString &path, rbac::Policy policy)
{
    m_banner->setDiagnostics(policy.diagnostics);
    clearViews();
    const QString name = QFileInfo(path).fileName();
    if (hasErrors(policy.diagnostics)) {
        // Never a guess: a file that cannot be read exactly gives no answers at all.
        m_authorizer.reset();
        m_views->setEnabled(false);
        m_file->setText(QStringLiteral("%1 could not be read; nothing was loaded.").arg(name));
        return false;
    }
    const auto count = [](qsizetype n, const char *one, const char *many) {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    m_file->setText(QStringLiteral("%1: %2 and %3%4.")
                        .arg(name, count(policy.roles.size(), "role", "roles"),
                             count(policy.bindings.size(), "binding", "bindings"))
                        .arg(policy.skippedObjects == 0 ? QString()
                             : policy.skippedObjects == 1
                                 ? QStringLiteral(", 1 object of another kind skipped")
                                 : QStringLiteral(", %1 objects of other kinds skipped").arg(policy.skippedObjects)));
    m_authorizer = std::make_unique<rbac::Authorizer>(std::move(policy));
    m_views->setEnabled(true);
    fillSubjects();
    fillRisks();
    return true;
}

void RbacPolicyPane::clearViews()
{
    m_whoCan->clear();
    m_subject->clear();
    m_rules->clear();
    m_risks->clear();
}

void RbacPolicyPane::askWhoCan()
{
    if (!m_authorizer)
        return;
    m_whoCan->clear();
    rbac::Request request;
    request.verb = m_verb->text().trimmed();
    const QString target = m_resource->text().trimmed();
    if (request.verb.isEmpty() || target.isEmpty()) {
        m_whoCan->addItem(QStringLiteral("Give a verb and a resource (or a /non/resource/path)."));
        return;
    }
    if (target.startsWith(u'/')) {
        request.resourceRequest = false;
        request.path = target;
    } else {
        const auto resolved = rbac::resolveResource(target);
        if (const QString *problem = std::get_if<QString>(&resolved)) {
            m_whoCan->addItem(*problem);
            return;
        }
        const rbac::ResourceArg &resource = std::get<rbac::ResourceArg>(resolved);
        request.apiGroup = resource.group;
        request.resource = resource.resource;
        request.name = resource.name;
        request.subresource = m_subresource->text().trimmed();
        // As kubectl: a namespace means nothing to a cluster-scoped resource.
        request.ns = resource.namespaced ? m_namespace->text().trimmed() : QString();
    }
    const QStringList lines = m_authorizer->whoCan(request);
    m_whoCan->addItems(lines.isEmpty() ? QStringList{QStringLiteral("Nobody may.")} : lines);
}

void RbacPolicyPane::fillSubjects()
{
    QStringList seen;
    for (const rbac::Binding &b : m_authorizer->policy().bindings)
        for (const rbac::Subject &s : b.subjects) {
            const QString who = rbac::describeSubject(s, b.ns);
            if (seen.contains(who) || (s.kind == QLatin1String("ServiceAccount") && s.ns.isEmpty() && b.cluster))
                continue;
            seen.append(who);
            const rbac::User user = rbac::userForSubject(s, b.ns);
            m_subject->addItem(who, QStringList{user.name} + user.groups);
        }
    m_subject->model()->sort(0);
}

void RbacPolicyPane::listRules()
{
    if (!m_authorizer || m_subject->currentIndex() < 0)
        return;
    const QStringList parts = m_subject->currentData().toStringList();
    const rbac::User user{parts.value(0), parts.mid(1)};
    m_rules->setPlainText(rbac::accessTable(m_authorizer->rulesFor(user, m_rulesNamespace->text().trimmed())));
}

void RbacPolicyPane::fillRisks()
{
    const QList<rbac::Risk> risks = rbac::riskyRights(*m_authorizer);
    for (const rbac::Risk &risk : risks) {
        const QString where =
            risk.binding->cluster ? QStringLiteral("cluster-wide") : QStringLiteral("in ") + risk.binding->ns;
        auto *item = new QListWidgetItem(
            QStringLiteral("%1: %2, %3, by %4")
                .arg(risk.subject, rbac::riskTitle(risk.kind), where, rbac::describeBinding(*risk.binding)),
            m_risks);
        // The card is found by id among those tagged rbac-risk: content without it links nothing.
        const Card *card = m_content ? m_content->card(rbac::riskCardId(risk.kind)) : nullptr;
        if (card && card->tags.contains(QStringLiteral("rbac-risk"))) {
            item->setData(Qt::UserRole, card->id);
            item->setToolTip(card->front);
        }
    }
    if (risks.isEmpty())
        m_risks->addItem(QStringLiteral("No subject holds any of the risky rights."));
}

} // namespace k8sfc
