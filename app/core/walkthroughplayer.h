#pragma once

#include "walkthrough.h"

#include <QObject>

namespace k8sfc {

/// Steps through a walkthrough: the presentation mode's backend. Every step is shown from the
/// step alone, so stepping back restores the previous step exactly.
class WalkthroughPlayer : public QObject
{
    Q_OBJECT
public:
    explicit WalkthroughPlayer(QObject *parent = nullptr);

    /// Starts at the first step; nullptr stops.
    void setWalkthrough(const Walkthrough *walkthrough);
    const Walkthrough *walkthrough() const { return m_walkthrough; }
    int position() const { return m_position; }
    int count() const;
    const WalkthroughStep *current() const;
    const WalkthroughStep *upcoming() const; ///< the next step, for the presenter view
    bool isAnswerShown() const { return m_answerShown; }
    /// An `ask-next` step hides its new components and arrows until the first A: false until then.
    bool isRevealed() const { return m_revealed; }
    /// The current step as it shows now: without what an `ask-next` step still hides (and, when
    /// that leaves nothing, lighting the previous step's components: where the request is).
    WalkthroughStep shown() const;

    bool next();
    bool previous();
    void first();
    void last();
    /// Jumps to a step counted from 1 (as the presenter types it); false if out of range.
    bool goToNumber(int number);
    /// A: on an `ask-next` step the first press reveals what it hid, the next one the answer to the
    /// room's question; on other steps, the answer.
    void showAnswer();

signals:
    void stepChanged(int position);
    void answerShown();
    /// An `ask-next` step's hidden components and arrows were revealed.
    void revealed();

private:
    void show(int position);

    const Walkthrough *m_walkthrough = nullptr;
    int m_position = 0;
    bool m_answerShown = false;
    bool m_revealed = true;
};

} // namespace k8sfc
