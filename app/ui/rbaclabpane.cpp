#include "rbaclabpane.h"

#include "diagramscene.h"
#include "diagramswitcher.h"
#include "rbaclabsession.h"
#include "rbacpolicypane.h"
#include "wrappedlabel.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QShortcut>
#include <QTabWidget>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace k8sfc {

namespace {

const QString kRbacDiagram = QStringLiteral("rbac");

QLabel *heading(const QString &text)
{
    auto *label = new QLabel(text);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    label->setFont(f);
    return label;
}

QLabel *wrapped(bool selectable = false)
{
    auto *label = new WrappedLabel;
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // scenario text and object names are never markup
    if (selectable)
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QPushButton *button(const QString &text, const QString &toolTip)
{
    auto *b = new QPushButton(text);
    b->setAccessibleName(text);
    b->setToolTip(toolTip);
    return b;
}

// The rule's own lines: from its first line while lines are indented deeper than its "- ".
int ruleLineCount(const QStringList &lines, int first)
{
    const QString head = lines.value(first);
    const qsizetype dash = head.indexOf(u'-');
    int count = 1;
    for (qsizetype i = first + 1; i < lines.size(); ++i, ++count) {
        const QString &line = lines.at(i);
        const auto text = std::find_if(line.cbegin(), line.cend(), [](QChar c) { return !c.isSpace(); });
        const qsizetype depth = text == line.cend() ? -1 : text - line.cbegin();
        if (depth >= 0 && depth <= dash)
            break;
    }
    return count;
}

// The one local .yaml or .yml file of a drop, or empty.
QString policyFileOf(const QMimeData *mime)
{
    if (!mime || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return {};
    const QString path = mime->urls().first().toLocalFile();
    return path.endsWith(QLatin1String(".yaml"), Qt::CaseInsensitive) ||
                   path.endsWith(QLatin1String(".yml"), Qt::CaseInsensitive)
               ? path
               : QString();
}

} // namespace

RbacLabPane::RbacLabPane(RbacLabSession *session, DiagramSwitcher *switcher, DiagramScene *scene, QWidget *parent)
    : QWidget(parent), m_session(session), m_switcher(switcher), m_scene(scene)
{
    setAccessibleName(QStringLiteral("RBAC Lab"));
    setAcceptDrops(true);
    m_policy = new RbacPolicyPane;
    m_tabs = new QTabWidget;
    m_tabs->setAccessibleName(QStringLiteral("RBAC Lab pages"));
    m_tabs->addTab(buildScenarioPage(), QStringLiteral("Scenarios"));
    m_tabs->addTab(m_policy, QStringLiteral("Your policy"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(QStringLiteral("RBAC Lab")));
    layout->addWidget(m_tabs, 1);

    connect(m_session, &RbacLabSession::questionChanged, this, &RbacLabPane::showQuestion);
    connect(m_session, &RbacLabSession::left, this, &RbacLabPane::leftLab);
    // Window-wide while the lab shows, so they work with the diagram focused; off while hidden.
    // Y and N answer only on the scenario page (a field of the policy page takes the letters).
    const std::pair<Qt::Key, std::function<void()>> keys[] = {
        {Qt::Key_Y, [this] { sayYesOrNo(true); }},
        {Qt::Key_N, [this] { sayYesOrNo(false); }},
        {Qt::Key_Escape, [this] { emit closeRequested(); }},
    };
    for (const auto &[key, run] : keys) {
        auto *shortcut = new QShortcut(QKeySequence(key), this);
        shortcut->setEnabled(false);
        connect(shortcut, &QShortcut::activated, this, run);
        m_shortcuts.append(shortcut);
    }
}

QWidget *RbacLabPane::buildScenarioPage()
{
    auto *page = new QWidget;
    m_scenarios = new QComboBox;
    m_scenarios->setAccessibleName(QStringLiteral("Scenario"));
    m_story = wrapped();
    m_prompt = wrapped(true);
    QFont bold = m_prompt->font();
    bold.setBold(true);
    m_prompt->setFont(bold);
    m_yes = button(QStringLiteral("Yes"), QStringLiteral("The request is allowed (Y)"));
    m_no = button(QStringLiteral("No"), QStringLiteral("The request is denied (N)"));
    m_step = wrapped();
    m_bindings = new QListWidget;
    m_bindings->setAccessibleName(QStringLiteral("Deciding binding"));
    m_bindings->setMaximumHeight(110);
    m_bindings->setWordWrap(true); // a binding's full name, never cut off
    m_bindings->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_verdict = wrapped();
    m_verdict->setFont(bold);
    m_reason = wrapped(true);
    m_yaml = new QPlainTextEdit;
    m_yaml->setAccessibleName(QStringLiteral("Rule YAML"));
    m_yaml->setReadOnly(true);
    // Long lines (a verbs list, a long name) wrap rather than hide behind a sideways scroll.
    m_yaml->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_yaml->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_yaml->setFont(QFont(QStringLiteral("DejaVu Sans Mono")));
    m_next = button(QStringLiteral("Next question"), QStringLiteral("Another question on this scenario"));

    auto *answers = new QHBoxLayout;
    answers->addWidget(m_yes);
    answers->addWidget(m_no);
    answers->addStretch();
    answers->addWidget(m_next);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_scenarios);
    layout->addWidget(m_story);
    layout->addWidget(m_prompt);
    layout->addLayout(answers);
    layout->addWidget(m_step);
    layout->addWidget(m_bindings);
    layout->addWidget(m_verdict);
    layout->addWidget(m_reason);
    layout->addWidget(m_yaml, 1);

    connect(m_scenarios, &QComboBox::activated, this,
            [this](int index) { m_session->chooseScenario(index, QRandomGenerator::global()->generate()); });
    connect(m_yes, &QPushButton::clicked, this, [this] { sayYesOrNo(true); });
    connect(m_no, &QPushButton::clicked, this, [this] { sayYesOrNo(false); });
    connect(m_bindings, &QListWidget::itemClicked, this, &RbacLabPane::chooseBinding);
    connect(m_bindings, &QListWidget::itemActivated, this, &RbacLabPane::chooseBinding);
    connect(m_next, &QPushButton::clicked, m_session, &RbacLabSession::next);
    return page;
}

void RbacLabPane::showPolicy()
{
    m_policy->setContent(m_session->snapshot());
    m_tabs->setCurrentWidget(m_policy);
}

void RbacLabPane::dragEnterEvent(QDragEnterEvent *event)
{
    if (!policyFileOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void RbacLabPane::dropEvent(QDropEvent *event)
{
    const QString path = policyFileOf(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    showPolicy();
    m_policy->openFile(path);
}

void RbacLabPane::showEvent(QShowEvent *event)
{
    for (QShortcut *s : std::as_const(m_shortcuts))
        s->setEnabled(true);
    QWidget::showEvent(event);
}

void RbacLabPane::hideEvent(QHideEvent *event)
{
    for (QShortcut *s : std::as_const(m_shortcuts))
        s->setEnabled(false);
    QWidget::hideEvent(event);
}

void RbacLabPane::open()
{
    m_policy->setContent(m_session->snapshot());
    if (m_switcher->diagramId() != kRbacDiagram) {
        m_previousDiagram = m_switcher->diagramId();
        m_switcher->loadDiagram(kRbacDiagram);
    }
    if (m_scenarios->count() == 0)
        for (const rbac::Scenario &s : m_session->scenarios())
            m_scenarios->addItem(s.title);
    if (!m_session->scenario() && m_scenarios->count() > 0)
        m_session->chooseScenario(0, QRandomGenerator::global()->generate());
    else
        showQuestion(); // the diagram was loaded again: light the answered chain again
}

void RbacLabPane::leftLab()
{
    m_scene->setSpotlight({}, {}, {});
    if (!m_previousDiagram.isEmpty() && m_switcher->diagramId() == kRbacDiagram)
        m_switcher->loadDiagram(m_previousDiagram);
    m_previousDiagram.clear();
}

void RbacLabPane::showQuestion()
{
    const rbac::Scenario *scenario = m_session->scenario();
    m_scenarios->setCurrentIndex(m_session->scenarioIndex());
    m_story->setText(scenario ? scenario->story : QStringLiteral("No scenario could be loaded."));
    m_prompt->setText(m_session->question() ? m_session->prompt()
                                            : QStringLiteral("This scenario grants nothing to ask about."));
    m_saidYes = -1;
    m_bindings->clear();
    for (const rbac::Binding *b : m_session->bindings()) {
        auto *item = new QListWidgetItem(rbac::describeBinding(*b), m_bindings);
        item->setData(Qt::UserRole, QVariant::fromValue(static_cast<const void *>(b)));
    }
    new QListWidgetItem(QStringLiteral("none — no binding allows it"), m_bindings);
    m_bindings->setEnabled(false);
    m_step->setText(QStringLiteral("Yes or No (Y, N)? Then the binding that decides."));
    m_verdict->clear();
    m_reason->clear();
    m_yaml->clear();
    m_yaml->setVisible(false);
    m_yes->setEnabled(m_session->question());
    m_no->setEnabled(m_session->question());
    m_next->setEnabled(false);
    m_scene->setSpotlight({}, {}, {});
    if (m_session->outcome())
        showOutcome();
}

void RbacLabPane::sayYesOrNo(bool yes)
{
    if (!m_session->question() || m_session->outcome() || m_tabs->currentWidget() == m_policy)
        return;
    m_saidYes = yes ? 1 : 0;
    m_step->setText(yes ? QStringLiteral("Yes. Which binding allows it? (arrow keys, Enter)")
                        : QStringLiteral("No. Which binding decides? (arrow keys, Enter)"));
    m_bindings->setEnabled(true);
    m_bindings->setCurrentRow(0);
    m_bindings->setFocus();
}

void RbacLabPane::chooseBinding(QListWidgetItem *item)
{
    if (!item || m_saidYes < 0 || m_session->outcome())
        return;
    const auto *binding = static_cast<const rbac::Binding *>(item->data(Qt::UserRole).value<const void *>());
    if (m_session->answer(m_saidYes == 1, binding))
        showOutcome();
}

void RbacLabPane::showOutcome()
{
    const RbacLabSession::Outcome &o = *m_session->outcome();
    const rbac::Decision &truth = m_session->question()->truth;
    const QString truthText = truth.allowed ? QStringLiteral("Yes, by ") + rbac::describeBinding(*truth.binding)
                                            : QStringLiteral("No: no binding allows it");
    const QString grade = o.rating == Rating::Good   ? QStringLiteral("Good")
                          : o.rating == Rating::Hard ? QStringLiteral("Hard")
                                                     : QStringLiteral("Again");
    const QString judged = o.decisionRight && o.bindingRight   ? QStringLiteral("Right")
                           : o.decisionRight || o.bindingRight ? QStringLiteral("Half right")
                                                               : QStringLiteral("Wrong");
    m_verdict->setText(QStringLiteral("%1. %2. Graded %3.").arg(judged, truthText, grade));
    m_yes->setEnabled(false);
    m_no->setEnabled(false);
    m_bindings->setEnabled(false);
    m_step->clear();
    m_next->setEnabled(true);
    m_next->setFocus();
    if (truth.allowed)
        m_reason->setText(truth.reason);
    else if (!o.nearMiss)
        m_reason->setText(QStringLiteral("No rule applies to this subject here: no binding names it in this "
                                         "namespace or cluster-wide. RBAC has no opinion, so the request is denied."));
    else
        m_reason->setText(QStringLiteral("No rule allows it, so RBAC has no opinion and the request is denied. "
                                         "Closest: rule %1 of %2: %3.")
                              .arg(o.nearMiss->rule + 1)
                              .arg(rbac::describeBinding(*o.nearMiss->binding), o.nearMiss->why));
    relight();
}

void RbacLabPane::relight()
{
    const RbacLabSession::Outcome *o = m_session->outcome();
    if (!o || m_switcher->diagramId() != kRbacDiagram)
        return;
    const rbac::Decision &truth = m_session->question()->truth;
    if (truth.allowed) {
        showChain(*truth.binding, truth.subject, *truth.role, truth.rule);
        return;
    }
    if (!o->nearMiss)
        return;
    // The near miss's chain, from the binding's subject that names the asker.
    const rbac::NearMiss &miss = *o->nearMiss;
    int subject = 0;
    for (qsizetype i = 0; i < miss.binding->subjects.size(); ++i)
        if (rbac::appliesTo(m_session->question()->user, miss.binding->subjects.at(i), miss.binding->ns)) {
            subject = int(i);
            break;
        }
    showChain(*miss.binding, subject, *miss.role, miss.rule);
}

void RbacLabPane::showChain(const rbac::Binding &binding, int subject, const rbac::Role &role, int rule)
{
    const rbac::DiagramChain chain = rbac::diagramChain(binding, binding.subjects.value(subject), role);
    m_scene->setSpotlight(chain.components, chain.arrows, {});
    const rbac::RoleSource source = rbac::roleSource(m_session->authorizer()->policy(), role, rule);
    const int marked = source.markedLine - source.firstLine;
    const int markedCount = ruleLineCount(source.lines, marked);
    QStringList shown;
    for (qsizetype i = 0; i < source.lines.size(); ++i) {
        const bool inRule = i >= marked && i < marked + markedCount;
        // The arrow says which lines decided to a screen reader as well as to the eye.
        shown.append(QStringLiteral("%1 %2 %3")
                         .arg(source.firstLine + i, 3)
                         .arg(inRule ? QStringLiteral("▶") : QStringLiteral(" "), source.lines.at(i)));
    }
    m_yaml->setPlainText(shown.join(u'\n'));
    QList<QTextEdit::ExtraSelection> marks;
    for (int i = marked; i < marked + markedCount; ++i) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_yaml->document()->findBlockByNumber(i));
        mark.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor); // every wrapped line
        mark.format.setBackground(QColor(0xFF, 0xE8, 0x8C));
        mark.format.setForeground(QColor(0x20, 0x20, 0x20));
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        marks.append(mark);
    }
    m_yaml->setExtraSelections(marks);
    m_yaml->setVisible(true);
    m_yaml->setToolTip(QStringLiteral("%1, from line %2 of %3; the deciding rule is marked")
                           .arg(role.cluster ? QString(QStringLiteral("ClusterRole ") + role.name)
                                             : QString(QStringLiteral("Role ") + role.ns + u'/' + role.name))
                           .arg(source.firstLine)
                           .arg(m_session->authorizer()->policy().files.value(role.origin.file).section(u'/', -1)));
}

} // namespace k8sfc
