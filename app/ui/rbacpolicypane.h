#pragma once

#include "content.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTabWidget;

namespace k8sfc::rbac {
class Authorizer;
struct Policy;
} // namespace k8sfc::rbac

namespace k8sfc {

class ProblemsBanner;

/// The RBAC lab's page for the learner's own policy (an export of their cluster): it loads the
/// file with the evaluator's loader (a malformed file shows its problems and loads nothing) and
/// asks it who can, what a subject can do, and which subjects hold risky rights, each risk
/// linked to the card that explains it.
class RbacPolicyPane : public QWidget
{
    Q_OBJECT
public:
    explicit RbacPolicyPane(QWidget *parent = nullptr);
    ~RbacPolicyPane() override;

    /// The content whose `rbac-risk` cards the risks link to.
    void setContent(ContentSnapshot content) { m_content = std::move(content); }
    /// Asks for a file and loads it.
    void chooseFile();
    /// Loads a policy file on a worker thread (a real export runs to megabytes; the window stays
    /// live, and the file line says it is reading), then emits loaded(): false, with the problems
    /// in the banner, when it has errors. A file opened meanwhile replaces it.
    void openFile(const QString &path);
    bool hasPolicy() const { return m_authorizer != nullptr; }

    // For tests and screen readers: the controls by role.
    ProblemsBanner *problemsBanner() const { return m_banner; }
    QLineEdit *verbField() const { return m_verb; }
    QLineEdit *resourceField() const { return m_resource; }
    QLineEdit *namespaceField() const { return m_namespace; }
    QListWidget *whoCanList() const { return m_whoCan; }
    QComboBox *subjectBox() const { return m_subject; }
    QPlainTextEdit *rulesView() const { return m_rules; }
    QListWidget *riskList() const { return m_risks; }
    QTabWidget *views() const { return m_views; }

    /// Runs "who can" on the fields.
    void askWhoCan();
    /// Lists the chosen subject's rules in the namespace field's namespace.
    void listRules();

signals:
    /// A risk was activated: open the card that explains it.
    void cardRequested(const QString &cardId);
    /// A file opened with openFile() was read: whether it gave a policy.
    void loaded(bool ok);

private:
    QWidget *buildWhoCan();
    QWidget *buildRules();
    QWidget *buildRisks();
    void fillSubjects();
    void fillRisks();
    void clearViews();
    /// Shows what reading `path` gave; false when it had errors.
    bool show(const QString &path, rbac::Policy policy);

    ContentSnapshot m_content;
    std::unique_ptr<rbac::Authorizer> m_authorizer;
    int m_reading = 0; ///< the number of the latest openFile(): only its result is shown
    QLabel *m_file;
    ProblemsBanner *m_banner;
    QTabWidget *m_views;
    QLineEdit *m_verb;
    QLineEdit *m_resource;
    QLineEdit *m_subresource;
    QLineEdit *m_namespace;
    QListWidget *m_whoCan;
    QComboBox *m_subject;
    QLineEdit *m_rulesNamespace;
    QPlainTextEdit *m_rules;
    QListWidget *m_risks;
};

} // namespace k8sfc
