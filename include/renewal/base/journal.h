// Journal files: the durable, append-only store shared by the areas that keep one
// (the maintenance-fund ledger; programme progress). The payloads are the area's;
// this header owns the bytes around them and the rules that keep them honest.
//
// File    = file header, then records.
// Header  = 16 bytes: "RNWJ", the kind's 4-letter tag ("LEDG"), u32 format version,
//           u32 CRC-32 of the first 12 bytes.
// Record  = 16-byte frame, then the payload. Frame = u32 payload length, u32 sequence
//           number (the record's index, from 0), u32 CRC-32 of the payload, u32 CRC-32
//           of the frame's first 12 bytes. All integers little-endian.
//
// Reading tells a torn tail from corruption (docs/journal.md):
//  - a torn tail is what a crash while appending leaves: the file ends inside a frame,
//    or inside the payload a sound frame announces, or the rest of the file is zero
//    bytes (space allocated, data never written). It is reported, and cut off only
//    when the next record is appended, after its bytes are saved in a side file;
//  - anything else — a frame or payload checksum that fails with data after it, a
//    sequence number out of order, a file header that is not this kind's — is
//    corruption: DataLoss naming the record number, the byte offset and what was
//    found. Nothing is written to a corrupt journal.
#ifndef RENEWAL_BASE_JOURNAL_H_
#define RENEWAL_BASE_JOURNAL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace renewal::internal {

inline constexpr std::size_t kJournalHeaderBytes = 16;
inline constexpr std::size_t kRecordFrame = 16;
inline constexpr std::uint32_t kJournalFormatVersion = 2;

/// CRC-32 (IEEE 802.3), continuing from `crc` (0 to start).
std::uint32_t Crc32(std::string_view bytes, std::uint32_t crc = 0);

/// Which journal a file is: a 4-letter tag in its header and a name for messages.
struct JournalKind {
  char tag[4];
  const char* name;  // "ledger"
};

/// The 16-byte file header of a journal of `kind`.
std::string JournalFileHeader(const JournalKind& kind);

/// Appends one framed record (sequence number `sequence`) to `out`.
void AppendRecord(std::string* out, std::uint32_t sequence, std::string_view payload);

/// What a scan found.
struct JournalScan {
  std::size_t records = 0;        // whole records passed on
  std::uint64_t valid_bytes = 0;  // the file header and those records
  std::uint64_t torn_bytes = 0;   // a torn tail after them
  std::string message;            // what the tail held ("torn tail: ...")
};

/// Walks the records of a journal image of `kind`, calling `fn(payload, index)` for
/// each whole record. An empty image, or a torn file header, is a journal with no
/// records. A torn tail is reported in `scan`; corruption is DataLoss; a file that
/// is not a journal of `kind` (or of another format version) is InvalidArgument.
/// An error from `fn` stops the scan and is returned.
absl::Status ScanJournal(std::string_view image, const JournalKind& kind,
                         const std::function<absl::Status(std::string_view, std::size_t)>& fn,
                         JournalScan* scan);

/// How many records the image holds at most (for sizing indexes before a scan;
/// checksums are not verified).
std::size_t CountRecords(std::string_view image);

/// A read-only memory map of a whole file (no copy, no zero-fill).
class MappedFile {
 public:
  static absl::StatusOr<std::unique_ptr<MappedFile>> Open(const std::string& path);
  ~MappedFile();
  std::string_view bytes() const { return {data_, size_}; }

 private:
  MappedFile() = default;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

/// A journal file open for appending, held under an exclusive lock (flock) for the
/// life of this object.
class JournalFile {
 public:
  /// Opens and locks the file; creates it only when `create` (else NotFound).
  /// FailedPrecondition naming the file when another JournalFile, in this process or
  /// another, holds it. Reads and writes nothing.
  static absl::StatusOr<std::unique_ptr<JournalFile>> Lock(const std::string& path,
                                                           const JournalKind& kind, bool create,
                                                           bool sync);
  ~JournalFile();

  /// After the scan: appends go after the scan's valid bytes, numbered from its
  /// record count. Nothing is written yet: the torn tail is cut (and kept in a side
  /// file) and, for a journal without records, the file header and `first_record`
  /// are written, all by the first Append, so that a command that fails before it
  /// writes leaves the file as it was.
  void Resume(const JournalScan& scan, std::string first_record);

  /// Writes one record and syncs; on failure cuts the file back and fails.
  absl::Status Append(std::string_view payload);
  /// Writes several records with one write and one sync (an import): all of them or,
  /// on failure, none (the file is cut back to where it was).
  absl::Status AppendAll(std::span<const std::string> payloads);

  /// Does now what Resume left for the first Append (for a journal being created).
  absl::Status WritePending();

  /// The file's size now (a torn tail not yet cut included).
  std::uint64_t size() const { return on_disk_; }
  const std::string& path() const { return path_; }
  /// Where the last cut tail was kept ("" when none was cut).
  const std::string& torn_tail_file() const { return torn_tail_file_; }

 private:
  JournalFile() = default;
  absl::Status WriteAll(std::string_view bytes);

  int fd_ = -1;
  bool sync_ = true;
  JournalKind kind_{};
  std::string path_;
  std::uint64_t on_disk_ = 0;    // bytes in the file; records are written here
  std::uint32_t next_sequence_ = 0;
  bool pending_cut_ = false;     // the file is to be cut to cut_to_ first
  std::uint64_t cut_to_ = 0;
  std::string pending_;          // file header and first record of a new journal
  std::string torn_tail_file_;
};

}  // namespace renewal::internal

#endif  // RENEWAL_BASE_JOURNAL_H_
