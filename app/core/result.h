#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace k8sfc {

/// Why something failed, in words a learner can be shown. A type of its own, so that a
/// Result<QString> can tell a value from an error.
struct Failure
{
    QString message;
};

/// A value, or the reason there is none. Reads that can fail return one; writes that give nothing
/// back return a std::optional<QString> error instead. Shaped like C++23's std::expected, which can
/// replace it.
template <class T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Failure failure) : m_error(std::move(failure.message)) {}

    explicit operator bool() const { return m_value.has_value(); }
    /// Throws std::bad_optional_access on a failure, as std::expected would: test first.
    const T &value() const & { return m_value.value(); }
    T value() && { return std::move(m_value).value(); }
    const T &operator*() const & { return *m_value; }
    T operator*() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T valueOr(T fallback) const { return m_value ? *m_value : std::move(fallback); }
    /// Empty when there is a value.
    const QString &error() const { return m_error; }

private:
    std::optional<T> m_value;
    QString m_error;
};

} // namespace k8sfc
