// The ledger's journal file: framed records with a CRC-32 each, appended and synced
// one transaction at a time; replay rebuilds the ledger and cuts off a torn tail.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "ledger_internal.h"
#include "renewal/base/strcat.h"
#include "renewal/base/file.h"

namespace renewal {
namespace internal {
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

template <class T>
void Put(std::string* out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));  // little-endian hosts only (x86-64, aarch64)
  out->append(buf, sizeof(T));
}
void PutStr(std::string* out, std::string_view s) {
  Put<std::uint32_t>(out, static_cast<std::uint32_t>(s.size()));
  out->append(s);
}

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  template <class T>
  bool Get(T* v) {
    if (s_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, s_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetStr(std::string* v) {
    std::uint32_t n = 0;
    if (!Get(&n) || s_.size() - pos_ < n) return false;
    v->assign(s_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  std::string_view rest() const { return s_.substr(pos_); }
  void skip(std::size_t n) { pos_ += n; }
  bool done() const { return pos_ == s_.size(); }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

void Frame(std::string* out, std::size_t start) {
  // Fills in the length and CRC of the payload written after `start` + 8.
  const std::string_view payload(out->data() + start + kRecordFrame,
                                 out->size() - start - kRecordFrame);
  const auto len = static_cast<std::uint32_t>(payload.size());
  const std::uint32_t crc = Crc32(payload);
  std::memcpy(out->data() + start, &len, 4);
  std::memcpy(out->data() + start + 4, &crc, 4);
}

absl::Status Errno(std::string_view what, const std::string& path) {
  return absl::InternalError(StrCat(what, " \"", path, "\": ", std::strerror(errno)));
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

std::uint32_t RegistryFingerprint(const Registry& r) {
  // The CRC of every dwelling's ID bytes then its area (4 bytes), in order. The
  // bytes are gathered in 64 KB chunks: one CRC call per ID cost more than the CRC.
  std::uint32_t crc = 0;
  const DwellingColumns& cols = r.dwellings();
  std::string chunk;
  chunk.reserve(std::size_t{1} << 16);
  r.ForEachDwellingId([&](Index d, std::string_view id) {
    chunk.append(id);
    const std::uint32_t a = cols.area_centi[d];
    chunk.append(reinterpret_cast<const char*>(&a), 4);
    if (chunk.size() >= (std::size_t{1} << 16) - 256) {
      crc = Crc32(chunk, crc);
      chunk.clear();
    }
  });
  return Crc32(chunk, crc);
}

void AppendHeaderRecord(const JournalHeader& h, std::string* out) {
  const std::size_t start = out->size();
  out->append(kRecordFrame, '\0');
  Put<std::uint8_t>(out, kHeaderRecord);
  out->append(kLedgerMagic, 8);
  Put<std::uint32_t>(out, h.version);
  Put<std::uint8_t>(out, h.fund_scope);
  Put<std::uint64_t>(out, h.dwellings);
  Put<std::uint64_t>(out, h.funds);
  Put<std::uint32_t>(out, h.fingerprint);
  Frame(out, start);
}

absl::StatusOr<JournalHeader> DecodeHeader(std::string_view payload) {
  Reader r(payload);
  std::uint8_t type = 0;
  char magic[8];
  JournalHeader h;
  if (!r.Get(&type) || type != kHeaderRecord || r.rest().size() < 8 ||
      std::memcmp(r.rest().data(), kLedgerMagic, 8) != 0) {
    return absl::DataLossError("not a renewal ledger journal (bad magic)");
  }
  r.skip(sizeof(magic));
  if (!r.Get(&h.version) || !r.Get(&h.fund_scope) || !r.Get(&h.dwellings) || !r.Get(&h.funds) ||
      !r.Get(&h.fingerprint) || !r.done()) {
    return absl::DataLossError("journal header: malformed");
  }
  if (h.version != kLedgerFormatVersion) {
    return absl::FailedPreconditionError(
        StrCat("journal header version: ", h.version, " is not supported (expected ",
               kLedgerFormatVersion, ")"));
  }
  return h;
}

void AppendTransactionRecord(const Transaction& tx, std::span<const std::uint32_t> accounts,
                             std::span<const std::int64_t> amounts, std::string* out) {
  const std::size_t start = out->size();
  out->reserve(start + kRecordFrame + 64 + tx.id.size() + tx.memo.size() + tx.ref.size() +
               accounts.size() * 12);
  out->append(kRecordFrame, '\0');
  Put<std::uint8_t>(out, static_cast<std::uint8_t>(tx.kind));
  Put<std::int32_t>(out, tx.date);
  PutStr(out, tx.id);
  PutStr(out, tx.memo);
  PutStr(out, tx.ref);
  PutStr(out, tx.approval.vote_id);
  PutStr(out, tx.approval.rule);
  PutStr(out, tx.approval.reason);
  const std::uint8_t flags = (tx.approval.passed ? 1 : 0) | (tx.approval.emergency ? 2 : 0) |
                             (tx.renovation_contribution ? 4 : 0);
  Put<std::uint8_t>(out, flags);
  Put<std::uint32_t>(out, static_cast<std::uint32_t>(accounts.size()));
  const std::size_t base = out->size();
  out->resize(base + accounts.size() * 12);
  char* p = out->data() + base;
  for (std::size_t i = 0; i < accounts.size(); ++i, p += 12) {
    std::memcpy(p, &accounts[i], 4);
    std::memcpy(p + 4, &amounts[i], 8);
  }
  Frame(out, start);
}

absl::Status DecodeTransaction(std::string_view payload, Transaction* tx) {
  Reader r(payload);
  std::uint8_t kind = 0, flags = 0;
  std::int32_t date = 0;
  std::uint32_t n = 0;
  if (!r.Get(&kind) || kind >= LabelCount<TxKind>() || !r.Get(&date) || !r.GetStr(&tx->id) ||
      !r.GetStr(&tx->memo) || !r.GetStr(&tx->ref) || !r.GetStr(&tx->approval.vote_id) ||
      !r.GetStr(&tx->approval.rule) || !r.GetStr(&tx->approval.reason) || !r.Get(&flags) ||
      !r.Get(&n) || r.rest().size() != std::size_t{n} * 12) {
    return absl::DataLossError("malformed transaction record");
  }
  tx->kind = static_cast<TxKind>(kind);
  tx->date = date;
  tx->approval.passed = flags & 1;
  tx->approval.emergency = flags & 2;
  tx->renovation_contribution = flags & 4;
  tx->accounts.clear();
  tx->amounts.clear();
  tx->accounts.reserve(n);  // no zero-fill: filled once below
  tx->amounts.reserve(n);
  const char* p = r.rest().data();
  for (std::uint32_t i = 0; i < n; ++i, p += 12) {
    std::uint32_t a = 0;
    std::int64_t v = 0;
    std::memcpy(&a, p, 4);
    std::memcpy(&v, p + 4, 8);
    tx->accounts.push_back(a);
    tx->amounts.push_back(v);
  }
  return absl::OkStatus();
}

std::size_t CountFrames(std::string_view image) {
  std::size_t pos = 0, count = 0;
  while (image.size() - pos >= kRecordFrame) {
    std::uint32_t len = 0;
    std::memcpy(&len, image.data() + pos, 4);
    if (len > image.size() - pos - kRecordFrame) break;
    pos += kRecordFrame + len;
    ++count;
  }
  return count;
}

absl::Status ScanRecords(std::string_view image,
                         const std::function<absl::Status(std::string_view, std::size_t)>& fn,
                         OpenReport* report) {
  std::size_t pos = 0, index = 0;
  while (pos < image.size()) {
    const std::size_t left = image.size() - pos;
    std::uint32_t len = 0, crc = 0;
    if (left < kRecordFrame) {
      report->torn_bytes = left;
      report->message = StrCat("torn tail: ", left, " bytes of an incomplete record frame at offset ", pos);
      break;
    }
    std::memcpy(&len, image.data() + pos, 4);
    std::memcpy(&crc, image.data() + pos + 4, 4);
    if (len > left - kRecordFrame) {
      report->torn_bytes = left;
      report->message = StrCat("torn tail: record ", index, " at offset ", pos, " needs ", len,
                               " payload bytes, ", left - kRecordFrame, " present");
      break;
    }
    const std::string_view payload = image.substr(pos + kRecordFrame, len);
    if (Crc32(payload) != crc) {
      if (pos + kRecordFrame + len == image.size()) {
        report->torn_bytes = left;
        report->message = StrCat("torn tail: record ", index, " at offset ", pos,
                                 " fails its checksum and ends the file");
        break;
      }
      return absl::DataLossError(StrCat("record ", index, " at offset ", pos,
                                        ": checksum mismatch inside the journal"));
    }
    if (absl::Status s = fn(payload, index); !s.ok()) return s;
    pos += kRecordFrame + len;
    ++index;
    report->records = index;
    report->valid_bytes = pos;
  }
  return absl::OkStatus();
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

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  absl::StatusOr<std::string> bytes = ReadFileToString(path);
  if (!bytes.ok()) return Prefixed(bytes.status(), "journal");
  return bytes;
}

absl::StatusOr<std::unique_ptr<LedgerFile>> LedgerFile::Lock(const std::string& path, bool sync) {
  std::unique_ptr<LedgerFile> f(new LedgerFile());
  f->path_ = path;
  f->sync_ = sync;
  f->fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (f->fd_ < 0) return Errno("journal open", path);
  // flock, not fcntl: its lock belongs to this open file description, so a second
  // Ledger in the same process is refused too, and closing another descriptor of
  // the file (the read-only map) does not drop it.
  if (::flock(f->fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) {
      return absl::FailedPreconditionError(StrCat(
          "journal \"", path, "\": another writer has it open (one Ledger at a time may "
          "append to a journal; it is free again once that one is closed)"));
    }
    return Errno("journal lock", path);
  }
  return f;
}

absl::Status LedgerFile::Resume(std::uint64_t valid_bytes) {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) return Errno("journal stat", path_);
  if (static_cast<std::uint64_t>(st.st_size) != valid_bytes) {
    // Cut a torn tail before anything is appended after it.
    if (::ftruncate(fd_, static_cast<off_t>(valid_bytes)) != 0) return Errno("journal truncate", path_);
    if (::fsync(fd_) != 0) return Errno("journal sync", path_);
  }
  if (::lseek(fd_, static_cast<off_t>(valid_bytes), SEEK_SET) < 0) return Errno("journal seek", path_);
  size_ = valid_bytes;
  if (valid_bytes == 0 && sync_) {
    // A new file: make its directory entry durable too.
    std::string dir = path_.substr(0, path_.find_last_of('/') == std::string::npos ? 0 : path_.find_last_of('/'));
    if (dir.empty()) dir.push_back('.');
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
      ::fsync(dfd);
      ::close(dfd);
    }
  }
  return absl::OkStatus();
}

LedgerFile::~LedgerFile() {
  if (fd_ >= 0) ::close(fd_);
}

absl::Status LedgerFile::Append(std::string_view record) {
  std::size_t done = 0;
  while (done < record.size()) {
    const ssize_t w = ::write(fd_, record.data() + done, record.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      absl::Status s = Errno("journal write", path_);
      (void)!::ftruncate(fd_, static_cast<off_t>(size_));
      (void)::lseek(fd_, static_cast<off_t>(size_), SEEK_SET);
      return s;
    }
    done += static_cast<std::size_t>(w);
  }
  if (sync_ && ::fdatasync(fd_) != 0) {
    absl::Status s = Errno("journal sync", path_);
    (void)!::ftruncate(fd_, static_cast<off_t>(size_));
    (void)::lseek(fd_, static_cast<off_t>(size_), SEEK_SET);
    return s;
  }
  size_ += record.size();
  return absl::OkStatus();
}

}  // namespace internal

// ---------------------------------------------------------------------------
namespace {

absl::Status ReplayImage(Ledger* ledger, const Registry& registry, std::string_view image,
                         const std::string& path, OpenReport* report,
                         const std::function<absl::Status(Transaction)>& commit) {
  const FundScope scope = ledger->options().fund_scope;
  return internal::ScanRecords(
      image,
      [&](std::string_view payload, std::size_t index) -> absl::Status {
        if (index == 0) {
          absl::StatusOr<internal::JournalHeader> h = internal::DecodeHeader(payload);
          if (!h.ok()) {
            return absl::Status(h.status().code(), StrCat("journal \"", path, "\": ", h.status().message()));
          }
          if (h->dwellings != registry.dwelling_count() || h->funds != ledger->fund_count() ||
              h->fund_scope != static_cast<std::uint8_t>(scope) ||
              h->fingerprint != internal::RegistryFingerprint(registry)) {
            return absl::FailedPreconditionError(StrCat(
                "journal \"", path, "\" header: written for another registry or fund scope (",
                h->dwellings, " dwellings, ", h->funds, " funds)"));
          }
          return absl::OkStatus();
        }
        Transaction tx;
        if (absl::Status s = internal::DecodeTransaction(payload, &tx); !s.ok()) {
          return absl::DataLossError(StrCat("journal \"", path, "\" record ", index, ": ", s.message()));
        }
        const std::string id = tx.id;
        if (absl::Status s = commit(std::move(tx)); !s.ok()) {
          return absl::DataLossError(StrCat("journal \"", path, "\" record ", index,
                                            " (transaction \"", id, "\"): ", s.message()));
        }
        ++report->transactions;
        return absl::OkStatus();
      },
      report);
}

}  // namespace

struct LedgerFileAccess {
  static absl::StatusOr<Ledger> Load(const Registry& registry, const std::string& path,
                                     LedgerOptions options, OpenReport* report, bool keep_open) {
    OpenReport local;
    if (report == nullptr) report = &local;
    *report = OpenReport{};
    absl::StatusOr<Ledger> made = Ledger::Create(registry, options);
    if (!made.ok()) return made.status();
    Ledger l = *std::move(made);
    std::unique_ptr<internal::LedgerFile> file;
    if (keep_open) {
      // Lock (creating the file if absent) before reading it: a second writer must
      // not replay a journal the first is still appending to.
      absl::StatusOr<std::unique_ptr<internal::LedgerFile>> locked =
          internal::LedgerFile::Lock(path, options.sync);
      if (!locked.ok()) return locked.status();
      file = *std::move(locked);
    }
    absl::StatusOr<std::unique_ptr<internal::MappedFile>> image = internal::MappedFile::Open(path);
    if (!image.ok()) return image.status();
    {
      // A file that does not even start like a header is not a torn journal.
      const std::string_view bytes = (*image)->bytes();
      const std::string_view head = bytes.substr(0, 17);
      std::string want(internal::kRecordFrame, '\0');
      want.push_back(static_cast<char>(internal::kHeaderRecord));
      want.append(internal::kLedgerMagic, 8);
      for (std::size_t i = internal::kRecordFrame; i < head.size(); ++i) {
        if (head[i] != want[i]) {
          return absl::DataLossError(StrCat("journal \"", path, "\": not a renewal ledger journal"));
        }
      }
      // Size the id index once instead of growing it (and re-hashing) while replaying.
      l.maps_->tx_ids.reserve(internal::CountFrames(bytes));
      absl::Status s = ReplayImage(&l, registry, bytes, path, report,
                                   [&](Transaction tx) { return l.Commit(std::move(tx)); });
      if (!s.ok()) return s;
    }
    image->reset();  // unmap before the file may be cut
    if (!keep_open) return l;
    if (absl::Status s = file->Resume(report->valid_bytes); !s.ok()) return s;
    if (report->records == 0) {
      internal::JournalHeader h;
      h.fund_scope = static_cast<std::uint8_t>(options.fund_scope);
      h.dwellings = registry.dwelling_count();
      h.funds = l.fund_count();
      h.fingerprint = internal::RegistryFingerprint(registry);
      std::string record;
      internal::AppendHeaderRecord(h, &record);
      if (absl::Status s = file->Append(record); !s.ok()) return s;
    }
    l.file_ = std::move(file);
    return l;
  }
};

absl::StatusOr<Ledger> Ledger::Open(const Registry& registry, const std::string& path,
                                    LedgerOptions options, OpenReport* report) {
  return LedgerFileAccess::Load(registry, path, options, report, true);
}

absl::StatusOr<Ledger> Ledger::Replay(const Registry& registry, const std::string& path,
                                      LedgerOptions options, OpenReport* report) {
  return LedgerFileAccess::Load(registry, path, options, report, false);
}

}  // namespace renewal
