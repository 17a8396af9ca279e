// A deterministic synthetic city (docs/generator.md). The default city is shaped
// like the one in seed 003_c40c6dca2ac1fb31.txt: 1,233 estates in need of
// renovation with 16.68万 (166,800) households, in 5 districts.
//
// Same options → the identical Registry on every platform: the generator uses its
// own PRNG (xoshiro256** seeded through splitmix64) and its own integer
// distributions, never the std:: distributions (their output differs between
// standard libraries). Everything goes through RegistryBuilder, so a generated
// city passes the same validation as a loaded one.
#ifndef RENEWAL_GENERATE_H_
#define RENEWAL_GENERATE_H_

#include <cstdint>
#include <span>

#include "absl/status/statusor.h"
#include "renewal/registry/registry.h"

namespace renewal {

// splitmix64 (Steele, Lea, Flood 2014): seeds the main generator.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t state) : state_(state) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

// xoshiro256** 1.0 (Blackman, Vigna) with exact integer distributions.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  // An independent stream for (seed, stream, index), e.g. one per estate.
  Rng(std::uint64_t seed, std::uint64_t stream, std::uint64_t index);

  std::uint64_t Next();
  // Uniform in [0, n), exact (Lemire's multiply-and-reject); n > 0.
  std::uint64_t Below(std::uint64_t n);
  // Uniform in [lo, hi].
  int Between(int lo, int hi);
  // True with probability num / den.
  bool Chance(std::uint32_t num, std::uint32_t den);
  // An index drawn with the given integer weights (not all zero).
  std::size_t Pick(std::span<const std::uint32_t> weights);

 private:
  std::uint64_t s_[4];
};

struct GenerateOptions {
  std::uint64_t estates = 1233;  // seed 003: 1,233 estates
  std::uint64_t seed = 3;
  // Households per estate relative to seed 003's average (166,800 / 1,233 = 135.3),
  // in percent (30–1000); 100 keeps the average.
  std::uint32_t households_scale_pct = 100;
  // Upper bound for years given to the builder; 0 = max(current year, 2024).
  // Generated facts never depend on it.
  int current_year = 0;
};

// Total households the options ask for: estates × 166,800 / 1,233 × scale,
// rounded half up.
std::uint64_t TargetHouseholds(const GenerateOptions& options);

// InvalidArgument for 0 or more than 10,000,000 estates, a scale outside
// 30–1000 %, or more than 2^31 households.
absl::StatusOr<Registry> GenerateCity(const GenerateOptions& options = {});

}  // namespace renewal

#endif  // RENEWAL_GENERATE_H_
