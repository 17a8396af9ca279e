// The registry snapshot (docs/snapshot.md): a versioned, little-endian columnar
// binary file of a whole Registry, written and read column by column in bulk. It
// loads about as fast as the disk delivers it, where the JSON format has to be
// parsed; it is an exchange between runs of this library, not a format to edit.
//
// Loading checks every section's length and CRC-32 and then every value the JSON
// reader checks (IDs well formed and unique, references in range, facts within
// their bounds), so a corrupt or crafted file is an error naming the section,
// never a crash nor a registry the builder would have refused.
#ifndef RENEWAL_REGISTRY_SNAPSHOT_H_
#define RENEWAL_REGISTRY_SNAPSHOT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/registry/registry.h"
#include "renewal/registry/registry_json.h"

namespace renewal {

/// The snapshot format version this build writes and the only one it reads.
inline constexpr std::uint32_t kSnapshotVersion = 1;

/// Conventional file suffix (detection is by content: IsRegistrySnapshot).
inline constexpr std::string_view kSnapshotSuffix = ".rsnap";

/// True when `head` (the first bytes of a file, at least 8 to be sure) starts with
/// the snapshot's magic number. JSON text never does.
bool IsRegistrySnapshot(std::string_view head);

/// The registry as snapshot bytes (what SaveRegistrySnapshot writes).
std::string DumpRegistrySnapshot(const Registry& registry);

/// Writes the snapshot to `path`: to a temporary file beside it, then renamed, so a
/// failed save leaves no file (and an existing one unchanged).
absl::Status SaveRegistrySnapshot(const Registry& registry, const std::string& path);

/// Loads snapshot bytes. Errors: InvalidArgument (not a snapshot, another version,
/// a section out of place or of the wrong shape, a value the builder refuses,
/// naming the section and row), DataLoss (truncated, a checksum mismatch, naming
/// the section), AlreadyExists (a duplicate ID), ResourceExhausted.
absl::StatusOr<Registry> LoadRegistrySnapshot(std::string_view bytes,
                                              const LoadOptions& options = {});

/// Loads a snapshot file (memory-mapped); errors start with the path.
absl::StatusOr<Registry> LoadRegistrySnapshotFile(const std::string& path,
                                                  const LoadOptions& options = {});

/// Loads a registry file in either format, told apart by the first bytes (a
/// snapshot's magic number, else JSON), whatever the file's name.
absl::StatusOr<Registry> LoadRegistryAnyFile(const std::string& path,
                                             const LoadOptions& options = {});

/// The same for text already in memory (stdin, a pickle): snapshot or JSON.
absl::StatusOr<Registry> LoadRegistryAny(std::string_view bytes, const LoadOptions& options = {});

}  // namespace renewal

#endif  // RENEWAL_REGISTRY_SNAPSHOT_H_
