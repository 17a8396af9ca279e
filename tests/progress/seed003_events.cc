// Prints the seed 003 programme (tests/support/progress_programmes.h) as JSON Lines,
// for the command-line test that imports it and checks the printed figures.
#include <iostream>

#include "renewal/progress/progress_json.h"
#include "support/progress_programmes.h"

int main() {
  const std::vector<renewal::Event> events = renewal::test_support::Seed003Events();
  std::cout << renewal::EventsToJsonLines(events);
  return 0;
}
