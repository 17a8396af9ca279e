// Works events, directories and programme JSON Lines: the readers never crash; what it accepts writes out to JSON that
// reads back to the same JSON; an events array reads all or nothing.
#include "fuzz_support.h"
#include "renewal/works/works_json.h"
#include "renewal/works/works_store.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  const std::string_view text = fuzz::Text(data, size);
  auto event = ParseWorksEventJson(text);
  if (event.ok()) {
    const std::string out = WorksEventToJson(*event);
    auto back = ParseWorksEventJson(out);
    fuzz::Check(back.ok() && WorksEventToJson(*back) == out, "a works event round-trips");
  }
  (void)ParseWorksEventsJson(text);
  (void)ParseWorksDirectoryJson(text);
  // JSON Lines of progress and works events: what is read writes back to lines that
  // read to the same lines.
  auto lines = ParseProgrammeJsonLines(text);
  if (lines.ok()) {
    std::string out;
    for (const ProgrammeLine& l : *lines) out += ProgrammeLineToJson(l) + "\n";
    auto back = ParseProgrammeJsonLines(out);
    std::string again;
    if (back.ok()) {
      for (const ProgrammeLine& l : *back) again += ProgrammeLineToJson(l) + "\n";
    }
    fuzz::Check(back.ok() && again == out, "programme lines round-trip");
  }
  return 0;
}
