// Shared by the libFuzzer harnesses: the small registries the readers need, loaded
// once, and a check that turns a broken promise into a crash the fuzzer reports.
#ifndef RENEWAL_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define RENEWAL_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "renewal/registry/registry_json.h"

namespace renewal::fuzz {

// A finding: prints what broke and aborts (libFuzzer saves the input).
inline void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
  }
}

// A registry from the source tree (examples/…), loaded once.
inline const Registry& SampleRegistry(const char* relative) {
  static const Registry* registry = [relative] {
    absl::StatusOr<Registry> r =
        LoadRegistryFile(std::string(RENEWAL_SOURCE_DIR) + "/" + relative);
    Check(r.ok(), "the sample registry loads");
    return new Registry(*std::move(r));
  }();
  return *registry;
}

inline std::string_view Text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace renewal::fuzz

#endif  // RENEWAL_TESTS_FUZZ_FUZZ_SUPPORT_H_
