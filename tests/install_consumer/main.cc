// A downstream program built against an installed renewal.
#include <iostream>

#include "renewal/registry/registry_json.h"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  absl::StatusOr<renewal::Registry> r = renewal::LoadRegistryFile(argv[1]);
  if (!r.ok()) {
    std::cerr << r.status() << "\n";
    return 1;
  }
  std::cout << r->estate_count() << " estates, " << r->dwelling_count() << " dwellings\n";
  return 0;
}
