#include "renewal/base/json_parse.h"

#include <algorithm>

#include "boost/json/basic_parser_impl.hpp"

#include "renewal/base/strcat.h"

namespace renewal::internal {
namespace json = boost::json;
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Whether the six bytes before `offset` are a \uD800-\uDFFF escape.
bool AfterSurrogateEscape(std::string_view text, std::size_t offset) {
  if (offset < 6) return false;
  const std::string_view e = text.substr(offset - 6, 6);
  const auto hex = [](char c) { return std::string_view("89abcdefABCDEF").find(c) != std::string_view::npos; };
  return e[0] == '\\' && e[1] == 'u' && (e[2] == 'd' || e[2] == 'D') && hex(e[3]);
}

// A SAX pass that only checks keys; the value itself is built by json::parse.
class KeyChecker {
 public:
  constexpr static std::size_t max_object_size = std::size_t(-1);
  constexpr static std::size_t max_array_size = std::size_t(-1);
  constexpr static std::size_t max_key_size = std::size_t(-1);
  constexpr static std::size_t max_string_size = std::size_t(-1);

  DuplicateKeys keys;
  std::size_t offset = 0;  // of the chunk being parsed (one chunk: 0)
  std::string key;
  std::size_t last_key_size = 0;

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) { keys.OpenObject(); return true; }
  bool on_object_end(std::size_t, json::error_code&) { keys.Close(); return true; }
  bool on_array_begin(json::error_code&) { keys.OpenArray(); return true; }
  bool on_array_end(std::size_t, json::error_code&) { keys.Close(); return true; }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    key.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
    key.append(s.data(), s.size());
    const bool fresh = keys.Key(key, 0);
    last_key_size = key.size();
    key.clear();
    if (!fresh) ec = json::error::syntax;  // stops the parse; the message is in `keys`
    return fresh;
  }
  bool on_string_part(json::string_view, std::size_t, json::error_code&) { return true; }
  bool on_string(json::string_view, std::size_t, json::error_code&) { return true; }
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(std::int64_t, json::string_view, json::error_code&) { return true; }
  bool on_uint64(std::uint64_t, json::string_view, json::error_code&) { return true; }
  bool on_double(double, json::string_view, json::error_code&) { return true; }
  bool on_bool(bool, json::error_code&) { return true; }
  bool on_null(json::error_code&) { return true; }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }
};

}  // namespace

void DuplicateKeys::OpenObject() {
  if (!levels_.empty() && !levels_.back().object) ++levels_.back().index;
  levels_.push_back(Level{true, 0, {}, {}});
}

void DuplicateKeys::OpenArray() {
  if (!levels_.empty() && !levels_.back().object) ++levels_.back().index;
  levels_.push_back(Level{false, 0, {}, {}});
}

void DuplicateKeys::Close() {
  if (!levels_.empty()) levels_.pop_back();
}

bool DuplicateKeys::Key(std::string_view key, std::size_t offset) {
  if (levels_.empty() || !levels_.back().object) return true;
  Level& level = levels_.back();
  // Linear for small objects (records have a few dozen keys); sorted beyond.
  if (std::find(level.keys.begin(), level.keys.end(), key) != level.keys.end()) {
    message_ = StrCat("duplicate key \"", key, "\" in ", Path());
    if (offset > 0) message_ += StrCat(" at byte ", offset);
    return false;
  }
  level.keys.emplace_back(key);
  level.key = std::string(key);
  return true;
}

std::string DuplicateKeys::Path() const {
  std::string path = "the document";
  bool first = true;
  for (std::size_t i = 0; i + 1 < levels_.size(); ++i) {
    const Level& l = levels_[i];
    if (l.object) {
      path = first ? l.key : StrCat(path, ".", l.key);
    } else {
      path = StrCat(first ? "" : path, "[", l.index - 1, "]");
    }
    first = false;
  }
  return path;
}

std::string DescribeJsonError(std::string_view text, std::size_t offset,
                              const json::error_code& ec, std::size_t base) {
  const std::string_view at = text.substr(std::min(offset, text.size()));
  std::string why;
  if (base + offset == 0 && StartsWith(text, "\xEF\xBB\xBF")) {
    why = "the file starts with a UTF-8 byte order mark (BOM); save it without one";
  } else if (StartsWith(at, "//") || StartsWith(at, "/*")) {
    why = "comments are not allowed in JSON";
  } else if (StartsWith(at, "NaN") || StartsWith(at, "Infinity") || StartsWith(at, "-Infinity")) {
    why = "NaN and Infinity are not JSON numbers";
  } else if (ec == json::error::incomplete) {
    why = "unexpected end of input";
  } else if (AfterSurrogateEscape(text, offset) || ec == json::error::illegal_leading_surrogate ||
             ec == json::error::illegal_trailing_surrogate ||
             ec == json::error::expected_utf16_escape) {
    why = "a lone UTF-16 surrogate escape (\\ud800-\\udfff) is not a character";
  } else if (!at.empty() && static_cast<unsigned char>(at[0]) >= 0x80) {
    why = "invalid UTF-8";
  } else if (!at.empty() && (at[0] == '}' || at[0] == ']')) {
    why = "a trailing comma, or a value missing before it";
  } else {
    why = ec.message();
  }
  return StrCat("malformed JSON at byte ", base + offset, ": ", why);
}

absl::StatusOr<json::value> ParseJson(std::string_view text) {
  json::basic_parser<KeyChecker> checker{json::parse_options{}};
  json::error_code ec;
  const std::size_t used = checker.write_some(false, text.data(), text.size(), ec);
  if (ec) {
    if (!checker.handler().keys.message().empty()) {
      // The parser stops on the key's closing quote; report where the key starts.
      const std::size_t start = used - std::min(used, checker.handler().last_key_size + 1);
      return absl::InvalidArgumentError(
          StrCat(checker.handler().keys.message(), " at byte ", start));
    }
    return absl::InvalidArgumentError(DescribeJsonError(text, used, ec));
  }
  json::value v = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec) return absl::InvalidArgumentError(DescribeJsonError(text, 0, ec));  // not reached
  return v;
}

absl::Status ForEachJsonLine(std::string_view text,
                             const std::function<absl::Status(std::string_view, std::size_t)>& each) {
  std::size_t pos = 0, number = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    ++number;
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (absl::Status s = each(line, number); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace renewal::internal
