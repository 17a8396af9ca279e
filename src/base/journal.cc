#include "renewal/base/journal.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "renewal/base/strcat.h"

namespace renewal::internal {
namespace {

// CRC-32 (IEEE 802.3, reflected 0xEDB88320), slicing-by-16 tables: 16 bytes per
// step of the loop-carried CRC (by 8 ran at 2.2 GB/s; a replay CRCs the journal and,
// for the registry check, every dwelling ID).
struct CrcTables {
  std::uint32_t t[16][256];
};
constexpr CrcTables MakeCrcTables() {
  CrcTables c{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t v = i;
    for (int k = 0; k < 8; ++k) v = (v & 1) ? 0xEDB88320u ^ (v >> 1) : v >> 1;
    c.t[0][i] = v;
  }
  for (std::uint32_t i = 0; i < 256; ++i) {
    for (int s = 1; s < 16; ++s) c.t[s][i] = (c.t[s - 1][i] >> 8) ^ c.t[0][c.t[s - 1][i] & 0xFF];
  }
  return c;
}
constexpr CrcTables kCrc = MakeCrcTables();



absl::Status Errno(std::string_view what, const std::string& path) {
  return absl::InternalError(StrCat(what, " \"", path, "\": ", std::strerror(errno)));
}

void PutU32(char* p, std::uint32_t v) { std::memcpy(p, &v, 4); }  // little-endian hosts
std::uint32_t GetU32(const char* p) {
  std::uint32_t v = 0;
  std::memcpy(&v, p, 4);
  return v;
}

bool AllZero(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == 0; });
}

// The file header's checks; `scan` gets a torn header (a prefix of the right one).
absl::Status CheckFileHeader(std::string_view image, const JournalKind& kind, JournalScan* scan) {
  const std::string want = JournalFileHeader(kind);
  if (image.size() < kJournalHeaderBytes) {
    if (image == std::string_view(want).substr(0, image.size()) || AllZero(image)) {
      scan->torn_bytes = image.size();
      scan->message = StrCat("torn tail: ", image.size(), " bytes of an incomplete file header");
      return absl::OkStatus();
    }
    return absl::InvalidArgumentError(StrCat("not a renewal ", kind.name, " journal"));
  }
  const std::string_view header = image.substr(0, kJournalHeaderBytes);
  if (header.substr(0, 4) != "RNWJ") {
    if (AllZero(image)) {
      scan->torn_bytes = image.size();
      scan->message = StrCat("torn tail: ", image.size(), " zero bytes, no file header");
      return absl::OkStatus();
    }
    return absl::InvalidArgumentError(StrCat("not a renewal ", kind.name, " journal"));
  }
  if (Crc32(header.substr(0, 12)) != GetU32(header.data() + 12)) {
    return absl::DataLossError("file header at byte offset 0: checksum mismatch");
  }
  if (header.substr(4, 4) != std::string_view(kind.tag, 4)) {
    return absl::InvalidArgumentError(StrCat("a renewal \"", header.substr(4, 4),
                                             "\" journal, not a ", kind.name, " journal"));
  }
  if (const std::uint32_t v = GetU32(header.data() + 8); v != kJournalFormatVersion) {
    return absl::InvalidArgumentError(StrCat("journal format version ", v,
                                             " is not supported (expected ",
                                             kJournalFormatVersion, ")"));
  }
  scan->valid_bytes = kJournalHeaderBytes;
  return absl::OkStatus();
}

}  // namespace

std::uint32_t Crc32(std::string_view bytes, std::uint32_t crc) {
  crc = ~crc;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  const auto& t = kCrc.t;
  while (n >= 16) {  // little-endian slicing-by-16
    std::uint32_t w[4];
    std::memcpy(w, p, 16);
    w[0] ^= crc;
    crc = t[15][w[0] & 0xFF] ^ t[14][(w[0] >> 8) & 0xFF] ^ t[13][(w[0] >> 16) & 0xFF] ^
          t[12][w[0] >> 24] ^ t[11][w[1] & 0xFF] ^ t[10][(w[1] >> 8) & 0xFF] ^
          t[9][(w[1] >> 16) & 0xFF] ^ t[8][w[1] >> 24] ^ t[7][w[2] & 0xFF] ^
          t[6][(w[2] >> 8) & 0xFF] ^ t[5][(w[2] >> 16) & 0xFF] ^ t[4][w[2] >> 24] ^
          t[3][w[3] & 0xFF] ^ t[2][(w[3] >> 8) & 0xFF] ^ t[1][(w[3] >> 16) & 0xFF] ^
          t[0][w[3] >> 24];
    p += 16;
    n -= 16;
  }
  while (n >= 8) {
    std::uint32_t lo = 0, hi = 0;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + 4, 4);
    lo ^= crc;
    crc = kCrc.t[7][lo & 0xFF] ^ kCrc.t[6][(lo >> 8) & 0xFF] ^ kCrc.t[5][(lo >> 16) & 0xFF] ^
          kCrc.t[4][lo >> 24] ^ kCrc.t[3][hi & 0xFF] ^ kCrc.t[2][(hi >> 8) & 0xFF] ^
          kCrc.t[1][(hi >> 16) & 0xFF] ^ kCrc.t[0][hi >> 24];
    p += 8;
    n -= 8;
  }
  while (n-- > 0) crc = kCrc.t[0][(crc ^ *p++) & 0xFF] ^ (crc >> 8);
  return ~crc;
}



