// Planning documents: projects, facts, plan options, menus (first byte picks).
#include "fuzz_support.h"
#include "renewal/plan/plan_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  if (size == 0) return 0;
  const std::string_view text = fuzz::Text(data + 1, size - 1);
  switch (data[0] % 5) {
    case 0: (void)ParseProjectsJson(text); break;
    case 1: (void)ParseFactsJson(text); break;
    case 2: (void)ParsePlanOptionsJson(text, PlanOptions{}); break;
    case 3: (void)ParsePlanKeywordsJson(text, PlanOptions{}); break;
    default: (void)ParseMenuJson(text);
  }
  return 0;
}
