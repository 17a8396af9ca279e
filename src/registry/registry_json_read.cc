// Streaming reader of the registry JSON format. The document is fed to Boost.JSON's
// basic_parser; the top level is walked by hand and each element of the record
// arrays (one district, street, owner or estate) is assembled as a json::value,
// converted into RegistryBuilder calls and dropped. Peak memory is the registry
// being built plus one estate.
#include <array>
#include <cstdio>
#include <memory>
#include <vector>

#include "boost/json/basic_parser_impl.hpp"
#include "registry_json_records.h"
#include "renewal/base/json_fields.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/status_macros.h"
#include "renewal/registry/registry_json.h"
#include "renewal/base/file.h"

namespace renewal {
namespace {

using internal::Fields;
using internal::ToStd;
namespace json = boost::json;
using registry_json_internal::RecordReader;

constexpr std::string_view kFormat = "renewal.registry";
constexpr std::int64_t kVersion = 1;

// --- the streaming top level ------------------------------------------------

enum class Section { kNone, kDistricts, kStreets, kOwners, kEstates };

// basic_parser handler: walks the top-level object and hands each record of the
// four arrays to RecordReader as a json::value built with value_stack.
class Handler {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  explicit Handler(int current_year) : reader_(current_year) {}

  absl::Status status;  // first error found by the handler itself
  bool saw_format = false;
  bool saw_estates = false;
  RecordReader& reader() { return reader_; }

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }

