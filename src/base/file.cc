#include "renewal/base/file.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <streambuf>
#include <utility>
#include <vector>

#include "absl/strings/cord.h"
#include "renewal/base/strcat.h"

namespace renewal::internal {
namespace {

constexpr std::size_t kChunk = 1 << 16;

std::string Lowered(const char* why) {
  std::string s = why;
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

absl::Status OpenError(const std::string& path, int err) {
  const std::string message = StrCat(path, ": cannot open file: ", Lowered(std::strerror(err)));
  if (err == ENOENT || err == ENOTDIR) return absl::NotFoundError(message);
  if (err == EACCES || err == EPERM) return absl::PermissionDeniedError(message);
  return absl::UnavailableError(message);
}

bool IsGzipMagic(const char* data, std::size_t size) {
  return size >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

}  // namespace

bool IsGzipName(std::string_view path) { return path.size() > 3 && path.ends_with(".gz"); }

std::string_view WithoutGzipSuffix(std::string_view path) {
  return IsGzipName(path) ? path.substr(0, path.size() - 3) : path;
}

// The raw bytes come from `file` into `in`; when they are gzip, `z` inflates them.
struct InputFile::Impl {
  std::string path;
  std::FILE* file = nullptr;
  bool owned = true;
  bool started = false;  // the first bytes have been looked at
  bool gzip = false;
  bool eof = false;      // `file` has no more bytes
  bool member_ended = true;  // between gzip members (or before the first)
  std::vector<char> in;  // raw bytes not yet consumed: in[pos, in.size())
  std::size_t pos = 0;
  z_stream z{};
  bool z_ready = false;

  ~Impl() {
    if (z_ready) inflateEnd(&z);
    if (file != nullptr && owned) std::fclose(file);
  }

  absl::Status Fill() {  // more raw bytes into `in` (none at the end)
    if (pos == in.size()) {
      in.clear();
      pos = 0;
    }
    const std::size_t have = in.size();
    in.resize(have + kChunk);
    const std::size_t n = std::fread(in.data() + have, 1, kChunk, file);
    in.resize(have + n);
    if (std::ferror(file)) {
      return absl::DataLossError(StrCat(path, ": read error: ", Lowered(std::strerror(errno))));
    }
    if (n == 0) eof = true;
    return absl::OkStatus();
  }

  absl::StatusOr<std::size_t> ReadPlain(char* data, std::size_t size) {
    if (pos < in.size()) {
      const std::size_t n = std::min(size, in.size() - pos);
      std::memcpy(data, in.data() + pos, n);
      pos += n;
      return n;
    }
    const std::size_t n = std::fread(data, 1, size, file);
    if (std::ferror(file)) {
      return absl::DataLossError(StrCat(path, ": read error: ", Lowered(std::strerror(errno))));
    }
    return n;
  }

  absl::StatusOr<std::size_t> ReadGzip(char* data, std::size_t size) {
    std::size_t produced = 0;
    while (produced == 0) {
      if (pos == in.size() && !eof) {
        if (absl::Status s = Fill(); !s.ok()) return s;
      }
      if (member_ended) {
        if (pos == in.size()) return std::size_t{0};  // the end, between members
        if (!z_ready) {
          if (inflateInit2(&z, 15 + 16) != Z_OK) {
            return absl::ResourceExhaustedError(StrCat(path, ": cannot start zlib"));
          }
          z_ready = true;
        } else {
          inflateReset(&z);
        }
        member_ended = false;
      }
      if (pos == in.size() && eof) {
        return absl::InvalidArgumentError(StrCat(path, ": gzip data ends early (truncated file)"));
      }
      z.next_in = reinterpret_cast<Bytef*>(in.data() + pos);
      z.avail_in = static_cast<uInt>(in.size() - pos);
      z.next_out = reinterpret_cast<Bytef*>(data + produced);
      z.avail_out = static_cast<uInt>(size - produced);
      const int rc = inflate(&z, Z_NO_FLUSH);
      pos = in.size() - z.avail_in;
      produced = size - z.avail_out;
      if (rc == Z_STREAM_END) {
        member_ended = true;  // another member may follow; garbage fails its header check
      } else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_STREAM_ERROR) {
        return absl::InvalidArgumentError(StrCat(path, ": corrupt gzip data: ",
                                                 z.msg != nullptr ? z.msg : "bad stream"));
      } else if (rc == Z_MEM_ERROR) {
        return absl::ResourceExhaustedError(StrCat(path, ": out of memory decompressing"));
      }
    }
    return produced;
  }

  absl::StatusOr<std::size_t> Read(char* data, std::size_t size) {
    if (!started) {
      started = true;
      while (in.size() < 2 && !eof) {
        if (absl::Status s = Fill(); !s.ok()) return s;
      }
      gzip = IsGzipMagic(in.data(), in.size());
      if (!gzip && IsGzipName(path) && !in.empty()) {
        return absl::InvalidArgumentError(StrCat(path, ": named .gz but not gzip-compressed"));
      }
    }
    return gzip ? ReadGzip(data, size) : ReadPlain(data, size);
  }
};

InputFile::InputFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
InputFile::InputFile(InputFile&&) noexcept = default;
InputFile& InputFile::operator=(InputFile&&) noexcept = default;
InputFile::~InputFile() = default;
const std::string& InputFile::path() const { return impl_->path; }

absl::StatusOr<InputFile> InputFile::Open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->file = std::fopen(path.c_str(), "rb");
  if (impl->file == nullptr) return OpenError(path, errno);
  struct stat st {};
  if (::fstat(::fileno(impl->file), &st) == 0 && S_ISDIR(st.st_mode)) {
    return absl::InvalidArgumentError(StrCat(path, ": is a directory, not a file"));
  }
  return InputFile(std::move(impl));
}

absl::StatusOr<InputFile> InputFile::Stdin() {
  auto impl = std::make_unique<Impl>();
  impl->path = "-";
  impl->file = stdin;
  impl->owned = false;
  return InputFile(std::move(impl));
}

absl::StatusOr<std::size_t> InputFile::Read(char* data, std::size_t size) {
  return impl_->Read(data, size);
}

absl::StatusOr<std::string> ReadAll(InputFile& file) {
  std::string text;
  std::vector<char> buffer(kChunk);
  for (;;) {
    absl::StatusOr<std::size_t> n = file.Read(buffer.data(), buffer.size());
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    text.append(buffer.data(), *n);
  }
  return text;
}

absl::StatusOr<std::string> ReadFileToString(const std::string& path) {
  absl::StatusOr<InputFile> file = InputFile::Open(path);
  if (!file.ok()) return file.status();
  return ReadAll(*file);
}

namespace {

// A stream buffer onto a file descriptor, plain or through zlib's deflate into the
// gzip format. Errors are kept (ok(), error()) and every later write fails.
class FdBuf : public std::streambuf {
 public:
  FdBuf(int fd, bool gzip) : fd_(fd), gzip_(gzip), buffer_(1 << 20) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    if (gzip_ && deflateInit2(&z_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                              Z_DEFAULT_STRATEGY) != Z_OK) {
      error_ = "cannot start zlib";
    }
    z_ready_ = gzip_ && error_.empty();
  }
  ~FdBuf() override {
    if (z_ready_) deflateEnd(&z_);
  }
  // Everything out (and the gzip trailer); false on any error.
  bool Finish() {
    FlushBuffer(gzip_ ? Z_FINISH : Z_NO_FLUSH);
    return error_.empty();
  }
  const std::string& error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!FlushBuffer(Z_NO_FLUSH)) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return error_.empty() ? 0 : -1; }

 private:
  bool WriteAll(const char* data, std::size_t n) {
    while (n > 0) {
      const ssize_t w = ::write(fd_, data, n);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        error_ = Lowered(std::strerror(errno));
        return false;
      }
      data += w;
      n -= static_cast<std::size_t>(w);
    }
    return true;
  }
  bool FlushBuffer(int mode) {
    if (!error_.empty()) return false;
    const std::size_t n = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    if (!gzip_) return WriteAll(buffer_.data(), n);
    std::array<char, 1 << 16> out;
    z_.next_in = reinterpret_cast<Bytef*>(buffer_.data());
    z_.avail_in = static_cast<uInt>(n);
    for (;;) {
      z_.next_out = reinterpret_cast<Bytef*>(out.data());
      z_.avail_out = static_cast<uInt>(out.size());
      const int rc = deflate(&z_, mode);
      if (rc == Z_STREAM_ERROR) {
        error_ = "zlib stream error";
        return false;
      }
      if (!WriteAll(out.data(), out.size() - z_.avail_out)) return false;
      if (mode == Z_FINISH ? rc == Z_STREAM_END : (z_.avail_in == 0 && z_.avail_out != 0)) break;
    }
    return true;
  }

  int fd_;
  bool gzip_;
  std::vector<char> buffer_;
  z_stream z_{};
  bool z_ready_ = false;
  std::string error_;
};

}  // namespace

