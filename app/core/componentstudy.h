#pragma once

#include "studymode.h"

#include <QList>

namespace k8sfc {

/// Studying one component's cards, one at a time, whatever is due: the mode a click on the
/// diagram opens. Unseen cards come first, then those seen longest ago; an "Again" comes back
/// a few cards later.
class ComponentStudy : public StudyMode
{
    Q_OBJECT
public:
    ComponentStudy(ContentSnapshot content, Grader &grader, QObject *parent = nullptr);
    void setContent(ContentSnapshot content) override;
    void reloadProgress() override;

    /// Opens the cards of a component and of its sub-parts, or of an arrow (a drawn arrow id: the
    /// cards naming that copy and those naming the arrow on every copy).
    void open(const QString &componentId);
    /// Opens a component with one of its cards first (a search result).
    void openAt(const QString &componentId, const QString &cardId);
    QString componentId() const { return m_componentId; }
    const Card *current() const override;
    int position() const { return m_position; }
    int queueSize() const { return int(m_queue.size()); }
    /// Skips to the next card without grading.
    void next();

    QString heading() const override;
    QString subheading() const override;
    /// "Card 3 of 12": each card counts once, so an "Again" card coming back says "again" and
    /// does not add to the total.
    QString positionText() const override;
    QString litComponent() const override { return m_componentId; }
    /// Seen counts and the last grades, across this component's cards and its sub-parts'.
    StudyProgress progress() const override { return m_progress; }
    QString emptyText() const override;

protected:
    void advance(const Card &graded, const Grader::Outcome &outcome) override;
    void restore(const QString &cardId) override;
    void resync() override;

private:
    void rebuildQueue();
    void refreshProgress();

    QString m_componentId;
    QList<const Card *> m_queue;
    int m_position = 0;
    StudyProgress m_progress;
};

} // namespace k8sfc
