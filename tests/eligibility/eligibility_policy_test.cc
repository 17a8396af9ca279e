// JSON policies: parsing, round trips of the presets, and errors that name the
// rule index and field.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "renewal/eligibility/eligibility.h"

namespace renewal {
namespace {

using ::testing::HasSubstr;

TEST(PolicyJson, ParsesEveryKind) {
  const absl::StatusOr<Policy> p = ParsePolicyJson(R"({
    "name": "custom", "zh": "自定义", "en": "custom",
    "rules": [
      {"kind": "built_no_later_than", "year": 1995},
      {"kind": "flag", "flag": "urban_village", "required": false},
      {"kind": "flag", "id": "lift", "flag": "有电梯", "required": true},
      {"kind": "no_demolition_plan", "within_years": 3},
      {"kind": "no_demolition_plan", "id": "no_plan_at_all"},
      {"kind": "no_recent_renovation", "years": 10, "source": "local rule"},
      {"kind": "illegal_structures_at_most", "level": "partly_removed"},
      {"kind": "owners_committee_or_self_governance", "zh": "有自治组织"},
      {"kind": "willingness_at_least", "min_share": "2/3"},
      {"kind": "willingness_at_least", "id": "w80", "min_pct": 80},
      {"kind": "willingness_at_least", "id": "w665", "min_pct": "66.5"},
      {"kind": "basic_facilities_deficient"}
    ]})");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->name, "custom");
  ASSERT_EQ(p->rules.size(), 12u);
  EXPECT_EQ(p->rules[0].id, "built_no_later_than");
  EXPECT_EQ(p->rules[0].year, 1995);
  EXPECT_EQ(p->rules[1].id, "urban_village");
  EXPECT_EQ(p->rules[1].flag, EstateFlag::kUrbanVillage);
  EXPECT_FALSE(p->rules[1].required);
  EXPECT_EQ(p->rules[2].flag, EstateFlag::kHasElevator);  // Chinese label accepted
  EXPECT_EQ(p->rules[3].years, 3);
  EXPECT_EQ(p->rules[4].years, 0);
  EXPECT_EQ(p->rules[5].years, 10);
  EXPECT_EQ(p->rules[5].source, "local rule");
  EXPECT_EQ(p->rules[6].max_illegal, IllegalStructures::kPartlyRemoved);
  EXPECT_EQ(p->rules[7].zh, "有自治组织");
  EXPECT_EQ(p->rules[8].share_num, 2);
  EXPECT_EQ(p->rules[8].share_den, 3);
  EXPECT_EQ(p->rules[9].share_num, 80);
  EXPECT_EQ(p->rules[9].share_den, 100);
  EXPECT_EQ(p->rules[10].share_num, 665);  // 66.5% = 665/1000
  EXPECT_EQ(p->rules[10].share_den, 1000);
}

TEST(PolicyJson, PresetsRoundTrip) {
  for (std::string_view name : PresetPolicyNames()) {
    SCOPED_TRACE(std::string(name));
    const Policy preset = *PresetPolicy(name);
    const absl::StatusOr<Policy> back = ParsePolicyJson(PolicyToJson(preset));
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, preset);
  }
}

TEST(PolicyJson, ExtendsAPreset) {
  const absl::StatusOr<Policy> p = ParsePolicyJson(
      R"({"name": "national+", "extends": "national_2020",
          "rules": [{"kind": "willingness_at_least", "min_pct": 80}]})");
  ASSERT_TRUE(p.ok()) << p.status();
  ASSERT_EQ(p->rules.size(), 6u);
  EXPECT_EQ(p->rules[0].id, "built_by_2000");
  EXPECT_EQ(p->rules[5].kind, RuleKind::kWillingnessAtLeast);
}

TEST(PolicyJson, ResolveNameOrText) {
  EXPECT_EQ(ResolvePolicy("yueyang")->name, "yueyang");
  EXPECT_EQ(ResolvePolicy("  {\"name\":\"x\",\"rules\":[{\"kind\":\"basic_facilities_deficient\"}]}")
                ->name,
            "x");
  EXPECT_EQ(ResolvePolicy("nope").status().code(), absl::StatusCode::kNotFound);
}

struct BadCase {
  const char* json;
  absl::StatusCode code;
  const char* message;  // exact
};