std::string JournalFileHeader(const JournalKind& kind) {
  std::string h(kJournalHeaderBytes, '\0');
  std::memcpy(h.data(), "RNWJ", 4);
  std::memcpy(h.data() + 4, kind.tag, 4);
  PutU32(h.data() + 8, kJournalFormatVersion);
  PutU32(h.data() + 12, Crc32(std::string_view(h).substr(0, 12)));
  return h;
}

void AppendRecord(std::string* out, std::uint32_t sequence, std::string_view payload) {
  char frame[kRecordFrame];
  PutU32(frame, static_cast<std::uint32_t>(payload.size()));
  PutU32(frame + 4, sequence);
  PutU32(frame + 8, Crc32(payload));
  PutU32(frame + 12, Crc32(std::string_view(frame, 12)));
  out->append(frame, kRecordFrame);
  out->append(payload);
}

absl::Status ScanJournal(std::string_view image, const JournalKind& kind,
                         const std::function<absl::Status(std::string_view, std::size_t)>& fn,
                         JournalScan* scan) {
  *scan = JournalScan{};
  if (image.empty()) return absl::OkStatus();
  if (absl::Status s = CheckFileHeader(image, kind, scan); !s.ok() || scan->torn_bytes > 0) {
    return s;
  }
  std::size_t pos = kJournalHeaderBytes;
  std::size_t index = 0;
  while (pos < image.size()) {
    const std::size_t left = image.size() - pos;
    const auto torn = [&](std::string_view why) {
      scan->torn_bytes = left;
      scan->message = StrCat("torn tail: record ", index, " at byte offset ", pos, ": ", why);
      return absl::OkStatus();
    };
    const auto corrupt = [&](std::string_view why) {
      return absl::DataLossError(StrCat("record ", index, " at byte offset ", pos, ": ", why));
    };
    if (left < kRecordFrame) return torn(StrCat(left, " bytes of an incomplete frame"));
    const char* frame = image.data() + pos;
    if (Crc32(std::string_view(frame, 12)) != GetU32(frame + 12)) {
      if (AllZero(image.substr(pos))) return torn("zero bytes to the end of the file");
      return corrupt("frame checksum mismatch (its length or sequence number is damaged)");
    }
    const std::uint32_t len = GetU32(frame);
    if (const std::uint32_t seq = GetU32(frame + 4); seq != static_cast<std::uint32_t>(index)) {
      return corrupt(StrCat("sequence number ", seq, ", expected ", index));
    }
    if (len > left - kRecordFrame) {
      return torn(StrCat("needs ", len, " payload bytes, ", left - kRecordFrame, " present"));
    }
    const std::string_view payload = image.substr(pos + kRecordFrame, len);
    if (Crc32(payload) != GetU32(frame + 8)) {
      if (pos + kRecordFrame + len == image.size() && AllZero(payload)) {
        return torn("its payload was never written (zero bytes)");
      }
      return corrupt("payload checksum mismatch");
    }
    if (absl::Status s = fn(payload, index); !s.ok()) return s;
    pos += kRecordFrame + len;
    ++index;
    scan->records = index;
    scan->valid_bytes = pos;
  }
  return absl::OkStatus();
}

std::size_t CountRecords(std::string_view image) {
  std::size_t pos = kJournalHeaderBytes, count = 0;
  while (pos < image.size() && image.size() - pos >= kRecordFrame) {
    const std::uint32_t len = GetU32(image.data() + pos);
    if (len > image.size() - pos - kRecordFrame) break;
    pos += kRecordFrame + len;
    ++count;
  }
  return count;
}

MappedFile::~MappedFile() {
  if (data_ != nullptr && size_ > 0) ::munmap(const_cast<char*>(data_), size_);
}

absl::StatusOr<std::unique_ptr<MappedFile>> MappedFile::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return absl::NotFoundError(StrCat("journal \"", path, "\": no such file"));
    return Errno("journal open", path);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    absl::Status s = Errno("journal stat", path);
    ::close(fd);
    return s;
  }
  std::unique_ptr<MappedFile> f(new MappedFile());
  f->size_ = static_cast<std::size_t>(st.st_size);
  if (f->size_ > 0) {
    void* p = ::mmap(nullptr, f->size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      absl::Status s = Errno("journal mmap", path);
      ::close(fd);
      return s;
    }
    ::madvise(p, f->size_, MADV_SEQUENTIAL);
    f->data_ = static_cast<const char*>(p);
  }
  ::close(fd);
  return f;
}


