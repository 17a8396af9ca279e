// The one way the project parses JSON text. Strict: a duplicate key anywhere is an
// error naming its path and the key (a repeated "choice" must not silently count as
// the last one), and the mistakes people make get named: a byte order mark,
// comments, NaN or Infinity, invalid UTF-8, lone surrogates, trailing commas.
#ifndef RENEWAL_BASE_JSON_PARSE_H_
#define RENEWAL_BASE_JSON_PARSE_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "boost/json.hpp"

namespace renewal::internal {

/// The document in `text`, or InvalidArgument "malformed JSON at byte N: <reason>"
/// or "duplicate key \"k\" in <path> at byte N".
absl::StatusOr<boost::json::value> ParseJson(std::string_view text);

/// Why parsing failed at `offset` of `text` with `ec`, in words a person can act on;
/// `base` is the offset of `text` in the document (for a reader fed in chunks).
std::string DescribeJsonError(std::string_view text, std::size_t offset,
                              const boost::json::error_code& ec, std::size_t base = 0);

/// Calls `each(line, number)` for every line of JSON Lines `text` that is not blank
/// (numbers count from 1 and include blank lines; a trailing "\r" is dropped), and
/// stops at the first error it returns.
absl::Status ForEachJsonLine(std::string_view text,
                             const std::function<absl::Status(std::string_view, std::size_t)>& each);

/// Tracks the keys of the objects open during a SAX parse, to refuse duplicates.
/// Call Open/Close around each object and array, Key for each key; Key returns
/// false on a repeated key, after which `message()` names it.
class DuplicateKeys {
 public:
  void OpenObject();
  void OpenArray();
  void Close();
  bool Key(std::string_view key, std::size_t offset);
  const std::string& message() const { return message_; }

 private:
  struct Level {
    bool object = false;
    std::size_t index = 0;        // the array element being read
    std::string key;              // the object member being read
    std::vector<std::string> keys;
  };
  std::string Path() const;
  std::vector<Level> levels_;
  std::string message_;
};

}  // namespace renewal::internal

#endif  // RENEWAL_BASE_JSON_PARSE_H_