TEST(PolicyJson, ErrorsNameTheRuleAndField) {
  using C = absl::StatusCode;
  const BadCase cases[] = {
      {R"({"name": "x", "rules": [)", C::kInvalidArgument,
       "policy: malformed JSON at byte 24: unexpected end of input"},
      {R"({"name": "x", "rules": [} )", C::kInvalidArgument,
       "policy: malformed JSON at byte 24: a trailing comma, or a value missing before it"},
      {R"([1])", C::kInvalidArgument, "policy: expected an object, got an array"},
      {R"({"rules": [{"kind": "basic_facilities_deficient"}]})", C::kInvalidArgument,
       "name: missing required field (a non-empty string)"},
      {R"({"name": "x"})", C::kInvalidArgument,
       "rules: missing required field (or give \"extends\")"},
      {R"({"name": "x", "rules": []})", C::kInvalidArgument,
       "rules: a policy needs at least one rule"},
      {R"({"name": "x", "rulez": []})", C::kInvalidArgument, "rulez: unknown field"},
      {R"({"name": "x", "rules": [{"kind": "basic_facilities_deficient"}, {"year": 2000}]})",
       C::kInvalidArgument, "rules[1] kind: missing required field"},
      {R"({"name": "x", "rules": [{"kind": "built_before"}]})", C::kInvalidArgument,
       "rules[0] kind: unknown rule kind \"built_before\" (one of built_no_later_than, flag, "
       "no_demolition_plan, no_recent_renovation, illegal_structures_at_most, "
       "owners_committee_or_self_governance, willingness_at_least, basic_facilities_deficient)"},
      {R"({"name": "x", "rules": [{"kind": "built_no_later_than", "year": "2000"}]})",
       C::kInvalidArgument, "rules[0] year: expected an integer, got a string \"2000\""},
      {R"({"name": "x", "rules": [{"kind": "built_no_later_than", "year": 2000.5}]})",
       C::kInvalidArgument, "rules[0] year: expected an integer, got a number 2.0005E3"},
      {R"({"name": "x", "rules": [{"kind": "built_no_later_than", "year": 1800}]})",
       C::kOutOfRange, "rules[0] year: must be between 1900 and 2200, got 1800"},
      {R"({"name": "x", "rules": [{"kind": "built_no_later_than"}]})", C::kInvalidArgument,
       "rules[0] year: missing required field for rule kind \"built_no_later_than\""},
      {R"({"name": "x", "rules": [{"kind": "built_no_later_than", "year": 2000, "yaer": 1}]})",
       C::kInvalidArgument,
       "rules[0] yaer: unknown field for rule kind \"built_no_later_than\""},
      {R"({"name": "x", "rules": [{"kind": "flag", "flag": "haunted", "required": false}]})",
       C::kInvalidArgument, "rules[0] flag: unknown flag \"haunted\""},
      {R"({"name": "x", "rules": [{"kind": "flag", "flag": "urban_village"}]})",
       C::kInvalidArgument, "rules[0] required: missing required field for rule kind \"flag\""},
      {R"({"name": "x", "rules": [{"kind": "flag", "flag": "urban_village", "required": 0}]})",
       C::kInvalidArgument, "rules[0] required: expected a boolean, got an integer 0"},
      {R"({"name": "x", "rules": [{"kind": "no_recent_renovation", "years": 0}]})",
       C::kOutOfRange, "rules[0] years: must be between 1 and 100, got 0"},
      {R"({"name": "x", "rules": [{"kind": "illegal_structures_at_most", "level": "unknown"}]})",
       C::kInvalidArgument,
       "rules[0] level: unknown level \"unknown\" (none, largely_removed, partly_removed, "
       "widespread)"},
      {R"({"name": "x", "rules": [{"kind": "willingness_at_least", "min_share": "3/2"}]})",
       C::kInvalidArgument,
       "rules[0] min_share: expected a fraction \"a/b\" with 0 <= a <= b <= 1000000, got \"3/2\""},
      {R"({"name": "x", "rules": [{"kind": "willingness_at_least", "min_pct": 66.67}]})",
       C::kInvalidArgument, "rules[0] min_pct: expected an integer, got a number 6.667E1"},
      {R"({"name": "x", "rules": [{"kind": "willingness_at_least", "min_pct": "100.5"}]})",
       C::kInvalidArgument,
       "rules[0] min_pct: expected a percentage 0..100 with at most 4 decimals, got \"100.5\""},
      {R"({"name": "x", "rules": [{"kind": "willingness_at_least"}]})", C::kInvalidArgument,
       "rules[0] min_share: give exactly one of min_share and min_pct"},
      {R"({"name": "x", "rules": [{"kind": "basic_facilities_deficient"},
                                  {"kind": "basic_facilities_deficient"}]})",
       C::kAlreadyExists, "rules[1] id: duplicate rule id \"basic_facilities_deficient\""},
      {R"({"name": "x", "rules": [{"kind": "basic_facilities_deficient", "id": ""}]})",
       C::kInvalidArgument, "rules[0] id: must not be empty"},
      {R"({"name": "x", "rules": ["built"]})", C::kInvalidArgument,
       "rules[0]: expected an object, got a string \"built\""},
      {R"({"name": "x", "extends": "beijing"})", C::kNotFound,
       "extends: no preset named \"beijing\""},
  };
  for (const BadCase& c : cases) {
    SCOPED_TRACE(c.json);
    const absl::StatusOr<Policy> p = ParsePolicyJson(c.json);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.status().code(), c.code);
    EXPECT_EQ(p.status().message(), c.message);
  }
}

}  // namespace
}  // namespace renewal