absl::Status WriteFileAtomically(const std::string& path,
                                 absl::FunctionRef<absl::Status(std::ostream&)> write) {
  std::string tmp = StrCat(path, ".tmp-XXXXXX");
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) {  // no such folder: NotFound, as for reading; not allowed: PermissionDenied
    const int err = errno;
    const std::string message = StrCat(path, ": cannot write: ", Lowered(std::strerror(err)));
    if (err == ENOENT || err == ENOTDIR) return absl::NotFoundError(message);
    if (err == EACCES || err == EPERM) return absl::PermissionDeniedError(message);
    return absl::UnavailableError(message);
  }
  // mkstemp makes the file 0600; give it the mode a plain create would (0666 & ~umask).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  absl::Status status;
  {
    FdBuf buf(fd, IsGzipName(path));
    std::ostream out(&buf);
    status = write(out);
    if (status.ok()) {
      out.flush();
      if (!buf.Finish() || !out) {
        status = absl::UnavailableError(StrCat(path, ": cannot write: ", buf.error()));
      }
    }
  }
  if (status.ok() && ::fsync(fd) != 0) {
    status = absl::UnavailableError(StrCat(path, ": cannot write: ", Lowered(std::strerror(errno))));
  }
  if (::close(fd) != 0 && status.ok()) {
    status = absl::UnavailableError(StrCat(path, ": cannot write: ", Lowered(std::strerror(errno))));
  }
  if (status.ok() && std::rename(tmp.c_str(), path.c_str()) != 0) {
    status = absl::UnavailableError(
        StrCat(path, ": cannot rename the written file into place: ", Lowered(std::strerror(errno))));
  }
  if (!status.ok()) std::remove(tmp.c_str());
  return status;
}

absl::Status Prefixed(const absl::Status& status, std::string_view prefix,
                      std::string_view separator) {
  if (status.ok()) return status;
  absl::Status out(status.code(), StrCat(prefix, separator, ToStd(status.message())));
  status.ForEachPayload([&](absl::string_view url, const absl::Cord& payload) {
    out.SetPayload(url, payload);
  });
  return out;
}

}  // namespace renewal::internal
