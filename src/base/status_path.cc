#include "renewal/base/status_path.h"

#include "absl/strings/cord.h"
#include "renewal/base/strcat.h"

namespace renewal {

std::optional<std::string> RecordPathOf(const absl::Status& status) {
  auto p = status.GetPayload(kRecordPathPayload);  // absl::optional in Debian's Abseil
  if (!p) return std::nullopt;
  return std::string(*p);
}

absl::Status WithRecordPath(absl::Status status, std::string_view path) {
  if (status.ok() || path.empty()) return status;
  status.SetPayload(kRecordPathPayload, absl::Cord(ToAbsl(path)));
  return status;
}

std::string RecordPathFromDescription(std::string_view described) {
  std::string out;
  std::size_t i = 0;
  while (i < described.size()) {
    while (i < described.size() && described[i] == ' ') ++i;
    if (i == described.size()) break;
    if (described[i] == '"') {  // a quoted id, with \" escapes inside: skipped
      ++i;
      while (i < described.size() && described[i] != '"') i += described[i] == '\\' ? 2 : 1;
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < described.size() && described[i] != ' ') ++i;
    if (!out.empty()) out += '.';
    out.append(described.substr(start, i - start));
  }
  return out;
}

absl::Status InRecord(const absl::Status& status, std::string_view described) {
  if (status.ok()) return status;
  absl::Status out(status.code(), StrCat(described, " ", ToStd(status.message())));
  status.ForEachPayload([&](absl::string_view url, const absl::Cord& payload) {
    out.SetPayload(url, payload);
  });
  const std::string record = RecordPathFromDescription(described);
  const std::optional<std::string> inner = RecordPathOf(status);
  return WithRecordPath(std::move(out), inner ? StrCat(record, ".", *inner) : record);
}

}  // namespace renewal
