// pabulib .pb files: any bytes read or are refused with a status; a menu that reads
// writes out and reads back to the same file.
#include "fuzz_support.h"
#include "renewal/plan/pabulib.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  absl::StatusOr<MenuInput> menu = ParsePabulib(fuzz::Text(data, size));
  if (!menu.ok()) return 0;
  const std::string once = MenuToPabulib(*menu);
  absl::StatusOr<MenuInput> again = ParsePabulib(once);
  fuzz::Check(again.ok(), "a written .pb file reads back");
  fuzz::Check(MenuToPabulib(*again) == once, "the .pb round trip is stable");
  return 0;
}
