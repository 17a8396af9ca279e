// The one way the project reads an input file, whole (ReadFileToString) or in chunks
// (InputFile, for a several-GB registry), and writes an output file (WriteFileAtomically).
// gzip: input whose first bytes are the gzip magic is decompressed as it is read (a
// name ending in ".gz" must be gzip); output to a name ending in ".gz" is compressed.
// Every error starts with the path (standard input: "-") and says why, in one form:
//   "<path>: cannot open file: no such file or directory"      NotFound
//   "<path>: cannot open file: permission denied"              PermissionDenied
//   "<path>: is a directory, not a file"                       InvalidArgument
//   "<path>: named .gz but not gzip-compressed"                InvalidArgument
//   "<path>: corrupt gzip data: <zlib's reason>"               InvalidArgument
//   "<path>: gzip data ends early (truncated file)"            InvalidArgument
//   "<path>: read error: <reason>"                             DataLoss
//   "<path>: cannot write: <reason>"                           NotFound (no such folder),
//                                                              PermissionDenied, Unavailable
#ifndef RENEWAL_BASE_FILE_H_
#define RENEWAL_BASE_FILE_H_

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace renewal::internal {

/// An input open for reading in chunks: a file, or standard input. gzip data is
/// recognised by its first two bytes and decompressed (zlib; several gzip members
/// in a row, as `cat a.gz b.gz` makes, are read one after the other).
class InputFile {
 public:
  static absl::StatusOr<InputFile> Open(const std::string& path);
  /// Standard input, named "-" in messages. Not closed when done.
  static absl::StatusOr<InputFile> Stdin();

  InputFile(InputFile&&) noexcept;
  InputFile& operator=(InputFile&&) noexcept;
  ~InputFile();

  /// Reads up to `size` (> 0) bytes of content into `data`; 0 at the end.
  absl::StatusOr<std::size_t> Read(char* data, std::size_t size);
  const std::string& path() const;

 private:
  struct Impl;
  explicit InputFile(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// The whole content at `path` (errors as above).
absl::StatusOr<std::string> ReadFileToString(const std::string& path);
/// The whole of what is left in `file`.
absl::StatusOr<std::string> ReadAll(InputFile& file);

/// Writes the file at `path` through `write`, into a temporary file beside it that is
/// renamed onto `path` only when `write` returned OK and every byte reached the disk:
/// a failing command leaves `path` as it was (and no temporary file). A name ending
/// in ".gz" is written gzip-compressed. `write`'s error is returned as it is.
absl::Status WriteFileAtomically(const std::string& path,
                                 absl::FunctionRef<absl::Status(std::ostream&)> write);

/// Whether `path` names a gzip file (ends in ".gz").
bool IsGzipName(std::string_view path);
/// `path` without a final ".gz" ("menu.pb.gz" → "menu.pb"), to look at the real suffix.
std::string_view WithoutGzipSuffix(std::string_view path);

/// `status` with `prefix` and `separator` put before its message, the code and the
/// payloads (status_path.h) kept; OK stays OK. Prefixed(s, "options file", " ") reads "options file x.json: ...".
absl::Status Prefixed(const absl::Status& status, std::string_view prefix,
                      std::string_view separator = ": ");

}  // namespace renewal::internal

#endif  // RENEWAL_BASE_FILE_H_
