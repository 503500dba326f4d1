#pragma once

#include "fsrsdual.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace k8sfc {

/// The FSRS-6 memory model as the optimizer fits it: fsrs-rs's formulas and clamps, unrounded, on
/// doubles (to evaluate) or on FsrsDual (to get the gradient). Unlike FsrsModel, which schedules
/// as ts-fsrs does, it keeps fsrs-rs's training path: same-day reviews always take the short-term
/// terms (in long-term mode those are fitted at 0, which leaves stability as it is).
template <class T>
class FsrsForward
{
public:
    static constexpr double kMinStability = 0.001;
    static constexpr double kMaxStability = 36500;

    struct State
    {
        T s;
        T d;
    };

    explicit FsrsForward(const std::array<T, 21> &w)
        : m_w(w), m_decay(-w[20]), m_factor(exp_(log_(T(0.9)) / m_decay) - T(1)), m_easyD(initD(4))
    {}

    /// Probability of recall after `t` days at stability `s`.
    T recall(double t, const T &s) const { return pow_(T(std::max(t, 0.0)) / s * m_factor + T(1), m_decay); }

    State first(int rating) const
    {
        return {clamp(m_w[size_t(rating - 1)], kMinStability, kMaxStability), clamp(initD(rating), 1, 10)};
    }

    State step(const State &state, int deltaT, int rating) const
    {
        const T s = clamp(state.s, kMinStability, kMaxStability);
        const T d = clamp(state.d, 1, 10);
        T next;
        if (deltaT == 0) {
            const T raw = exp_(m_w[17] * (T(rating - 3.0) + m_w[18])) * pow_(s, -m_w[19]);
            // A pass on the same day never lowers stability.
            next = s * (rating >= 2 && valueOf(raw) < 1 ? T(1) : raw);
        } else {
            const T r = recall(deltaT, s);
            if (rating == 1) {
                const T raw =
                    m_w[11] * pow_(d, -m_w[12]) * (pow_(s + T(1), m_w[13]) - T(1)) * exp_((T(1) - r) * m_w[14]);
                const T floor = s / exp_(m_w[17] * m_w[18]);
                next = valueOf(floor) < valueOf(raw) ? floor : raw;
            } else {
                T bonus(1);
                if (rating == 2)
                    bonus = m_w[15];
                else if (rating == 4)
                    bonus = m_w[16];
                next =
                    s * (exp_(m_w[8]) * (T(11) - d) * pow_(s, -m_w[9]) * (exp_((T(1) - r) * m_w[10]) - T(1)) * bonus +
                         T(1));
            }
        }
        const T damped = d + (-m_w[6] * T(rating - 3.0)) * (T(10) - d) / T(9);
        const T reverted = m_w[7] * (m_easyD - damped) + damped;
        return {clamp(next, kMinStability, kMaxStability), clamp(reverted, 1, 10)};
    }

    /// Clamps as fsrs-rs does: the value stops at the bounds and, outside them, so does the gradient.
    static T clamp(const T &x, double low, double high)
    {
        if (valueOf(x) < low)
            return T(low);
        if (valueOf(x) > high)
            return T(high);
        return x;
    }

private:
    T initD(int rating) const { return m_w[4] - exp_(m_w[5] * T(rating - 1.0)) + T(1); }

    static T exp_(const T &x)
    {
        using std::exp;
        return exp(x);
    }
    static T log_(const T &x)
    {
        using std::log;
        return log(x);
    }
    static T pow_(const T &x, const T &y)
    {
        using std::pow;
        return pow(x, y);
    }

    std::array<T, 21> m_w;
    T m_decay;
    T m_factor;
    T m_easyD;
};

} // namespace k8sfc
