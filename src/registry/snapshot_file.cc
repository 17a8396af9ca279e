// Snapshot files: memory-mapped for loading (the columns are copied once, from the
// page cache into the registry), and told apart from JSON by their first bytes.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <utility>

#include "renewal/base/file.h"
#include "renewal/base/strcat.h"
#include "renewal/registry/snapshot.h"

namespace renewal {
namespace {

// A read-only mapping of a whole file, unmapped and closed on destruction.
class MappedFile {
 public:
  // Errors: the standard ones of internal::InputFile (file.h) for a file that
  // cannot be opened; DataLoss when it cannot be mapped.
  static absl::StatusOr<MappedFile> Open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      if (fd >= 0) ::close(fd);
      // One wording for unreadable files: InputFile's (not found, a directory, ...).
      absl::StatusOr<internal::InputFile> f = internal::InputFile::Open(path);
      if (!f.ok()) return f.status();
      return absl::InvalidArgumentError(StrCat(path, ": not a regular file"));
    }
    MappedFile m;
    m.fd_ = fd;
    m.size_ = static_cast<std::size_t>(st.st_size);
    if (m.size_ > 0) {
      void* p = ::mmap(nullptr, m.size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (p == MAP_FAILED) return absl::DataLossError(StrCat(path, ": cannot map the file"));
      m.data_ = static_cast<const char*>(p);
      ::madvise(p, m.size_, MADV_SEQUENTIAL | MADV_WILLNEED);
    }
    return m;
  }
  MappedFile(MappedFile&& o) noexcept
      : fd_(std::exchange(o.fd_, -1)), data_(std::exchange(o.data_, nullptr)), size_(o.size_) {}
  MappedFile& operator=(MappedFile&&) = delete;
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
    if (fd_ >= 0) ::close(fd_);
  }
  std::string_view bytes() const { return {data_ == nullptr ? "" : data_, size_}; }

 private:
  MappedFile() = default;
  int fd_ = -1;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace

absl::StatusOr<Registry> LoadRegistrySnapshotFile(const std::string& path,
                                                  const LoadOptions& options) {
  absl::StatusOr<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  absl::StatusOr<Registry> r = LoadRegistrySnapshot(file->bytes(), options);
  if (!r.ok()) return internal::Prefixed(r.status(), path);
  return r;
}

absl::StatusOr<Registry> LoadRegistryAnyFile(const std::string& path, const LoadOptions& options) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    // A pipe (`<(gunzip -c city.json.gz)`) cannot be mapped nor peeked at: read whole.
    absl::StatusOr<std::string> bytes = internal::ReadFileToString(path);
    if (!bytes.ok()) return bytes.status();
    absl::StatusOr<Registry> r = LoadRegistryAny(*bytes, options);
    if (!r.ok()) return internal::Prefixed(r.status(), path);
    return r;
  }
  absl::StatusOr<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  if (!IsRegistrySnapshot(file->bytes())) return LoadRegistryFile(path, options);
  absl::StatusOr<Registry> r = LoadRegistrySnapshot(file->bytes(), options);
  if (!r.ok()) return internal::Prefixed(r.status(), path);
  return r;
}

}  // namespace renewal
