// End to end through the `renewal` binary: generate → screen → summary, JSON
// output, and one-line errors with exit code 1. Skipped when the CLI was not built.
#include <sys/wait.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    cli_ = std::string(RENEWAL_BINARY_DIR) + "/renewal";
    if (!std::filesystem::exists(cli_)) GTEST_SKIP() << "no CLI at " << cli_;
    dir_ = std::filesystem::temp_directory_path() /
           ("renewal_generate_cli_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }

  CliRun Exec(const std::string& args) {
    const std::string err_path = (dir_ / "stderr.txt").string();
    const std::string command = cli_ + " " + args + " 2>" + err_path;
    CliRun r;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return r;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
    const int status = ::pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(err_path);
    std::stringstream ss;
    ss << err.rdbuf();
    r.err = ss.str();
    return r;
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  std::string cli_;
  std::filesystem::path dir_;
};

TEST_F(Cli, GenerateScreenSummary) {
  const std::string city = Path("city.json");
  CliRun r = Exec("generate --estates 12 --seed 4 -o " + city);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("12 个小区"));
  EXPECT_THAT(r.out, HasSubstr(std::to_string(1623) + " 户，"));  // 12×166800/1233 = 1623.4

  // Same seed → byte-identical file.
  const std::string again = Path("again.json");
  ASSERT_EQ(Exec("generate --estates 12 --seed 4 --output " + again).exit_code, 0);
  std::ifstream a(city), b(again);
  std::stringstream sa, sb;
  sa << a.rdbuf();
  sb << b.rdbuf();
  EXPECT_EQ(sa.str(), sb.str());

  r = Exec("screen " + city + " --policy yueyang --year 2024");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("政策：岳阳市城区老旧小区改造范围，评估年份：2024年\n"
                                "小区 12 个："));
  EXPECT_THAT(r.out, HasSubstr("小区编号"));
  EXPECT_THAT(r.out, HasSubstr("E000012"));

  r = Exec("screen " + city + " --policy national_2020 --year 2024 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("{\"policy\":{\"name\":\"national_2020\""));
  EXPECT_THAT(r.out, HasSubstr("\"year\":2024,\"counts\":{\"estates\":12,"));

  r = Exec("screen " + city + " --policy yueyang --year 2024 --estate E000001");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("2000年（含）以前建成：实际 "));

  r = Exec("summary " + city + " --policy xiangtan_competitive --year 2024");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("区      小区数"));
  EXPECT_THAT(r.out, HasSubstr("合计"));

  r = Exec("summary " + city + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"total\":{\"district_id\":null,\"district\":\"合计\",\"estates\":12,"));

  // A custom policy file.
  const std::string policy = Path("policy.json");
  std::ofstream(policy) << R"({"name": "old", "rules": [{"kind": "built_no_later_than", "year": 1990}]})";
  r = Exec("screen " + city + " --policy " + policy + " --year 2024 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("{\"policy\":{\"name\":\"old\""));
}

TEST_F(Cli, ErrorsAreOneLineExitOne) {
  const std::string city = Path("city.json");
  ASSERT_EQ(Exec("generate --estates 3 -o " + city).exit_code, 0);
  const std::string policy = Path("bad.json");
  std::ofstream(policy) << R"({"name": "x", "rules": [{"kind": "flag", "flag": "urban_village"}]})";
  struct Case {
    std::string args;
    std::string err;
  };
  const Case cases[] = {
      {"generate --estates 0", "renewal generate: --estates: must be between 1 and 10000000, got 0\n"},
      {"generate --estates x", "renewal generate: --estates: expected an integer, got \"x\"\n"},
      {"generate --households-scale 5", "renewal generate: --households-scale: must be between 30 and 1000, got 5\n"},
      {"screen " + city, "renewal screen: --policy: required (national_2020, yueyang, xiangtan_competitive or a JSON file)\n"},
      {"screen " + city + " --policy beijing",
       "renewal screen: policy: \"beijing\" is neither a preset (national_2020, yueyang, "
       "xiangtan_competitive) nor a readable file\n"},
      {"screen " + city + " --policy " + policy,
       "renewal screen: " + policy + ": rules[0] required: missing required field for rule kind \"flag\"\n"},
      {"screen " + city + " --policy yueyang --estate E999", "renewal screen: --estate: no estate with id \"E999\"\n"},
      {"summary " + city + " --year 1800", "renewal summary: --year: must be between 1900 and 2200, got 1800\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args);
    const CliRun r = Exec(c.args);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, c.err);
    EXPECT_EQ(r.out, "");
  }
  const CliRun missing = Exec("summary " + Path("missing.json"));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, StartsWith("renewal summary: "));
  EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1);
}

}  // namespace
