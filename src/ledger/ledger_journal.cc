// The ledger's journal: its header and transaction payloads, and the replay that
// rebuilds a ledger from a base journal (renewal/base/journal.h).
#include <cstring>

#include "ledger_internal.h"
#include "renewal/base/payload_codec.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace internal {

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

std::string EncodeHeader(const JournalHeader& h) {
  std::string payload;
  std::string* out = &payload;
  Put<std::uint8_t>(out, kHeaderRecord);
  out->append(kLedgerMagic, 8);
  Put<std::uint32_t>(out, h.version);
  Put<std::uint8_t>(out, h.fund_scope);
  Put<std::uint64_t>(out, h.dwellings);
  Put<std::uint64_t>(out, h.funds);
  Put<std::uint32_t>(out, h.fingerprint);
  return payload;
}

absl::StatusOr<JournalHeader> DecodeHeader(std::string_view payload) {
  PayloadReader r(payload);
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

void EncodeTransaction(const Transaction& tx, std::span<const std::uint32_t> accounts,
                       std::span<const std::int64_t> amounts, std::string* out) {
  out->reserve(out->size() + 64 + tx.id.size() + tx.memo.size() + tx.ref.size() +
               accounts.size() * 12);
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
}

absl::Status DecodeTransaction(std::string_view payload, Transaction* tx) {
  PayloadReader r(payload);
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

}  // namespace internal

// ---------------------------------------------------------------------------
namespace {

absl::Status ReplayImage(Ledger* ledger, const Registry& registry, std::string_view image,
                         const std::string& path, OpenReport* report,
                         const std::function<absl::Status(Transaction)>& commit) {
  const FundScope scope = ledger->options().fund_scope;
  internal::JournalScan scan;
  absl::Status scanned = internal::ScanJournal(
      image, internal::kLedgerJournal,
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
      &scan);
  if (!scanned.ok()) {
    return absl::Status(scanned.code(), StrCat("journal \"", path, "\": ", scanned.message()));
  }
  report->records = scan.records;
  report->valid_bytes = scan.valid_bytes;
  report->torn_bytes = scan.torn_bytes;
  report->message = scan.message;
  if (scan.records == 0) {
    // Without its header record the journal holds nothing: all of it is torn.
    report->valid_bytes = 0;
    report->torn_bytes = image.size();
    if (report->message.empty() && !image.empty()) {
      report->message = "torn tail: the journal ends before its header record";
    }
  }
  return absl::OkStatus();
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
    std::unique_ptr<internal::JournalFile> file;
    if (keep_open) {
      // Lock before reading: a second writer must not replay a journal the first is
      // still appending to. Only `options.create` makes a missing file.
      absl::StatusOr<std::unique_ptr<internal::JournalFile>> locked = internal::JournalFile::Lock(
          path, internal::kLedgerJournal, options.create, options.sync);
      if (!locked.ok()) return locked.status();
      file = *std::move(locked);
    }
    absl::StatusOr<std::unique_ptr<internal::MappedFile>> image = internal::MappedFile::Open(path);
    if (!image.ok()) return image.status();
    {
      const std::string_view bytes = (*image)->bytes();
      // Size the id index once instead of growing it (and re-hashing) while replaying.
      l.maps_->tx_ids.reserve(internal::CountRecords(bytes));
      absl::Status s = ReplayImage(&l, registry, bytes, path, report,
                                   [&](Transaction tx) { return l.Commit(std::move(tx)); });
      if (!s.ok()) return s;
    }
    image->reset();
    if (!keep_open) return l;
    internal::JournalHeader h;
    h.fund_scope = static_cast<std::uint8_t>(options.fund_scope);
    h.dwellings = registry.dwelling_count();
    h.funds = l.fund_count();
    h.fingerprint = internal::RegistryFingerprint(registry);
    internal::JournalScan scan;
    scan.records = report->records;
    scan.valid_bytes = report->valid_bytes;
    scan.torn_bytes = report->torn_bytes;
    // Nothing is written until the first transaction (JournalFile::Resume), except
    // the header of a journal being created.
    file->Resume(scan, internal::EncodeHeader(h));
    if (report->records == 0 && options.create) {
      if (absl::Status s = file->WritePending(); !s.ok()) return s;
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
