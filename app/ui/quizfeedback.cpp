#include "quizfeedback.h"

#include "cardtext.h"
#include "cardtextview.h"
#include "content.h"
#include "gradelook.h"
#include "quizanswer.h"
#include "quizquestion.h"
#include "quizsummary.h"
#include "theme.h"
#include "wrappedlabel.h"

#include <QDesktopServices>
#include <QUrl>
#include <QVBoxLayout>

namespace k8sfc {

namespace {

/// A summary's list of questions, each with the right answer (and what was given, if anything was).
QString questionList(const QString &title, const QList<QuizSummary::Miss> &questions, bool withGiven)
{
    if (questions.isEmpty())
        return {};
    QString html = QStringLiteral("<h3>%1</h3><ul>").arg(title);
    for (const QuizSummary::Miss &m : questions) {
        html += QStringLiteral("<li>%1<br>").arg(m.prompt.section(u'\n', 0, 0).toHtmlEscaped());
        if (withGiven)
            html += QStringLiteral("you: <i>%1</i> &nbsp;→&nbsp; ")
                        .arg(m.given.isEmpty() ? QStringLiteral("(nothing)") : m.given.toHtmlEscaped());
        html += QStringLiteral("right: <b>%1</b></li>").arg(m.rightAnswer.toHtmlEscaped());
    }
    return html + QStringLiteral("</ul>");
}

/// What a question answered on the diagram teaches: the path step by step, or the connection's role.
QString diagramExplanation(const QuizQuestion &q, const ComponentRegistry &registry)
{
    if (q.form == QuizQuestion::Form::DrawArrow) {
        const ArrowRole *arrow = registry.arrow(q.arrowId);
        return arrow ? QStringLiteral("**%1**: %2").arg(registry.arrowTitle(q.arrowId), arrow->role) : QString();
    }
    QString markdown = QStringLiteral("The path, step by step:\n\n");
    for (qsizetype i = 0; i < q.steps.size(); ++i) {
        QStringList names;
        for (const QString &key : q.steps.at(i)) {
            const Component *c = registry.component(key);
            names.append(registry.arrow(key) ? registry.arrowTitle(key) : c ? c->name : key);
        }
        markdown += QStringLiteral("%1. %2\n").arg(i + 1).arg(names.join(QStringLiteral("; ")));
    }
    return markdown;
}

} // namespace

QuizFeedback::QuizFeedback(QWidget *parent) : QWidget(parent)
{
    m_verdict = new WrappedLabel;
    m_verdict->setObjectName(QStringLiteral("quizFeedback"));
    m_verdict->setTextFormat(Qt::RichText);
    m_back = new CardTextView;
    m_back->setObjectName(QStringLiteral("quizBack"));
    m_back->setAccessibleName(QStringLiteral("Explanation"));
    m_back->setFocusPolicy(Qt::ClickFocus); // Enter goes on, whatever was clicked
    m_source = new WrappedLabel;
    m_source->setObjectName(QStringLiteral("quizSource"));
    m_source->setTextFormat(Qt::RichText);
    connect(m_source, &QLabel::linkActivated, this, [](const QString &link) {
        if (CardText::isWebLink(QUrl(link)))
            QDesktopServices::openUrl(QUrl(link));
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verdict);
    layout->addWidget(m_back, 1);
    layout->addWidget(m_source);
    layout->addStretch();
    clearAnswer();
}

void QuizFeedback::clearAnswer()
{
    m_verdict->clear();
    m_back->hide();
    m_source->hide();
}

void QuizFeedback::showAnswer(const QuizQuestion *q, const QuizAnswer &answer, const ContentSet &content)
{
    // Right and wrong are told by a symbol and a word as well as by colour.
    QString text =
        QStringLiteral("<span style=\"color:%1; font-size:large\"><b>%2</b></span>")
            .arg((answer.correct ? theme::answerRight() : theme::answerWrong()).name(QColor::HexRgb).toUpper(),
                 answer.correct ? QStringLiteral("✓ Right.") : QStringLiteral("✗ Not quite."));
    const bool onDiagram = q && (q->form == QuizQuestion::Form::Trace || q->form == QuizQuestion::Form::DrawArrow);
    if (answer.correct && answer.forgiven)
        text += onDiagram
                    ? QStringLiteral(" (one wrong click)")
                    : QStringLiteral(" (a small typo forgiven: <b>%1</b>)").arg(answer.rightAnswer.toHtmlEscaped());
    if (!answer.correct && onDiagram)
        text += QStringLiteral(" You gave %1.").arg(answer.given.toHtmlEscaped());
    if (!answer.correct && (!onDiagram || q->form == QuizQuestion::Form::DrawArrow))
        text += QStringLiteral(" The answer is <b>%1</b>.").arg(answer.rightAnswer.toHtmlEscaped());
    if (!answer.cardId.isEmpty())
        text += QStringLiteral("<br><small>Recorded as a review: %1.</small>").arg(gradeName(answer.rating));
    else if (!answer.cardIds.isEmpty())
        text += QStringLiteral("<br><small>Recorded as a review of %1 card%2 on the %3: %4.</small>")
                    .arg(answer.cardIds.size())
                    .arg(answer.cardIds.size() == 1 ? QString() : QStringLiteral("s"))
                    .arg(q && q->form == QuizQuestion::Form::Trace ? QStringLiteral("path's arrows")
                                                                   : QStringLiteral("connection"))
                    .arg(gradeName(answer.rating));
    m_verdict->setText(text);
    const Card *card = q ? content.card(q->cardId) : nullptr;
    const Component *component = q ? content.registry().component(q->componentId) : nullptr;
    const QString explanation = q && onDiagram ? diagramExplanation(*q, content.registry()) : QString();
    if (card) {
        m_back->showMarkdown(card->back, card->file);
        m_source->setText(CardText::sourceLinkHtml(card->source, m_source->palette()));
    } else if (component) {
        m_back->showMarkdown(QStringLiteral("**%1**: %2").arg(component->name, component->role), QString());
    } else if (!explanation.isEmpty()) {
        m_back->showMarkdown(explanation, QString());
    }
    m_back->setVisible(card || component || !explanation.isEmpty());
    m_source->setVisible(card);
}

QString quizSummaryHtml(const QuizSummary &s, const ComponentRegistry &registry)
{
    QString html = QStringLiteral("<p style=\"font-size:x-large\"><b>%1%</b> &nbsp; %2 of %3 right</p>")
                       .arg(s.scorePercent)
                       .arg(s.correct)
                       .arg(s.total);
    const qint64 secs = s.elapsedMs / 1000;
    html += QStringLiteral("<p>Time: %1 min %2 s").arg(secs / 60).arg(secs % 60);
    if (s.answered < s.total)
        html += QStringLiteral(" &nbsp;·&nbsp; %1 not answered%2")
                    .arg(s.total - s.answered)
                    .arg(s.timedOut ? QStringLiteral(" (time ran out)") : QString());
    html += QStringLiteral("</p>");
    html += questionList(QStringLiteral("Missed"), s.misses, true);
    html += questionList(QStringLiteral("Not answered"), s.unanswered, false);
    if (!s.weakest.isEmpty()) {
        QStringList names;
        for (const QuizSummary::ComponentScore &c : s.weakest) {
            const Component *component = registry.component(c.componentId);
            names.append(QStringLiteral("%1 (%2 of %3 missed)")
                             .arg(component ? component->name : c.componentId)
                             .arg(c.missed)
                             .arg(c.asked));
        }
        html += QStringLiteral("<h3>Weakest components</h3><p>%1</p>")
                    .arg(names.join(QStringLiteral(", ")).toHtmlEscaped());
    } else if (s.answered > 0) {
        html += QStringLiteral("<p>No misses. Well done.</p>");
    }
    return html;
}

} // namespace k8sfc
