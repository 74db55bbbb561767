#pragma once

#include "core/common/Error.h"

#include <optional>
#include <utility>
#include <variant>

namespace bv {

// A value or an Error. No exceptions cross module boundaries; every fallible core operation
// returns one of these.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {
    }
    Result(Error error)
        : m_state(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::get<T>(std::move(m_state)); }

    const Error& error() const { return std::get<Error>(m_state); }
    ErrorCode code() const { return ok() ? ErrorCode::None : error().code; }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }
    ErrorCode code() const { return ok() ? ErrorCode::None : m_error->code; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

inline Error makeError(ErrorCode code, QString message, QString detail = {}, QString field = {})
{
    return Error {code, std::move(message), std::move(detail), std::move(field)};
}

} // namespace bv

// Propagates an error from an expression that yields a Result: BV_TRY(doThing());
#define BV_TRY(expr)                                                                                                   \
    do {                                                                                                               \
        auto bvTryResult_ = (expr);                                                                                    \
        if (!bvTryResult_.ok())                                                                                        \
            return bvTryResult_.error();                                                                               \
    } while (false)
