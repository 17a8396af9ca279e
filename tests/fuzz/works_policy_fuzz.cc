// The works policy reader never crashes; a policy it accepts writes out to JSON that
// reads back to the same policy and the same JSON.
#include "fuzz_support.h"
#include "renewal/works/works_policy_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  auto policy = ParseWorksPolicyJson(fuzz::Text(data, size));
  if (policy.ok()) {
    const std::string out = WorksPolicyToJson(*policy);
    auto back = ParseWorksPolicyJson(out);
    fuzz::Check(back.ok() && *back == *policy && WorksPolicyToJson(*back) == out,
                "a works policy round-trips");
  }
  return 0;
}
