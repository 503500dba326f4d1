#pragma once

#include <array>
#include <cmath>

namespace k8sfc {

/// A number with its exact partial derivatives by the 21 FSRS-6 weights (forward-mode automatic
/// differentiation). The optimizer runs the memory model on it to get the gradient of the loss in
/// the same pass as the loss; the evaluator runs the same code on plain doubles.
struct FsrsDual
{
    static constexpr int kSize = 21;
    double v = 0;
    std::array<double, kSize> d{};

    FsrsDual() = default;
    FsrsDual(double value) : v(value) {} // NOLINT: constants mix freely with duals
    /// Weight i itself: derivative 1 by w_i.
    static FsrsDual variable(double value, int i)
    {
        FsrsDual x(value);
        x.d[i] = 1;
        return x;
    }

    /// The chain rule for f(x) with f'(x) = slope.
    FsrsDual chain(double value, double slope) const
    {
        FsrsDual r(value);
        for (int i = 0; i < kSize; ++i)
            r.d[i] = slope * d[i];
        return r;
    }
};

inline double valueOf(double x)
{
    return x;
}
inline double valueOf(const FsrsDual &x)
{
    return x.v;
}

inline FsrsDual operator+(const FsrsDual &a, const FsrsDual &b)
{
    FsrsDual r(a.v + b.v);
    for (int i = 0; i < FsrsDual::kSize; ++i)
        r.d[i] = a.d[i] + b.d[i];
    return r;
}

inline FsrsDual operator-(const FsrsDual &a, const FsrsDual &b)
{
    FsrsDual r(a.v - b.v);
    for (int i = 0; i < FsrsDual::kSize; ++i)
        r.d[i] = a.d[i] - b.d[i];
    return r;
}

inline FsrsDual operator-(const FsrsDual &a)
{
    return a.chain(-a.v, -1);
}

inline FsrsDual operator*(const FsrsDual &a, const FsrsDual &b)
{
    FsrsDual r(a.v * b.v);
    for (int i = 0; i < FsrsDual::kSize; ++i)
        r.d[i] = a.d[i] * b.v + b.d[i] * a.v;
    return r;
}

inline FsrsDual operator/(const FsrsDual &a, const FsrsDual &b)
{
    const double q = a.v / b.v;
    FsrsDual r(q);
    for (int i = 0; i < FsrsDual::kSize; ++i)
        r.d[i] = (a.d[i] - q * b.d[i]) / b.v;
    return r;
}

inline FsrsDual exp(const FsrsDual &a)
{
    const double e = std::exp(a.v);
    return a.chain(e, e);
}

inline FsrsDual log(const FsrsDual &a)
{
    return a.chain(std::log(a.v), 1 / a.v);
}

/// a^b for a > 0, through exp(b·ln a), so that both may vary.
inline FsrsDual pow(const FsrsDual &a, const FsrsDual &b)
{
    const double value = std::pow(a.v, b.v);
    FsrsDual r(value);
    const double da = b.v * std::pow(a.v, b.v - 1);
    const double db = value * std::log(a.v);
    for (int i = 0; i < FsrsDual::kSize; ++i)
        r.d[i] = da * a.d[i] + (b.d[i] == 0 ? 0 : db * b.d[i]);
    return r;
}

} // namespace k8sfc
