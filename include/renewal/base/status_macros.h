// The one pair of macros that pass an absl::Status up the call stack, in the
// manner of abseil's internal status_macros.h:
//
//   RENEWAL_RETURN_IF_ERROR(WriteHeader(out));
//   RENEWAL_ASSIGN_OR_RETURN(Registry reg, ReadRegistry(path));
//
// The error is returned unchanged (same code, same message). Code that adds
// context to the message before returning it stays hand-written.
#ifndef RENEWAL_BASE_STATUS_MACROS_H_
#define RENEWAL_BASE_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

/// Evaluates `expr`, an absl::Status, and returns it from the enclosing function
/// if it is not OK. The enclosing function returns absl::Status or
/// absl::StatusOr<T>.
///
///   RENEWAL_RETURN_IF_ERROR(reader.OnlyKeys({"id", "name"}));
#define RENEWAL_RETURN_IF_ERROR(expr)                                                \
  do {                                                                               \
    if (::absl::Status renewal_status_macros_status_ = (expr);                      \
        !renewal_status_macros_status_.ok()) {                                       \
      return renewal_status_macros_status_;                                          \
    }                                                                                \
  } while (false)

/// Evaluates `expr`, an absl::StatusOr<T>: if it holds an error, returns that
/// status from the enclosing function; otherwise moves the value into `lhs`.
/// `lhs` is a declaration (`auto x`, `std::vector<int> v`) or an existing
/// variable (`x`, `out->field`). A reference declaration (`const auto& x`) binds
/// to the value inside the hidden StatusOr, which lives to the end of the
/// enclosing scope, so nothing is moved or copied. A declaration whose type has a
/// comma goes in parentheses: `RENEWAL_ASSIGN_OR_RETURN((std::pair<int, int> p),
/// F())` (so `lhs` must not otherwise begin with a parenthesis).
///
/// It expands to several statements, so it cannot be the lone body of an `if`
/// or a loop without braces; the temporary is named after the line, so use it
/// at most once a line.
#define RENEWAL_ASSIGN_OR_RETURN(lhs, ...)                                         \
  RENEWAL_STATUS_MACROS_IMPL_ASSIGN_OR_RETURN_(                                    \
      RENEWAL_STATUS_MACROS_IMPL_CONCAT_(renewal_status_macros_statusor_, __LINE__), \
      lhs, (__VA_ARGS__))

// Implementation details; not for use outside this header.

#define RENEWAL_STATUS_MACROS_IMPL_ASSIGN_OR_RETURN_(statusor, lhs, rexpr) \
  auto statusor = rexpr;                                                  \
  if (!statusor.ok()) {                                                   \
    return statusor.status();                                             \
  }                                                                       \
  RENEWAL_STATUS_MACROS_IMPL_UNPARENTHESIZE_(lhs) = *std::move(statusor)

#define RENEWAL_STATUS_MACROS_IMPL_CONCAT_INNER_(x, y) x##y
#define RENEWAL_STATUS_MACROS_IMPL_CONCAT_(x, y) RENEWAL_STATUS_MACROS_IMPL_CONCAT_INNER_(x, y)

// `(a, b)` becomes `a, b`; anything not in parentheses is left as it is.
#define RENEWAL_STATUS_MACROS_IMPL_UNPARENTHESIZE_(x) \
  RENEWAL_STATUS_MACROS_IMPL_ESCAPE_(RENEWAL_STATUS_MACROS_IMPL_STRIP_ x)
#define RENEWAL_STATUS_MACROS_IMPL_STRIP_(...) RENEWAL_STATUS_MACROS_IMPL_STRIP_ __VA_ARGS__
#define RENEWAL_STATUS_MACROS_IMPL_ESCAPE_(...) RENEWAL_STATUS_MACROS_IMPL_ESCAPE_INNER_(__VA_ARGS__)
#define RENEWAL_STATUS_MACROS_IMPL_ESCAPE_INNER_(...) RENEWAL_STATUS_MACROS_IMPL_VANISH_##__VA_ARGS__
#define RENEWAL_STATUS_MACROS_IMPL_VANISH_RENEWAL_STATUS_MACROS_IMPL_STRIP_

#endif  // RENEWAL_BASE_STATUS_MACROS_H_
