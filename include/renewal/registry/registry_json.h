// The registry's JSON interchange format (docs/registry-format.md,
// docs/schemas/registry.schema.json).
//
// Reading streams: the document is parsed event by event and only one estate (or
// owner) at a time is staged before it is checked, so a several-GB national file
// needs about the memory of the final Registry. Loading is all-or-nothing.
#ifndef RENEWAL_REGISTRY_JSON_H_
#define RENEWAL_REGISTRY_JSON_H_

#include <ostream>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/registry/registry.h"

namespace renewal {

struct LoadOptions {
  // Upper bound for build years; 0 means the current calendar year.
  int current_year = 0;
};

absl::StatusOr<Registry> LoadRegistryJson(std::string_view json, const LoadOptions& options = {});
/// Streams the file in; gzip-compressed data (city.json.gz) is decompressed as it is read.
absl::StatusOr<Registry> LoadRegistryFile(const std::string& path,
                                          const LoadOptions& options = {});
// Replaces `*registry` only when the whole file loaded; on error it is untouched.
absl::Status LoadRegistryFileInto(const std::string& path, Registry* registry,
                                  const LoadOptions& options = {});

// Writes the canonical form: keys in schema order, areas with two decimals.
void WriteRegistryJson(const Registry& registry, std::ostream& out);
std::string DumpRegistryJson(const Registry& registry);
/// Writes the canonical form to a temporary file renamed onto `path` when complete
/// (a failed save leaves `path` as it was); a name ending in ".gz" is gzip-compressed.
absl::Status SaveRegistryFile(const Registry& registry, const std::string& path);

}  // namespace renewal

#endif  // RENEWAL_REGISTRY_JSON_H_
