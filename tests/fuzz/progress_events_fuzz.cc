// Progress events as JSON Lines: any bytes are read; what is accepted prints back
// to the same events, and applying them to a programme (each applied or refused)
// keeps a report buildable.
#include "fuzz_support.h"
#include "renewal/progress/progress_json.h"
#include "renewal/progress/progress_report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  absl::StatusOr<std::vector<Event>> events = ParseEventJsonLines(fuzz::Text(data, size));
  if (!events.ok()) {
    fuzz::Check(!events.status().message().empty(), "a refusal says why");
    return 0;
  }
  const std::string lines = EventsToJsonLines(*events);
  absl::StatusOr<std::vector<Event>> again = ParseEventJsonLines(lines);
  fuzz::Check(again.ok(), "printed events read back");
  fuzz::Check(*again == *events, "printed events read back the same");
  fuzz::Check(EventsToJsonLines(*again) == lines, "printing is stable");
  Programme p(*GuardPreset("yueyang"));
  for (const Event& e : *events) {
    const std::size_t before = p.event_count();
    const absl::Status s = p.Apply(e);
    fuzz::Check(p.event_count() == before + (s.ok() ? 1 : 0), "a refused event changes nothing");
  }
  // Reports never crash (an overflowing sum is an error status).
  for (const char* period : {"2024-03", "2024Q1", "2024"}) {
    (void)BuildReport(p, *ParsePeriod(period), ReportLevel::kEstate);
  }
  (void)BuildReport(p, *ParsePeriod("cumulative", 20991231), ReportLevel::kDistrict);
  (void)RankDistricts(p, *ParsePeriod("2024-03"));
  return 0;
}
