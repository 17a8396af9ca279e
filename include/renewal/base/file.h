// The one way the project reads an input file: whole (ReadFileToString) or in chunks
// (InputFile, for a several-GB registry). Every error starts with the path and says
// why, in one form:
//   "<path>: cannot open file: no such file or directory"      NotFound
//   "<path>: cannot open file: permission denied"              PermissionDenied
//   "<path>: is a directory, not a file"                       InvalidArgument
//   "<path>: gzip-compressed; decompress it first (gunzip)"    InvalidArgument
//   "<path>: read error: <reason>"                             DataLoss
#ifndef RENEWAL_BASE_FILE_H_
#define RENEWAL_BASE_FILE_H_

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace renewal::internal {

/// A file open for reading in chunks. The gzip check looks at the first chunk.
class InputFile {
 public:
  static absl::StatusOr<InputFile> Open(const std::string& path);

  /// Reads up to `size` bytes into `data`; 0 at the end of the file.
  absl::StatusOr<std::size_t> Read(char* data, std::size_t size);
  const std::string& path() const { return path_; }

 private:
  InputFile(std::string path, std::FILE* file) : path_(std::move(path)), file_(file, &std::fclose) {}
  std::string path_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
  bool first_ = true;
};

/// The whole file at `path` (errors as above).
absl::StatusOr<std::string> ReadFileToString(const std::string& path);

/// `status` with `prefix` and `separator` put before its message, the code kept;
/// OK stays OK. Prefixed(s, "options file", " ") reads "options file x.json: ...".
absl::Status Prefixed(const absl::Status& status, std::string_view prefix,
                      std::string_view separator = ": ");

}  // namespace renewal::internal

#endif  // RENEWAL_BASE_FILE_H_
