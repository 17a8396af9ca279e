// The command line (command.h): a test command registered in this binary, run
// through RunMain as `renewal` would run it. Exit codes: 0, 1 data, 2 usage.
#include "command.h"

#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace renewal::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// `echo FILE [--count N] [--loud] [--json]`: prints what it was given; FILE "bad"
// is a data error, two FILEs a usage error.
absl::Status Echo(const Args& a, std::ostream& out) {
  if (a.positional().size() != 1) return UsageError("usage: renewal echo FILE");
  if (a.positional()[0] == "bad") {
    return absl::InvalidArgumentError("bad: records[3] \"R-3\" size: must be > 0, got \"-1\"");
  }
  long long count = 0;
  if (absl::Status s = a.IntOption("count", 1, &count); !s.ok()) return s;
  out << a.positional()[0] << " " << count << (a.flag("loud") ? " loud" : "") << "\n";
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "echo",
     .usage = "echo FILE [--count N] [--loud] [--json]",
     .summary = "a test command",
     .options = {{"--count", "N", "how many", "1"}, {"--loud", "", "shout", ""}, JsonOption()},
     .run = Echo,
     .positionals = "FILE: anything",
     .example = "echo x --count 2",
     .actions = {}});

struct CliRun {
  int code;
  std::string out, err;
};

CliRun Main(std::vector<std::string> args) {
  args.insert(args.begin(), "renewal");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  const int code = RunMain(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

TEST(RunMain, PassesOptionsFlagsAndPositionals) {
  const CliRun r = Main({"echo", "x", "--count", "3", "--loud"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "x 3 loud\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(Main({"echo", "--count=4", "x"}).out, "x 4\n");
  EXPECT_EQ(Main({"echo", "x", "--count", "4", "--count", "5"}).out, "x 5\n");  // the last wins
  EXPECT_EQ(Main({"echo", "-"}).out, "- 1\n");  // "-" is an argument, not an option
}

TEST(RunMain, HelpNamesEveryOptionWithDefaultAndExample) {
  for (const char* h : {"--help", "-h"}) {
    const CliRun r = Main({"echo", h});
    EXPECT_EQ(r.code, 0) << h;
    EXPECT_THAT(r.out, HasSubstr("usage: renewal echo FILE"));
    EXPECT_THAT(r.out, HasSubstr("--count N"));
    EXPECT_THAT(r.out, HasSubstr("(default: 1)"));
    EXPECT_THAT(r.out, HasSubstr("--loud"));
    EXPECT_THAT(r.out, HasSubstr("--json"));
    EXPECT_THAT(r.out, HasSubstr("renewal echo x --count 2"));
  }
  const CliRun top = Main({"--help"});
  EXPECT_EQ(top.code, 0);
  EXPECT_THAT(top.out, HasSubstr("echo FILE [--count N] [--loud] [--json]\n      a test command"));
  EXPECT_THAT(top.out, HasSubstr("Exit codes: 0 success"));
}

TEST(RunMain, UsageErrorsExitTwoNamingTheArgument) {
  CliRun r = Main({"echo", "x", "--conut", "3"});  // misspelt: was silently ignored
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, StartsWith("renewal echo: "));
  EXPECT_THAT(r.err, HasSubstr("--conut"));
  EXPECT_EQ(r.out, "");
  r = Main({"echo", "x", "--count"});  // no value
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("--count"));
  r = Main({"echo", "x", "y"});  // the command's own usage check
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "renewal echo: usage: renewal echo FILE\n");
  r = Main({"ehco"});
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown command \"ehco\""));
  EXPECT_EQ(Main({}).code, 2);
}

TEST(RunMain, DataErrorsExitOneOnOneLine) {
  const CliRun r = Main({"echo", "bad"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "renewal echo: bad: records[3] \"R-3\" size: must be > 0, got \"-1\"\n");
  EXPECT_EQ(Main({"echo", "x", "--count", "many"}).code, 1);
}

TEST(RunMain, JsonErrorsAreOneObject) {
  CliRun r = Main({"echo", "bad", "--json"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err,
            "{\"error\": {\"code\": \"INVALID_ARGUMENT\", \"message\": \"bad: records[3] "
            "\\\"R-3\\\" size: must be > 0, got \\\"-1\\\"\"}}\n");
  r = Main({"echo", "x", "--conut", "--json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, StartsWith("{\"error\": {\"code\": \"INVALID_ARGUMENT\", \"message\": \""));
  EXPECT_THAT(r.err, HasSubstr("--conut"));
}

TEST(RunMain, VersionIsTheProjectVersion) {
  const CliRun r = Main({"--version"});
  EXPECT_EQ(r.code, 0);
  EXPECT_THAT(r.out, testing::MatchesRegex("[0-9]+\\.[0-9]+\\.[0-9]+\n"));
}

TEST(UsageError, IsMarkedAndKeepsTheMessage) {
  const absl::Status s = UsageError("usage: renewal x");
  EXPECT_TRUE(IsUsageError(s));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "usage: renewal x");
  EXPECT_FALSE(IsUsageError(absl::InvalidArgumentError("usage: renewal x")));
}

}  // namespace
}  // namespace renewal::cli
