// Works events and directories: the readers never crash; what it accepts writes out to JSON that
// reads back to the same JSON; an events array reads all or nothing.
#include "fuzz_support.h"
#include "renewal/works/works_json.h"

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
  return 0;
}
