// Writes the vote benchmark's synthetic city (bench/vote_city.h) as .npy columns,
// counts every vote with the Tallier as BM_CountCity does (one box per estate, no
// breakdown), and writes the per-vote results and the CPU time of the count, so
// that examples/votes/pandas_tally.py can run a pandas tally on the identical data,
// check it against these results vote by vote, and report the time ratio.
//
//   vote_dump OUT_DIR [--estates N] [--repeats R]
//
// N defaults to RENEWAL_VOTE_BENCH_ESTATES, else 21,900 (1/10 national). Files in
// OUT_DIR (little-endian, one value per dwelling / co-owner row / ballot / vote):
//   dwelling_estate <i4, dwelling_area <i4 (0.01 m²), dwelling_owner <i4 (first
//   owner, -1: none), dwelling_sale <u1 (SaleState: 0 owned, 1 developer_unsold,
//   2 sold_undelivered); co_owner_dwelling <i4, co_owner_owner <i4 (the registry's
//   further owners); ballot_dwelling <i4 (-1: unknown), ballot_choice <u1 (0 agree,
//   1 disagree, 2 abstain), ballot_time <i8, ballot_owner <i4 (-1: not named, -2:
//   not in the registry); vote_ballot_start <i8 (vote e counts ballots
//   [start[e], start[e + 1]) over estate e); result_* <i8 and result_passed <u1;
//   meta.json (scale, window, rule, timings).
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "renewal/registry/registry.h"
#include "renewal/votes/vote.h"
#include "vote_city.h"

namespace renewal {
namespace {

double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double WallSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// NumPy format 1.0: magic, version, header length, a dict padded with spaces to a
// 128-byte header (a multiple of the 64 the format asks for), then the raw data.
template <class T>
bool WriteNpy(const std::string& path, const char* descr, const std::vector<T>& data) {
  std::string dict = std::string("{'descr': '") + descr + "', 'fortran_order': False, 'shape': (" +
                     std::to_string(data.size()) + ",), }";
  constexpr std::size_t kHeader = 128;
  constexpr std::size_t kPrefix = 10;  // magic (6) + version (2) + length (2)
  if (dict.size() + 1 > kHeader - kPrefix) return false;
  dict.append(kHeader - kPrefix - dict.size() - 1, ' ');
  dict.push_back('\n');
  std::ofstream out(path, std::ios::binary);
  const char magic[8] = {'\x93', 'N', 'U', 'M', 'P', 'Y', 1, 0};
  const auto len = static_cast<std::uint16_t>(dict.size());
  const char len_le[2] = {static_cast<char>(len & 0xff), static_cast<char>(len >> 8)};
  out.write(magic, 8);
  out.write(len_le, 2);
  out.write(dict.data(), static_cast<std::streamsize>(dict.size()));
  out.write(reinterpret_cast<const char*>(data.data()),
            static_cast<std::streamsize>(data.size() * sizeof(T)));
  return static_cast<bool>(out);
}

std::int32_t Signed(Index i) {
  if (i == kNoIndex) return -1;
  if (i == kUnknownOwner) return -2;
  return static_cast<std::int32_t>(i);
}

int Usage() {
  std::cerr << "usage: vote_dump OUT_DIR [--estates N] [--repeats R]\n";
  return 2;
}

int Run(int argc, char** argv) {
  if (argc < 2) return Usage();
  const std::string dir = argv[1];
  const char* env = std::getenv("RENEWAL_VOTE_BENCH_ESTATES");
  long estates = env ? std::atol(env) : 21'900;
  long repeats = 3;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if ((a == "--estates" || a == "--repeats") && i + 1 < argc) {
      char* end = nullptr;
      errno = 0;
      const long v = std::strtol(argv[++i], &end, 10);
      if (errno != 0 || *end != '\0' || v < 1) {
        std::cerr << "vote_dump: " << a << ": expected a positive integer, got \"" << argv[i] << "\"\n";
        return 2;
      }
      (a == "--estates" ? estates : repeats) = v;
    } else {
      return Usage();
    }
  }
  if (estates < 1 || estates > 1'000'000) {
    std::cerr << "vote_dump: estates: expected 1 .. 1000000, got " << estates << "\n";
    return 2;
  }

  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::cerr << "vote_dump: cannot create " << dir << ": " << ec.message() << "\n";
    return 1;
  }
  const double build_start = WallSeconds();
  City* city = MakeCity(static_cast<int>(estates), kPerEstate);  // freed at exit
  const double build_seconds = WallSeconds() - build_start;
  const Registry& r = city->registry;

  // The count, timed as BM_CountCity: one box per estate, no breakdown.
  Tallier tallier(r);
  const TallyOptions options{false, false};
  const std::size_t votes = city->votes.size();
  std::vector<std::int64_t> area_total(votes), area_part(votes), area_agree(votes);
  std::vector<std::int64_t> heads_total(votes), heads_part(votes), heads_agree(votes);
  std::vector<std::uint8_t> passed(votes);
  double best_cpu = 1e300, best_wall = 1e300;
  std::int64_t passed_count = 0;
  for (long rep = 0; rep < repeats; ++rep) {
    const double cpu0 = CpuSeconds(), wall0 = WallSeconds();
    passed_count = 0;
    for (std::size_t e = 0; e < votes; ++e) {
      absl::StatusOr<VoteOutcome> out = tallier.Count(city->votes[e], city->boxes[e], options);
      if (!out.ok()) {
        std::cerr << "vote_dump: vote " << e << ": " << out.status() << "\n";
        return 1;
      }
      const VoteTotals& t = out->totals;
      area_total[e] = t.area_total;
      area_part[e] = t.area_participating;
      area_agree[e] = t.area_agree;
      heads_total[e] = t.heads_total;
      heads_part[e] = t.heads_participating;
      heads_agree[e] = t.heads_agree;
      passed[e] = out->passed ? 1 : 0;
      passed_count += out->passed ? 1 : 0;
    }
    best_cpu = std::min(best_cpu, CpuSeconds() - cpu0);
    best_wall = std::min(best_wall, WallSeconds() - wall0);
  }

