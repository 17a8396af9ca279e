// The options of `renewal ledger` actions, read into ledger types; each error names
// its option ("--dwelling: no dwelling with id \"x\"").
#ifndef RENEWAL_CLI_LEDGER_ARGS_H_
#define RENEWAL_CLI_LEDGER_ARGS_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "command.h"
#include "renewal/base/money.h"
#include "renewal/ledger/ledger.h"
#include "renewal/ledger/ledger_policy.h"
#include "renewal/registry/registry.h"

namespace renewal::cli {

// The value of `--name`, which the action requires.
absl::StatusOr<std::string> Need(const Args& a, std::string_view name);

// --dwelling ID, --amount YUAN, --date D.
absl::StatusOr<Index> DwellingArg(const Registry& r, const Args& a);
absl::StatusOr<Money> AmountArg(const Args& a);
absl::StatusOr<int> DateArg(const Args& a);

// --estate / --building / --entrance B/E; `fallback` when none is given.
absl::StatusOr<LedgerScope> ScopeArg(const Registry& r, const Args& a,
                                     std::optional<LedgerScope> fallback);

// --policy liuyang|national|ningbo with its parameters.
absl::StatusOr<DepositPolicy> PolicyArg(const Args& a);

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_LEDGER_ARGS_H_
