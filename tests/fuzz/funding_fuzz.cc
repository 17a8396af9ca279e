// Funding documents: cost plans, funding policies, financing cases (first byte picks).
#include "fuzz_support.h"
#include "renewal/funding/funding_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  if (size == 0) return 0;
  const std::string_view text = fuzz::Text(data + 1, size - 1);
  switch (data[0] % 3) {
    case 0: (void)ParseCostPlanJson(text); break;
    case 1: (void)ParseFundingPolicyJson(text); break;
    default: (void)ParseFinancingCaseJson(text);
  }
  return 0;
}
