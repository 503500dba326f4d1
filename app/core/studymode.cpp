#include "studymode.h"

#include "card.h"
#include "content.h"

namespace k8sfc {

StudyMode::StudyMode(ContentSnapshot content, Grader &grader, QObject *parent)
    : ModeBackend(parent), m_content(std::move(content)), m_grader(grader)
{
    // Undo is global (Ctrl+Z in the window); the mode whose grade is taken back shows the card again.
    connect(&m_grader, &Grader::undone, this, [this](const QString &cardId, qint64 reviewId) {
        if (m_myReviews.remove(reviewId))
            restore(cardId);
    });
}

void StudyMode::showCurrent()
{
    m_revealed = false;
    m_shownFor.start();
    emit changed();
}

void StudyMode::reveal()
{
    if (!current() || m_revealed)
        return;
    m_revealed = true;
    emit changed();
}

bool StudyMode::grade(Rating rating)
{
    const Card *card = current();
    if (!card || !m_revealed)
        return false;
    m_grading = true;
    const auto outcome = m_grader.grade(card->id, rating, m_shownFor.elapsed(), ReviewKind::Study, now());
    m_grading = false;
    if (!outcome)
        return false;
    m_myReviews.insert(outcome->reviewId);
    advance(*card, *outcome);
    return true;
}

void StudyMode::progressChanged()
{
    if (!m_grading)
        resync();
}

std::array<QString, 4> StudyMode::intervalLabels() const
{
    std::array<QString, 4> labels;
    const Card *card = current();
    if (!card)
        return labels;
    const auto secs = m_grader.previewIntervalSecs(card->id, now());
    if (!secs)
        return labels; // grading this card is refused too
    for (int i = 0; i < 4; ++i)
        labels[i] = Grader::intervalLabel((*secs)[i]);
    return labels;
}

} // namespace k8sfc
