// Result<T>: the value of an operation that can fail in an expected way (bad input, network,
// server refusal). Bugs assert; expected failures carry a machine code and a human message.
//
//   Result<User> r = ParseUser(resp);
//   if (!r) ShowToast(r.error().message); else Use(r.value());
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace skyloom {

struct Error {
    std::string code;     // snake_case, stable, e.g. "invalid_credentials"
    std::string message;  // for people
    int http_status = 0;  // 0 when the failure never reached a server (network, parse)
    int retry_after = 0;  // seconds until retrying can succeed (rate limits, cooldowns); 0: n/a
};

template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T& value() const& {
        assert(ok() && "Result::value() called on an error");
        return std::get<0>(m_data);
    }
    [[nodiscard]] T& value() & {
        assert(ok() && "Result::value() called on an error");
        return std::get<0>(m_data);
    }
    [[nodiscard]] T&& value() && {
        assert(ok() && "Result::value() called on an error");
        return std::get<0>(std::move(m_data));
    }
    [[nodiscard]] const Error& error() const {
        assert(!ok() && "Result::error() called on a value");
        return std::get<1>(m_data);
    }

  private:
    std::variant<T, Error> m_data;
};

// For operations whose success carries no value.
struct Unit {};

}  // namespace skyloom
