#include "walkthroughplayer.h"

#include <algorithm>

namespace k8sfc {

WalkthroughPlayer::WalkthroughPlayer(QObject *parent) : QObject(parent)
{}

void WalkthroughPlayer::setWalkthrough(const Walkthrough *walkthrough)
{
    m_walkthrough = walkthrough;
    show(0);
}

int WalkthroughPlayer::count() const
{
    return m_walkthrough ? int(m_walkthrough->steps.size()) : 0;
}

const WalkthroughStep *WalkthroughPlayer::current() const
{
    return m_position < count() ? &m_walkthrough->steps.at(m_position) : nullptr;
}

const WalkthroughStep *WalkthroughPlayer::upcoming() const
{
    return m_position + 1 < count() ? &m_walkthrough->steps.at(m_position + 1) : nullptr;
}

QStringList newlyLit(const WalkthroughStep &step, const WalkthroughStep *previous)
{
    const QStringList before =
        previous ? previous->components + previous->arrows + previous->reverseArrows : QStringList();
    QStringList out;
    for (const QString &id : step.components + step.arrows + step.reverseArrows)
        if (!before.contains(id) && !out.contains(id))
            out.append(id);
    return out;
}

void WalkthroughPlayer::show(int position)
{
    m_position = std::clamp(position, 0, std::max(0, count() - 1));
    m_answerShown = false;
    m_revealed = !current() || !current()->askNext;
    emit stepChanged(m_position);
}

WalkthroughStep WalkthroughPlayer::shown() const
{
    const WalkthroughStep *step = current();
    if (!step)
        return {};
    WalkthroughStep out = *step;
    if (m_revealed)
        return out;
    const WalkthroughStep *previous = m_position > 0 ? &m_walkthrough->steps.at(m_position - 1) : nullptr;
    const QStringList hidden = newlyLit(*step, previous);
    for (QStringList *ids : {&out.components, &out.arrows, &out.reverseArrows})
        ids->removeIf([&](const QString &id) { return hidden.contains(id); });
    if (out.components.isEmpty() && out.arrows.isEmpty() && out.reverseArrows.isEmpty() && previous)
        out.components = previous->components;
    return out;
}

bool WalkthroughPlayer::next()
{
    if (m_position + 1 >= count())
        return false;
    show(m_position + 1);
    return true;
}

bool WalkthroughPlayer::previous()
{
    if (m_position <= 0)
        return false;
    show(m_position - 1);
    return true;
}

void WalkthroughPlayer::first()
{
    show(0);
}

void WalkthroughPlayer::last()
{
    show(count() - 1);
}

bool WalkthroughPlayer::goToNumber(int number)
{
    if (number < 1 || number > count())
        return false;
    show(number - 1);
    return true;
}

void WalkthroughPlayer::showAnswer()
{
    const WalkthroughStep *step = current();
    if (step && !m_revealed) {
        m_revealed = true;
        emit revealed();
        return;
    }
    if (!step || step->question.isEmpty() || m_answerShown)
        return;
    m_answerShown = true;
    emit answerShown();
}

} // namespace k8sfc
