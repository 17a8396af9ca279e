#include "renewal/base/file.h"

#include <sys/stat.h>

#include <cctype>
#include <cerrno>
#include <cstring>

#include "renewal/base/strcat.h"

namespace renewal::internal {
namespace {

absl::Status OpenError(const std::string& path, int err) {
  std::string why = std::strerror(err);
  if (!why.empty()) why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
  const std::string message = StrCat(path, ": cannot open file: ", why);
  if (err == ENOENT || err == ENOTDIR) return absl::NotFoundError(message);
  if (err == EACCES || err == EPERM) return absl::PermissionDeniedError(message);
  return absl::UnavailableError(message);
}

bool IsGzip(const char* data, std::size_t size) {
  return size >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

}  // namespace

absl::StatusOr<InputFile> InputFile::Open(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return OpenError(path, errno);
  InputFile file(path, f);
  struct stat st {};
  if (::fstat(::fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    return absl::InvalidArgumentError(StrCat(path, ": is a directory, not a file"));
  }
  return file;
}

absl::StatusOr<std::size_t> InputFile::Read(char* data, std::size_t size) {
  const std::size_t n = std::fread(data, 1, size, file_.get());
  if (std::ferror(file_.get())) {
    return absl::DataLossError(StrCat(path_, ": read error: ", std::strerror(errno)));
  }
  if (first_) {
    first_ = false;
    if (IsGzip(data, n)) {
      return absl::InvalidArgumentError(
          StrCat(path_, ": gzip-compressed; decompress it first (gunzip)"));
    }
  }
  return n;
}

absl::StatusOr<std::string> ReadFileToString(const std::string& path) {
  absl::StatusOr<InputFile> file = InputFile::Open(path);
  if (!file.ok()) return file.status();
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    absl::StatusOr<std::size_t> n = file->Read(buffer, sizeof buffer);
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    text.append(buffer, *n);
  }
  return text;
}

absl::Status Prefixed(const absl::Status& status, std::string_view prefix,
                      std::string_view separator) {
  if (status.ok()) return status;
  return absl::Status(status.code(), StrCat(prefix, separator, ToStd(status.message())));
}

}  // namespace renewal::internal
