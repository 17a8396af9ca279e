#include "renewal/base/ids.h"

#include "absl/strings/str_format.h"

namespace renewal {

absl::Status CheckId(std::string_view id) {
  if (id.empty()) return absl::InvalidArgumentError("id: must not be empty");
  if (id.size() > kMaxIdBytes) {
    return absl::InvalidArgumentError(
        absl::StrFormat("id: %d bytes, longer than the %d allowed", id.size(), kMaxIdBytes));
  }
  for (std::size_t i = 0; i < id.size(); ++i) {
    const auto c = static_cast<unsigned char>(id[i]);
    if (c < 0x20 || c == 0x7F) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "id: must not contain control characters (byte 0x%02X at offset %d)", c, i));
    }
  }
  return absl::OkStatus();
}

}  // namespace renewal