  bool on_object_begin(json::error_code& ec) {
    keys_.OpenObject();
    if (capturing()) {
      ++depth_;
      return true;
    }
    if (depth_ == 0) {  // the document
      depth_ = 1;
      return true;
    }
    if (depth_ == 2 && section_ != Section::kNone) {  // a record: capture it
      stack_.reset();
      depth_ = 3;
      return true;
    }
    return Fail(ec, absl::InvalidArgumentError(StrCat(key_, ": expected ", Expected())));
  }
  bool on_object_end(std::size_t n, json::error_code& ec) {
    keys_.Close();
    if (depth_ >= 3) {
      stack_.push_object(n);
      if (--depth_ == 2) return Dispatch(ec);
      return true;
    }
    depth_ = 0;  // end of document
    return true;
  }
  bool on_array_begin(json::error_code& ec) {
    keys_.OpenArray();
    if (capturing()) {
      ++depth_;
      return true;
    }
    if (depth_ == 1) {
      if (key_ == "districts") section_ = Section::kDistricts;
      else if (key_ == "streets") section_ = Section::kStreets;
      else if (key_ == "owners") section_ = Section::kOwners;
      else if (key_ == "estates") section_ = Section::kEstates, saw_estates = true;
      else return Fail(ec, absl::InvalidArgumentError(StrCat(key_, ": ", Unexpected())));
      depth_ = 2;
      record_ = 0;
      return true;
    }
    return Fail(ec, absl::InvalidArgumentError(StrCat(Where(), ": expected ", Expected(),
                                                      ", got an array")));
  }
  bool on_array_end(std::size_t n, json::error_code&) {
    keys_.Close();
    if (capturing()) {
      stack_.push_array(n);
      --depth_;
      return true;
    }
    section_ = Section::kNone;
    depth_ = 1;
    key_.clear();
    return true;
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    full_key_.append(s.data(), s.size());
    if (capturing()) stack_.push_chars(s);
    else key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
    full_key_.append(s.data(), s.size());
    const bool fresh = keys_.Key(full_key_, 0);
    full_key_.clear();
    if (!fresh) return Fail(ec, absl::InvalidArgumentError(keys_.message()));
    if (capturing()) {
      stack_.push_key(s);
      return true;
    }
    key_.append(s.data(), s.size());
    if (depth_ == 1) {
      if (key_ != "format" && key_ != "version" && key_ != "name" && key_ != "crs" &&
          key_ != "districts" &&
          key_ != "streets" && key_ != "owners" && key_ != "estates") {
        return Fail(ec, absl::InvalidArgumentError(StrCat(key_, ": unknown field")));
      }
    }
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    if (capturing()) stack_.push_chars(s);
    else scalar_.append(s.data(), s.size());
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code& ec) {
    if (capturing()) {
      stack_.push_string(s);
      return true;
    }
    scalar_.append(s.data(), s.size());
    bool ok = true;
    if (depth_ == 1 && key_ == "format") {
      saw_format = true;
      if (scalar_ != kFormat) {
        ok = Fail(ec, absl::InvalidArgumentError(
                          StrCat("format: expected \"", kFormat, "\", got \"", scalar_, "\"")));
      }
    } else if (depth_ == 1 && key_ == "name") {
      // The city's name: informational.
    } else if (depth_ == 1 && key_ == "crs") {
      if (absl::Status st = reader_.CoordinateSystem(scalar_); !st.ok()) ok = Fail(ec, st);
    } else {
      ok = Fail(ec, absl::InvalidArgumentError(StrCat(Where(), ": expected ", Expected(),
                                                      ", got a string")));
    }
    scalar_.clear();
    key_.clear();
    return ok;
  }
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(std::int64_t v, json::string_view, json::error_code& ec) {
    if (capturing()) {
      stack_.push_int64(v);
      return true;
    }
    return TopScalar(ec, StrCat(v), v == kVersion);
  }
  bool on_uint64(std::uint64_t v, json::string_view, json::error_code& ec) {
    if (capturing()) {
      stack_.push_uint64(v);
      return true;
    }
    return TopScalar(ec, StrCat(v), false);
  }
  bool on_double(double v, json::string_view, json::error_code& ec) {
    if (capturing()) {
      stack_.push_double(v);
      return true;
    }
    return TopScalar(ec, StrCat(v), false);
  }
  bool on_bool(bool v, json::error_code& ec) {
    if (capturing()) {
      stack_.push_bool(v);
      return true;
    }
    return TopScalar(ec, v ? "true" : "false", false);
  }
  bool on_null(json::error_code& ec) {
    if (capturing()) {
      stack_.push_null();
      return true;
    }
    return TopScalar(ec, "null", false);
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  bool capturing() const { return depth_ >= 3; }

  std::string_view SectionName() const {
    switch (section_) {
      case Section::kDistricts: return "districts";
      case Section::kStreets: return "streets";
      case Section::kOwners: return "owners";
      case Section::kEstates: return "estates";
      case Section::kNone: break;
    }
    return "";
  }
  std::string Where() const {
    if (depth_ == 2) return StrCat(SectionName(), "[", record_, "]");
    return key_.empty() ? std::string("document") : key_;
  }
  std::string Expected() const {
    if (depth_ == 0 || depth_ == 2) return "an object";
    if (key_ == "version") return StrCat("the number ", kVersion);
    if (key_ == "format") return StrCat("\"", kFormat, "\"");
    if (key_ == "name") return "a string";
    if (key_ == "crs") return "a coordinate system (GCJ-02, WGS-84 or CGCS2000)";
    return "an array";
  }
  std::string Unexpected() const { return StrCat("expected ", Expected(), ", got an array"); }

  bool TopScalar(json::error_code& ec, std::string_view text, bool is_version) {
    if (depth_ == 1 && key_ == "version") {
      key_.clear();
      if (is_version) return true;
      return Fail(ec, absl::InvalidArgumentError(
                          StrCat("version: unsupported version ", text, " (this reader knows ",
                                 kVersion, ")")));
    }
    const std::string where = Where();
    const std::string expected = Expected();
    key_.clear();
    return Fail(ec, absl::InvalidArgumentError(
                        StrCat(where, ": expected ", expected, ", got ", text)));
  }

  bool Dispatch(json::error_code& ec) {
    json::value v = stack_.release();
    const json::object& o = v.get_object();
    absl::Status st;
    switch (section_) {
      case Section::kDistricts: st = reader_.District(o, record_); break;
      case Section::kStreets: st = reader_.Street(o, record_); break;
      case Section::kOwners: st = reader_.Owner(o, record_); break;
      case Section::kEstates: st = reader_.Estate(o, record_); break;
      case Section::kNone: break;
    }
    ++record_;
    if (!st.ok()) return Fail(ec, st);
    return true;
  }

  bool Fail(json::error_code& ec, absl::Status st) {
    status = std::move(st);
    ec = json::error::exception;  // stops the parser; `status` says why
    return false;
  }

  RecordReader reader_;
  internal::DuplicateKeys keys_;  // a repeated key is an error, not "the last one wins"
  std::string full_key_;
  json::value_stack stack_;
  std::string key_;     // current top-level key
  std::string scalar_;  // current top-level string
  int depth_ = 0;       // 1: top object, 2: inside a record array, >=3: inside a record
  Section section_ = Section::kNone;
  std::size_t record_ = 0;
};

class StreamingLoader {
 public:
  explicit StreamingLoader(const LoadOptions& options)
      : parser_(ParseOptions(), options.current_year != 0 ? options.current_year : CurrentYear()) {}

