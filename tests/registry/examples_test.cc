// The bundled sample city is exactly what the generator makes: regenerating it with
// the documented command reproduces the file byte for byte.
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"
#include "renewal/registry/generate.h"
#include "renewal/registry/registry_json.h"

namespace renewal {
namespace {

TEST(Examples, SmallCityIsTheGeneratorsOutput) {
  // examples/small_city.json = `renewal generate --estates 40 --seed 3`
  GenerateOptions options;
  options.estates = 40;
  options.seed = 3;
  absl::StatusOr<Registry> generated = GenerateCity(options);
  ASSERT_TRUE(generated.ok()) << generated.status();

  std::ifstream in(RENEWAL_SOURCE_DIR "/examples/small_city.json", std::ios::binary);
  std::stringstream file;
  file << in.rdbuf();
  EXPECT_EQ(DumpRegistryJson(*generated), file.str());

  absl::StatusOr<Registry> loaded =
      LoadRegistryFile(RENEWAL_SOURCE_DIR "/examples/small_city.json");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_TRUE(*loaded == *generated);
  EXPECT_EQ(loaded->estate_count(), 40u);
  EXPECT_LE(file.str().size(), 5u << 20);  // the bound for bundled data
}

}  // namespace
}  // namespace renewal