absl::StatusOr<std::unique_ptr<JournalFile>> JournalFile::Lock(const std::string& path,
                                                               const JournalKind& kind,
                                                               bool create, bool sync) {
  std::unique_ptr<JournalFile> f(new JournalFile());
  f->path_ = path;
  f->sync_ = sync;
  f->kind_ = kind;
  f->fd_ = ::open(path.c_str(), O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0644);
  if (f->fd_ < 0) {
    if (errno == ENOENT) {
      return absl::NotFoundError(StrCat("journal \"", path, "\": no such file"));
    }
    return Errno("journal open", path);
  }
  // flock, not fcntl: its lock belongs to this open file description, so a second
  // writer in the same process is refused too, and closing another descriptor of
  // the file (the read-only map) does not drop it.
  if (::flock(f->fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) {
      return absl::FailedPreconditionError(StrCat(
          "journal \"", path, "\": another writer has it open (one writer at a time may "
          "append to a journal; it is free again once that one is closed)"));
    }
    return Errno("journal lock", path);
  }
  struct stat st {};
  if (::fstat(f->fd_, &st) != 0) return Errno("journal stat", path);
  f->on_disk_ = static_cast<std::uint64_t>(st.st_size);
  return f;
}

JournalFile::~JournalFile() {
  if (fd_ >= 0) ::close(fd_);
}

void JournalFile::Resume(const JournalScan& scan, std::string first_record) {
  if (scan.records == 0) {  // a new journal, or one torn before its first record
    cut_to_ = 0;
    pending_ = JournalFileHeader(kind_);
    AppendRecord(&pending_, 0, first_record);
    next_sequence_ = 1;
  } else {
    cut_to_ = scan.valid_bytes;
    next_sequence_ = static_cast<std::uint32_t>(scan.records);
  }
  pending_cut_ = on_disk_ != cut_to_;
}

absl::Status JournalFile::WriteAll(std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t w = ::pwrite(fd_, bytes.data() + done, bytes.size() - done,
                               static_cast<off_t>(on_disk_ + done));
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return Errno("journal write", path_);
    done += static_cast<std::size_t>(w);
  }
  return absl::OkStatus();
}

absl::Status JournalFile::WritePending() {
  if (pending_cut_) {
    if (on_disk_ > cut_to_) {
      // Keep what is cut: a torn tail is normally a half-written record, but it is
      // the user's data, and only a person can tell.
      std::string tail(static_cast<std::size_t>(on_disk_ - cut_to_), '\0');
      if (::pread(fd_, tail.data(), tail.size(), static_cast<off_t>(cut_to_)) !=
          static_cast<ssize_t>(tail.size())) {
        return Errno("journal read", path_);
      }
      const std::string side = StrCat(path_, ".torn-", cut_to_);
      const int sfd = ::open(side.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (sfd < 0) return Errno("torn tail file open", side);
      const bool ok = ::write(sfd, tail.data(), tail.size()) == static_cast<ssize_t>(tail.size()) &&
                      ::fsync(sfd) == 0;
      ::close(sfd);
      if (!ok) return Errno("torn tail file write", side);
      torn_tail_file_ = side;
    }
    if (::ftruncate(fd_, static_cast<off_t>(cut_to_)) != 0) return Errno("journal truncate", path_);
    if (sync_ && ::fsync(fd_) != 0) return Errno("journal sync", path_);
    on_disk_ = cut_to_;
    pending_cut_ = false;
  }
  if (pending_.empty()) return absl::OkStatus();
  const bool new_file = on_disk_ == 0;
  if (absl::Status s = WriteAll(pending_); !s.ok()) {
    (void)!::ftruncate(fd_, static_cast<off_t>(on_disk_));
    return s;
  }
  if (sync_ && ::fsync(fd_) != 0) {
    (void)!::ftruncate(fd_, static_cast<off_t>(on_disk_));
    return Errno("journal sync", path_);
  }
  on_disk_ += pending_.size();
  pending_.clear();
  if (new_file && sync_) {
    // A new file: make its directory entry durable too.
    const std::size_t slash = path_.find_last_of('/');
    const std::string dir = slash == std::string::npos ? "." : path_.substr(0, slash + 1);
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
      ::fsync(dfd);
      ::close(dfd);
    }
  }
  return absl::OkStatus();
}

absl::Status JournalFile::Append(std::string_view payload) {
  const std::string one(payload);
  return AppendAll(std::span<const std::string>(&one, 1));
}

absl::Status JournalFile::AppendAll(std::span<const std::string> payloads) {
  if (payloads.empty()) return absl::OkStatus();
  if (pending_cut_ || !pending_.empty()) {
    if (absl::Status s = WritePending(); !s.ok()) return s;
  }
  std::size_t bytes = 0;
  for (const std::string& p : payloads) bytes += kRecordFrame + p.size();
  std::string records;
  records.reserve(bytes);
  std::uint32_t sequence = next_sequence_;
  for (const std::string& p : payloads) AppendRecord(&records, sequence++, p);
  absl::Status s = WriteAll(records);
  if (s.ok() && sync_ && ::fdatasync(fd_) != 0) s = Errno("journal sync", path_);
  if (!s.ok()) {
    (void)!::ftruncate(fd_, static_cast<off_t>(on_disk_));
    return s;
  }
  on_disk_ += records.size();
  next_sequence_ = sequence;
  return absl::OkStatus();
}

}  // namespace renewal::internal