  // Feeds the next chunk; `last` marks the end of input.
  absl::Status Write(const char* data, std::size_t size, bool last) {
    json::error_code ec;
    std::size_t used = 0;
    while (true) {
      used = parser_.write_some(!last, data, size, ec);
      offset_ += used;
      if (ec || used == size) break;
      data += used;
      size -= used;
    }
    if (!ec) return absl::OkStatus();
    Handler& h = parser_.handler();
    RENEWAL_RETURN_IF_ERROR(h.status);
    return absl::InvalidArgumentError(internal::DescribeJsonError(
        std::string_view(data, size), used, ec, offset_ - used));
  }

  absl::StatusOr<Registry> Finish() && {
    Handler& h = parser_.handler();
    if (!h.saw_format) return absl::InvalidArgumentError("format: required field is missing");
    if (!h.saw_estates) return absl::InvalidArgumentError("estates: required field is missing");
    return std::move(h.reader()).Finish();
  }

 private:
  static json::parse_options ParseOptions() {
    json::parse_options o;
    o.max_depth = 64;
    return o;
  }
  json::basic_parser<Handler> parser_;
  std::size_t offset_ = 0;
};

}  // namespace

absl::StatusOr<Registry> LoadRegistryJson(std::string_view text, const LoadOptions& options) {
  StreamingLoader loader(options);
  RENEWAL_RETURN_IF_ERROR(loader.Write(text.data(), text.size(), true));
  return std::move(loader).Finish();
}

absl::StatusOr<Registry> LoadRegistryFile(const std::string& path, const LoadOptions& options) {
  absl::StatusOr<internal::InputFile> file = internal::InputFile::Open(path);
  if (!file.ok()) return file.status();
  StreamingLoader loader(options);
  std::vector<char> buffer(1 << 20);
  while (true) {
    absl::StatusOr<std::size_t> read = file->Read(buffer.data(), buffer.size());
    if (!read.ok()) return read.status();
    const std::size_t n = *read;
    const bool last = n == 0;
    if (auto st = loader.Write(buffer.data(), n, last); !st.ok()) {
      return absl::Status(st.code(), StrCat(path, ": ", st.message()));
    }
    if (last) break;
  }
  absl::StatusOr<Registry> r = std::move(loader).Finish();
  if (!r.ok()) return absl::Status(r.status().code(), StrCat(path, ": ", r.status().message()));
  return r;
}

absl::Status LoadRegistryFileInto(const std::string& path, Registry* registry,
                                  const LoadOptions& options) {
  RENEWAL_ASSIGN_OR_RETURN(Registry loaded, LoadRegistryFile(path, options));
  *registry = std::move(loaded);
  return absl::OkStatus();
}

}  // namespace renewal
