// Private to the ledger area: checks shared by the fund's operations
// (ledger_ops.cc, ledger_use.cc).
#ifndef RENEWAL_SRC_LEDGER_OPS_CHECKS_H_
#define RENEWAL_SRC_LEDGER_OPS_CHECKS_H_

#include <string_view>

#include "absl/status/status.h"
#include "renewal/base/money.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace ledger_ops_internal {

inline absl::Status Positive(Money amount, std::string_view what) {
  if (amount.fen() <= 0) {
    return absl::InvalidArgumentError(
        StrCat(what, " amount: must be > 0, got ", amount.ToYuanString()));
  }
  return absl::OkStatus();
}

}  // namespace ledger_ops_internal
}  // namespace renewal

#endif  // RENEWAL_SRC_LEDGER_OPS_CHECKS_H_
