// String concatenation that accepts std::string_view. Debian's Abseil is built with
// its own absl::string_view, so absl::StrCat rejects std::string_view arguments;
// this wrapper converts them and forwards everything else to absl::StrCat.
#ifndef RENEWAL_SRC_STRCAT_H_
#define RENEWAL_SRC_STRCAT_H_

#include <string>
#include <string_view>
#include <type_traits>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace renewal {

inline absl::string_view ToAbsl(std::string_view s) { return {s.data(), s.size()}; }
inline std::string_view ToStd(absl::string_view s) { return {s.data(), s.size()}; }

namespace strcat_internal {
template <class T>
decltype(auto) Piece(const T& v) {
  if constexpr (std::is_convertible_v<const T&, std::string_view> &&
                !std::is_same_v<T, std::string>) {
    return ToAbsl(std::string_view(v));
  } else {
    return (v);
  }
}
}  // namespace strcat_internal

template <class... Args>
std::string StrCat(const Args&... args) {
  return absl::StrCat(strcat_internal::Piece(args)...);
}

}  // namespace renewal

#endif  // RENEWAL_SRC_STRCAT_H_
