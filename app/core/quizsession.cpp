#include "quizsession.h"

#include "content.h"
#include "grader.h"
#include "masterystore.h"
#include "quizforms.h"
#include "quizgenerator.h"
#include "quizselection.h"

#include <algorithm>

namespace k8sfc {

QuizSession::QuizSession(ContentSnapshot content, QObject *parent)
    : ModeBackend(parent), m_content(std::move(content)), m_forms(quizForms())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        // The clock decides, not the timer: a clock set back (or a test's clock) re-arms it.
        if (!checkTime() && !isFinished())
            m_timer.start(int(std::clamp<qint64>(remainingMs(), 100, 60'000)));
    });
}

std::optional<QString> QuizSession::start()
{
    const ComponentRegistry &registry = m_content->registry();
    if (m_config.length < 1)
        return QStringLiteral("A quiz needs at least one question.");
    if (m_config.forms.isEmpty())
        return QStringLiteral("Choose at least one kind of question.");
    if (m_config.scope == QuizConfig::Scope::Deck &&
        std::none_of(m_content->decks().cbegin(), m_content->decks().cend(),
                     [&](const Deck &d) { return d.id == m_config.scopeId; }))
        return QStringLiteral("There is no deck \"%1\".").arg(m_config.scopeId);
    if (m_config.scope == QuizConfig::Scope::Component && !registry.contains(m_config.scopeId))
        return QStringLiteral("There is no component \"%1\".").arg(m_config.scopeId);

    const QuizGenerator generator(*m_content);
    QList<QuizQuestion> pool;
    for (const QuizForm *form : std::as_const(m_forms))
        if (m_config.forms.contains(form->id()))
            pool += generator.generate(*form, m_config.seed);
    QuizConfig config = m_config;
    if (m_newCards) {
        const NewCards fresh = m_newCards();
        config.newCards = fresh.ids;
        config.newCardsAllowed = fresh.allowed;
    }
    const QList<QuizQuestion> chosen = QuizSelection::choose(pool, config, registry, m_mastery);
    if (chosen.isEmpty() && config.newCardsAllowed >= 0 &&
        !QuizSelection::choose(pool, m_config, registry, m_mastery).isEmpty())
        return QStringLiteral("Every question here is about a card you have not studied yet, and today's new "
                              "cards are used up (the daily limit is in Settings).");
    if (chosen.isEmpty())
        return QStringLiteral("There are no questions for this quiz.");

    m_questions = chosen;
    m_answers = QList<std::optional<QuizAnswer>>(chosen.size());
    m_startedAt = m_clock();
    m_endedAt = {};
    m_timedOut = false;
    if (m_config.timeLimitSecs > 0)
        m_timer.start(int(std::min<qint64>(qint64(m_config.timeLimitSecs) * 1000, 60'000)));
    else
        m_timer.stop();
    show(0);
    return std::nullopt;
}

const QuizQuestion *QuizSession::current() const
{
    const bool showing = m_state == State::Asking || m_state == State::Answered;
    return showing ? &m_questions.at(m_position) : nullptr;
}

QDateTime QuizSession::deadline() const
{
    return m_config.timeLimitSecs > 0 ? m_startedAt.addSecs(m_config.timeLimitSecs) : QDateTime();
}

qint64 QuizSession::remainingMs() const
{
    if (m_config.timeLimitSecs <= 0)
        return -1;
    if (m_state == State::Idle)
        return qint64(m_config.timeLimitSecs) * 1000;
    const QDateTime at = m_state == State::Finished ? m_endedAt : m_clock();
    return std::max<qint64>(0, at.msecsTo(deadline()));
}

bool QuizSession::checkTime()
{
    if ((m_state != State::Asking && m_state != State::Answered) || m_config.timeLimitSecs <= 0 ||
        m_clock() < deadline())
        return false;
    finish(true);
    return true;
}

const QuizForm *QuizSession::openForm()
{
    if (m_state != State::Asking || checkTime())
        return nullptr;
    const QuizQuestion::Form id = m_questions.at(m_position).form;
    const auto it = std::find_if(m_forms.cbegin(), m_forms.cend(), [id](const QuizForm *f) { return f->id() == id; });
    return it != m_forms.cend() ? *it : nullptr;
}

std::optional<QuizAnswer> QuizSession::take(const std::optional<QuizStep> &step)
{
    if (!step)
        return std::nullopt;
    return respond(*step);
}

std::optional<QuizAnswer> QuizSession::answerChoice(int option)
{
    const QuizForm *form = openForm();
    return form ? take(form->judgeChoice(m_questions.at(m_position), option)) : std::nullopt;
}

std::optional<QuizAnswer> QuizSession::answerText(const QString &text)
{
    const QuizForm *form = openForm();
    return form ? take(form->judgeText(m_questions.at(m_position), text)) : std::nullopt;
}

std::optional<QuizStep> QuizSession::activate(const QString &elementId)
{
    const QuizForm *form = openForm();
    if (!form)
        return std::nullopt;
    const std::optional<QuizStep> step =
        form->judgeStep(m_questions.at(m_position), m_steps, elementId, m_content->registry());
    if (!step)
        return std::nullopt;
    if (step->done) {
        respond(*step);
    } else {
        m_steps.append(elementId);
        emit stepTaken(*step);
    }
    return step;
}

std::optional<QuizAnswer> QuizSession::answerComponent(const QString &componentId)
{
    const std::optional<QuizStep> step = activate(componentId);
    return step && step->done ? m_answers.at(m_position) : std::nullopt;
}

void QuizSession::setContent(ContentSnapshot content)
{
    m_content = std::move(content);
    emit contentReplaced();
}

bool QuizSession::takeDiagramClick(const QString &componentId)
{
    // Taken even when the form has no use for it (an arrow in a locate question): not judged.
    activate(componentId);
    return true;
}

bool QuizSession::isSlow(qint64 ms) const
{
    if (m_config.timeLimitSecs <= 0 || m_questions.isEmpty())
        return false;
    const qint64 share = qint64(m_config.timeLimitSecs) * 1000 / m_questions.size();
    return ms * 2 > share;
}

QuizAnswer QuizSession::respond(const QuizStep &step)
{
    const QDateTime now = m_clock();
    const QuizQuestion &q = m_questions.at(m_position);
    QuizAnswer a;
    a.questionIndex = m_position;
    a.cardId = q.cardId;
    a.cardIds = q.cardIds;
    a.correct = step.correct;
    a.forgiven = step.correct && step.forgiven;
    a.given = step.given;
    a.chosenOption = step.chosenOption;
    a.rightAnswer = q.answer;
    a.givenComponentId = step.givenElementId;
    a.componentId = q.componentId;
    a.revealed = step.revealed;
    a.timeTakenMs = std::max<qint64>(0, m_shownAt.msecsTo(now));
    a.answeredAt = now;
    // A right answer that took long is Hard at best, whatever the form made of it.
    a.rating = step.correct && isSlow(a.timeTakenMs) ? std::min(step.rating, Rating::Hard) : step.rating;
    m_answers[m_position] = a;
    m_state = State::Answered;
    if (std::all_of(m_answers.cbegin(), m_answers.cend(), [](const auto &x) { return x.has_value(); }))
        m_endedAt = now; // the time spent reading the last feedback is not quiz time
    emit answered(a);
    return a;
}

bool QuizSession::next()
{
    if (m_state != State::Answered)
        return false;
    if (checkTime())
        return true;
    if (m_position + 1 < m_questions.size())
        show(m_position + 1);
    else
        finish(false);
    return true;
}

void QuizSession::stop()
{
    if (m_state == State::Asking || m_state == State::Answered)
        finish(false);
}

void QuizSession::dismiss()
{
    if (m_state != State::Finished)
        return;
    m_state = State::Idle;
    emit dismissed();
}

QuizSession::NewCards QuizSession::newCardsToday(const ContentSet &content, Grader &grader, const QDateTime &now)
{
    MasteryStore &store = grader.store();
    const auto done = store.newAndReviewCountSince(grader.settings().dayStart(now));
    const auto progress = store.allProgress();
    if (!done || !progress)
        return {{}, 0}; // unknown states: grading would fail too, so bring nothing new in
    NewCards out;
    out.allowed = std::max(0, grader.settings().newCardsPerDay - done->first);
    for (const Deck &deck : content.decks())
        for (const Card &card : deck.cards)
            if (const auto it = progress->constFind(card.id); it == progress->cend() || it->isNew())
                out.ids.insert(card.id);
    return out;
}

void QuizSession::show(int position)
{
    m_position = position;
    m_state = State::Asking;
    m_steps.clear();
    m_shownAt = m_clock();
    emit questionChanged(position);
}

void QuizSession::finish(bool timeUp)
{
    m_timer.stop();
    const bool open = std::any_of(m_answers.cbegin(), m_answers.cend(), [](const auto &x) { return !x; });
    m_timedOut = timeUp && open;
    if (!m_endedAt.isValid() || open)
        m_endedAt = timeUp ? deadline() : m_clock();
    m_state = State::Finished;
    emit finished(summary());
}

QuizSummary QuizSession::summary() const
{
    QuizSummary s;
    s.total = int(m_questions.size());
    s.timedOut = m_timedOut;
    const QDateTime end = m_endedAt.isValid() ? m_endedAt : m_clock();
    s.elapsedMs = m_startedAt.isValid() ? std::max<qint64>(0, m_startedAt.msecsTo(end)) : 0;
    QHash<QString, QuizSummary::ComponentScore> scores;
    for (qsizetype i = 0; i < m_answers.size(); ++i) {
        const QuizQuestion &q = m_questions.at(i);
        if (!m_answers.at(i)) {
            s.unanswered.append({int(i), q.cardId, q.prompt, QString(), q.answer, q.components});
            continue;
        }
        const QuizAnswer &a = *m_answers.at(i);
        ++s.answered;
        s.correct += a.correct ? 1 : 0;
        if (!a.correct)
            s.misses.append({int(i), q.cardId, q.prompt, a.given, q.answer, q.components});
        for (const QString &id : q.components) {
            QuizSummary::ComponentScore &score = scores[id];
            score.componentId = id;
            ++score.asked;
            score.missed += a.correct ? 0 : 1;
        }
    }
    s.scorePercent = s.total > 0 ? qRound(100.0 * s.correct / s.total) : 0;
    // Registry order breaks ties, so the same quiz always lists the same weakest components.
    for (const Component &c : m_content->registry().components())
        if (const auto it = scores.constFind(c.id); it != scores.cend() && it->missed > 0)
            s.weakest.append(*it);
    std::stable_sort(s.weakest.begin(), s.weakest.end(),
                     [](const auto &a, const auto &b) { return a.missRate() > b.missRate(); });
    return s;
}

} // namespace k8sfc
