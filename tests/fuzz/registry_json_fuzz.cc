// Registry JSON: any bytes load or are refused with a status; what loads writes out
// and loads again to the same document (round trip).
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  renewal::LoadOptions o;
  o.current_year = 2026;
  absl::StatusOr<Registry> r = LoadRegistryJson(fuzz::Text(data, size), o);
  if (!r.ok()) return 0;
  const std::string once = DumpRegistryJson(*r);
  absl::StatusOr<Registry> again = LoadRegistryJson(once, o);
  fuzz::Check(again.ok(), "a written registry loads");
  fuzz::Check(DumpRegistryJson(*again) == once, "the round trip is stable");
  return 0;
}