  // Registry columns the tally needs.
  const DwellingColumns& c = r.dwellings();
  const std::size_t n = r.dwelling_count();
  std::vector<std::int32_t> estate(n), area(n), owner(n);
  std::vector<std::uint8_t> sale(n);
  for (Index e = 0; e < r.estate_count(); ++e) {
    const auto [first, count] = r.DwellingRangeOfEstate(e);
    for (Index d = first; d < first + count; ++d) estate[d] = static_cast<std::int32_t>(e);
  }
  for (std::size_t d = 0; d < n; ++d) {
    area[d] = static_cast<std::int32_t>(c.area_centi[d]);
    owner[d] = Signed(c.owner[d]);
    sale[d] = static_cast<std::uint8_t>(c.sale_state[d]);
  }
  std::vector<std::int32_t> co_dwelling, co_owner;
  for (const auto& [d, o] : c.co_owners) {
    co_dwelling.push_back(static_cast<std::int32_t>(d));
    co_owner.push_back(static_cast<std::int32_t>(o));
  }
  // The ballots in vote order (the concatenation of the per-estate boxes).
  const BallotBox& all = city->all;
  std::vector<std::int32_t> b_dwelling(all.size()), b_owner(all.size());
  std::vector<std::uint8_t> b_choice(all.size());
  std::vector<std::int64_t> b_time(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    b_dwelling[i] = Signed(all.dwelling(i));
    b_choice[i] = static_cast<std::uint8_t>(all.choice(i));
    b_time[i] = all.time(i);
    b_owner[i] = Signed(all.owner(i));
  }
  std::vector<std::int64_t> starts(city->starts.begin(), city->starts.end());

  bool ok = true;
  auto path = [&dir](const char* name) { return dir + "/" + name + ".npy"; };
  ok = ok && WriteNpy(path("dwelling_estate"), "<i4", estate);
  ok = ok && WriteNpy(path("dwelling_area"), "<i4", area);
  ok = ok && WriteNpy(path("dwelling_owner"), "<i4", owner);
  ok = ok && WriteNpy(path("dwelling_sale"), "|u1", sale);
  ok = ok && WriteNpy(path("co_owner_dwelling"), "<i4", co_dwelling);
  ok = ok && WriteNpy(path("co_owner_owner"), "<i4", co_owner);
  ok = ok && WriteNpy(path("ballot_dwelling"), "<i4", b_dwelling);
  ok = ok && WriteNpy(path("ballot_choice"), "|u1", b_choice);
  ok = ok && WriteNpy(path("ballot_time"), "<i8", b_time);
  ok = ok && WriteNpy(path("ballot_owner"), "<i4", b_owner);
  ok = ok && WriteNpy(path("vote_ballot_start"), "<i8", starts);
  ok = ok && WriteNpy(path("result_area_total"), "<i8", area_total);
  ok = ok && WriteNpy(path("result_area_participating"), "<i8", area_part);
  ok = ok && WriteNpy(path("result_area_agree"), "<i8", area_agree);
  ok = ok && WriteNpy(path("result_heads_total"), "<i8", heads_total);
  ok = ok && WriteNpy(path("result_heads_participating"), "<i8", heads_part);
  ok = ok && WriteNpy(path("result_heads_agree"), "<i8", heads_agree);
  ok = ok && WriteNpy(path("result_passed"), "|u1", passed);
  const Vote& v0 = city->votes.front();
  std::ofstream meta(dir + "/meta.json");
  meta << "{\"estates\": " << estates << ", \"dwellings\": " << n << ", \"owners\": " << r.owner_count()
       << ", \"ballots\": " << all.size() << ", \"votes\": " << votes << ", \"opens\": " << v0.opens
       << ", \"closes\": " << v0.closes << ", \"rule\": \"" << v0.rule.name
       << "\", \"passed\": " << passed_count << ", \"repeats\": " << repeats
       << ", \"cpp_cpu_seconds\": " << best_cpu << ", \"cpp_wall_seconds\": " << best_wall
       << ", \"build_wall_seconds\": " << build_seconds << "}\n";
  ok = ok && static_cast<bool>(meta);
  if (!ok) {
    std::cerr << "vote_dump: cannot write to " << dir << ": " << std::strerror(errno) << "\n";
    return 1;
  }
  std::printf("estates=%ld dwellings=%zu ballots=%zu votes=%zu passed=%lld cpp_cpu_seconds=%.4f "
              "cpp_wall_seconds=%.4f ns_per_ballot=%.1f\n",
              estates, n, all.size(), votes, static_cast<long long>(passed_count), best_cpu,
              best_wall, best_cpu / static_cast<double>(all.size()) * 1e9);
  return 0;
}

}  // namespace
}  // namespace renewal

int main(int argc, char** argv) { return renewal::Run(argc, argv); }
