// Eligibility policies: any bytes parse or are refused; what parses writes out and
// parses again to the same policy.
#include "fuzz_support.h"
#include "renewal/eligibility/eligibility.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  absl::StatusOr<Policy> p = ParsePolicyJson(fuzz::Text(data, size));
  if (!p.ok()) return 0;
  const std::string json = PolicyToJson(*p);
  absl::StatusOr<Policy> again = ParsePolicyJson(json);
  fuzz::Check(again.ok() && PolicyToJson(*again) == json, "a written policy reads back");
  return 0;
}
