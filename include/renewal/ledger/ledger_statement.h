// Annual statements and publication of the maintenance fund (Order 165 art. 31:
// deposits, uses, returns and balances published per dwelling at least once a year).
//
// A statement line is derived from the journal by transaction kind:
//   deposits  = deposit + top_up + selling_unit_deposit
//   uses      = minus the use postings (positive amounts)
//   interest, income, subsidy as posted; refunds positive; transfers signed;
//   closing   = opening + deposits − uses + interest + income + subsidy − refunds + transfers
#ifndef RENEWAL_LEDGER_STATEMENT_H_
#define RENEWAL_LEDGER_STATEMENT_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/ledger/ledger.h"

namespace renewal {

struct StatementLine {
  Money opening, deposits, uses, interest, income, subsidy, refunds, transfers, closing;
  Money owed;  // amount owed at the end of the year (dwellings only)
  bool operator==(const StatementLine&) const = default;
};

struct StatementEntry {
  int date = 0;
  std::string tx_id;
  TxKind kind = TxKind::kTransfer;
  Money amount;  // signed change of the balance
  std::string memo;
};

struct DwellingStatement {
  Index dwelling = 0;
  std::string dwelling_id;
  Index fund = 0;
  int year = 0;
  StatementLine line;
  std::vector<StatementEntry> entries;  // the year's entries, in journal order
};

// One dwelling's statement for `year` (one pass over the journal).
absl::StatusOr<DwellingStatement> StatementOf(const Ledger& ledger, Index dwelling, int year);

// Statements of every account for `year`, columnar (one pass over the journal);
// lines[a] for account id a.
struct YearStatements {
  int year = 0;
  std::vector<StatementLine> lines;   // by account id
  std::vector<StatementLine> funds;   // by fund: sum of its sub-ledgers
};
YearStatements ComputeYear(const Ledger& ledger, int year);

// Sums of the fund's sub-ledgers equal its bank-account total (and the line's
// arithmetic holds); DataLoss naming the fund otherwise.
absl::Status CheckYear(const Ledger& ledger, const YearStatements& year);

// "张三" → "张*", "李四光" → "李**", single character → "*"; organisations unmasked.
std::string MaskOwnerName(std::string_view name, OwnerKind kind);

// Publication (docs/schemas/ledger_publication.schema.json): fund totals, the year's
// uses with their approval, and every dwelling's line with the owner's name masked.
void WritePublication(const Ledger& ledger, const YearStatements& year, std::ostream& out);
// Statement JSON (docs/schemas/ledger_statement.schema.json).
void WriteStatementJson(const Ledger& ledger, const DwellingStatement& s, std::ostream& out);
// The whole journal (docs/schemas/ledger_journal.schema.json).
void WriteJournalJson(const Ledger& ledger, std::ostream& out);
// "dwelling:D-1", "selling_unit:E1", "external:works".
std::string AccountKey(const Ledger& ledger, std::uint32_t account);

}  // namespace renewal

#endif  // RENEWAL_LEDGER_STATEMENT_H_
