// The binary payloads of a progress journal: a header record naming the guard
// policy, then one record per event. Private to the progress area.
#ifndef RENEWAL_SRC_PROGRESS_CODEC_H_
#define RENEWAL_SRC_PROGRESS_CODEC_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "renewal/base/journal.h"
#include "renewal/progress/progress.h"
#include "renewal/progress/progress_store.h"

namespace renewal::internal {

inline constexpr JournalKind kProgressJournal{{'P', 'R', 'O', 'G'}, "progress"};
inline constexpr std::uint32_t kProgressPayloadVersion = 1;

std::string EncodeProgressHeader(std::string_view policy);
/// The policy name, or DataLoss / FailedPrecondition (another payload version).
absl::StatusOr<std::string> DecodeProgressHeader(std::string_view payload);

void EncodeEvent(const Event& e, std::string* out);
/// Another area's record: a first byte no event kind uses, the tag, the JSON text.
void EncodeExtension(const ExtensionRecord& x, std::string* out);
/// Whether a payload is an extension record (its first byte).
bool IsExtensionPayload(std::string_view payload);
/// DataLoss "malformed extension record" when the bytes are not one.
absl::Status DecodeExtension(std::string_view payload, ExtensionRecord* x);
/// DataLoss "malformed event record" when the bytes are not an event.
absl::Status DecodeEvent(std::string_view payload, Event* e);

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_PROGRESS_CODEC_H_
