// The one JSON parser: duplicate keys refused with their path, and the usual
// mistakes named (issue "lose nothing, crash on nothing", items 4 and 7).
#include "renewal/base/json_parse.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace renewal::internal {
namespace {

using ::testing::HasSubstr;

std::string ErrorOf(std::string_view text) {
  absl::StatusOr<boost::json::value> v = ParseJson(text);
  EXPECT_FALSE(v.ok()) << text;
  EXPECT_TRUE(absl::IsInvalidArgument(v.status())) << text;
  return std::string(v.status().message());
}

TEST(ParseJson, ReadsAGoodDocument) {
  absl::StatusOr<boost::json::value> v = ParseJson(R"({"a": [1, {"b": "c"}], "d": null})");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->at("a").at(1).at("b").as_string(), "c");
}

TEST(ParseJson, DuplicateKeysAreRefusedWithTheirPath) {
  // A ballot saying agree and then disagree must not count as disagree.
  EXPECT_EQ(ErrorOf(R"({"ballots": [{"dwelling": "D1", "choice": "agree", "choice": "disagree"}]})"),
            "duplicate key \"choice\" in ballots[0] at byte 51");
  EXPECT_EQ(ErrorOf(R"({"vote": {}, "ballots": [], "vote": {}})"),
            "duplicate key \"vote\" in the document at byte 28");
  EXPECT_THAT(ErrorOf(R"({"a": [[], [{"x": 1}, {"y": 1, "y": 2}]]})"),
              HasSubstr("duplicate key \"y\" in a[1][1]"));
  // The same key in sibling objects is fine.
  EXPECT_TRUE(ParseJson(R"([{"x": 1}, {"x": 2}])").ok());
}

TEST(ParseJson, CommonMistakesAreNamed) {
  EXPECT_EQ(ErrorOf("\xEF\xBB\xBF{}"),
            "malformed JSON at byte 0: the file starts with a UTF-8 byte order mark (BOM); "
            "save it without one");
  EXPECT_EQ(ErrorOf(R"({"a": NaN})"), "malformed JSON at byte 6: NaN and Infinity are not JSON numbers");
  EXPECT_EQ(ErrorOf(R"({"a": Infinity})"),
            "malformed JSON at byte 6: NaN and Infinity are not JSON numbers");
  EXPECT_EQ(ErrorOf("{\"a\": 1 // note\n}"), "malformed JSON at byte 8: comments are not allowed in JSON");
  EXPECT_EQ(ErrorOf("{\"a\": \"\xff\"}"), "malformed JSON at byte 7: invalid UTF-8");
  EXPECT_THAT(ErrorOf(R"({"a": "\ud800"})"), HasSubstr("lone UTF-16 surrogate"));
  EXPECT_EQ(ErrorOf(R"({"a": 1,})"),
            "malformed JSON at byte 8: a trailing comma, or a value missing before it");
  EXPECT_EQ(ErrorOf(R"({"a": )"), "malformed JSON at byte 6: unexpected end of input");
}

TEST(ForEachJsonLine, SkipsBlankLinesAndCountsThem) {
  std::vector<std::pair<std::string, std::size_t>> seen;
  auto keep = [&seen](std::string_view line, std::size_t number) {
    seen.emplace_back(std::string(line), number);
    return absl::OkStatus();
  };
  // Line 2 is empty, line 3 blank with a CR, line 4 ends in CR, line 5 has no newline.
  ASSERT_TRUE(ForEachJsonLine("{\"a\":1}\n\n \t\r\n{\"b\":2}\r\n{\"c\":3}", keep).ok());
  EXPECT_EQ(seen, (std::vector<std::pair<std::string, std::size_t>>{
                      {"{\"a\":1}", 1}, {"{\"b\":2}", 4}, {"{\"c\":3}", 5}}));
  seen.clear();
  int calls = 0;
  const absl::Status s = ForEachJsonLine("1\n2\n3\n", [&calls](std::string_view, std::size_t n) {
    ++calls;
    return n == 2 ? absl::InvalidArgumentError("line 2: bad") : absl::OkStatus();
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(calls, 2);  // stops at the first error
}

}  // namespace
}  // namespace renewal::internal
