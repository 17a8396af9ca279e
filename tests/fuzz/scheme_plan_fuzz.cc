// Estate plans and review verdicts (docs/scheme.md): neither reader crashes on any
// input; a plan it accepts is written and read back equal, and written again byte for
// byte the same; accepted verdicts name distinct, non-empty estates.
#include <set>

#include "fuzz_support.h"
#include "renewal/scheme/review.h"
#include "renewal/scheme/scheme_plan.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  const std::string_view text = fuzz::Text(data, size);
  if (absl::StatusOr<std::vector<ReviewVerdict>> v = ParseReviewVerdictsJson(text); v.ok()) {
    std::set<std::string> estates;
    for (const ReviewVerdict& x : *v) {
      fuzz::Check(!x.estate.empty(), "a verdict names its estate");
      fuzz::Check(estates.insert(x.estate).second, "each estate is reviewed once");
    }
  }
  absl::StatusOr<SchemePlan> plan = ParseSchemePlanJson(text);
  if (!plan.ok()) return 0;
  const std::string written = SchemePlanToJson(*plan);
  absl::StatusOr<SchemePlan> again = ParseSchemePlanJson(written);
  fuzz::Check(again.ok(), "a written plan reads back");
  fuzz::Check(*again == *plan, "a plan round-trips");
  fuzz::Check(SchemePlanToJson(*again) == written, "writing is stable");
  return 0;
}
