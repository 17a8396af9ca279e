// Estate plans (docs/scheme.md): the reader never crashes; a plan it accepts is
// written and read back equal, and written again byte for byte the same.
#include "fuzz_support.h"
#include "renewal/scheme/scheme_plan.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  absl::StatusOr<SchemePlan> plan = ParseSchemePlanJson(fuzz::Text(data, size));
  if (!plan.ok()) return 0;
  const std::string written = SchemePlanToJson(*plan);
  absl::StatusOr<SchemePlan> again = ParseSchemePlanJson(written);
  fuzz::Check(again.ok(), "a written plan reads back");
  fuzz::Check(*again == *plan, "a plan round-trips");
  fuzz::Check(SchemePlanToJson(*again) == written, "writing is stable");
  return 0;
}
