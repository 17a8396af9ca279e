// The one field reader: each typed read, both sides of its bounds, and the
// wordings (styles) the areas' messages are kept in.
#include "renewal/base/json_fields.h"

#include "gtest/gtest.h"
#include "renewal/base/json_parse.h"

namespace renewal::internal {
namespace {

json::object Obj(std::string_view text) {
  absl::StatusOr<json::value> v = ParseJson(text);
  EXPECT_TRUE(v.ok()) << text;
  return v->as_object();
}

std::string Msg(const absl::Status& s) {
  EXPECT_TRUE(absl::IsInvalidArgument(s)) << s;
  return std::string(s.message());
}

constexpr FieldStyle kScalar{.describe = &DescribeScalar,
                             .missing = "required",
                             .labels = FieldStyle::Labels::kValue};
constexpr FieldStyle kSerialized{.describe = &DescribeSerialized,
                                 .missing = "missing",
                                 .labels = FieldStyle::Labels::kValueChoices,
                                 .null_is_absent = false};

TEST(Describe, EachStyleNamesValuesItsOwnWay) {
  const json::object o = Obj(R"({"d": 1.5, "s": "a\"b", "o": {"x": 1}})");
  EXPECT_EQ(Describe(o.at("d")), "1.5");
  EXPECT_EQ(DescribeScalar(o.at("d")), "1.5E0");
  EXPECT_EQ(Describe(o.at("s")), "\"a\"b\"");
  EXPECT_EQ(DescribeSerialized(o.at("s")), "\"a\\\"b\"");
  EXPECT_EQ(DescribeScalar(o.at("o")), "an object");
  EXPECT_EQ(DescribeSerialized(o.at("o")), "{\"x\":1}");
  const std::string long_text(41, 'x');
  EXPECT_EQ(Describe(json::value(long_text)), "\"" + std::string(40, 'x') + "...\"");
  EXPECT_EQ(DescribeScalar(json::value(long_text)), "\"" + long_text + "\"");
}

TEST(Describe, TypedNamesTheKindAndCutsLongText) {
  const json::object o = Obj(R"({"s": "2000", "d": 2000.5, "u": 18446744073709551615})");
  EXPECT_EQ(DescribeTyped(o.at("s")), "a string \"2000\"");
  EXPECT_EQ(DescribeTyped(o.at("d")), "a number 2.0005E3");
  EXPECT_EQ(KindName(o.at("u")), "an integer");
  EXPECT_EQ(DescribeTyped(json::value(nullptr)), "null null");
  // 60 bytes of JSON text are kept whole; 61 become 57 and "...".
  const std::string fits(58, 'x'), cut(59, 'x');
  EXPECT_EQ(DescribeTyped(json::value(fits)), "a string \"" + fits + "\"");
  EXPECT_EQ(DescribeTyped(json::value(cut)), "a string \"" + std::string(56, 'x') + "...");
}

TEST(Fields, RangeCodeIsSetByTheStyle) {
  const json::object o = Obj(R"({"y": 1800, "z": 1900})");
  std::optional<std::int64_t> n;
  EXPECT_TRUE(absl::IsInvalidArgument(Fields(o, std::string("r")).Int("y", 1900, 2200, &n)));
  constexpr FieldStyle kRange{.range_code = absl::StatusCode::kOutOfRange};
  const absl::Status s = Fields(o, std::string("r"), kRange).Int("y", 1900, 2200, &n);
  EXPECT_TRUE(absl::IsOutOfRange(s));
  EXPECT_EQ(s.message(), "r y: must be between 1900 and 2200, got 1800");
  EXPECT_TRUE(Fields(o, std::string("r"), kRange).Int("z", 1900, 2200, &n).ok());
  EXPECT_EQ(n, 1900);
}

TEST(Fields, MissingIsWordedByTheStyle) {
  const json::object o = Obj("{}");
  std::string s;
  EXPECT_EQ(Msg(Fields(o, std::string("rec")).String("id", true, &s)),
            "rec id: required field is missing");
  EXPECT_EQ(Msg(Fields(o, std::string("rec"), kScalar).String("id", true, &s)), "rec id: required");
  EXPECT_EQ(Msg(Fields(o, std::string(""), kSerialized).String("id", true, &s)), "id: missing");
}

TEST(Fields, NullIsAbsentUnlessTheStyleSaysOtherwise) {
  const json::object o = Obj(R"({"id": null})");
  std::string s = "kept";
  EXPECT_TRUE(Fields(o, std::string("rec")).String("id", false, &s).ok());
  EXPECT_EQ(s, "");
  EXPECT_EQ(Msg(Fields(o, std::string("rec"), kSerialized).String("id", false, &s)),
            "rec id: expected a string, got null");
}

TEST(Fields, IntAtLeastBothSidesOfTheMinimum) {
  const json::object o = Obj(R"({"a": 1, "b": 0, "c": "1", "d": 18446744073709551615})");
  Fields f(o, std::string("p"), kScalar);
  std::int64_t n = 7;
  EXPECT_TRUE(f.IntAtLeast("a", 1, &n).ok());
  EXPECT_EQ(n, 1);
  EXPECT_EQ(Msg(f.IntAtLeast("b", 1, &n)), "p b: must be >= 1, got 0");
  EXPECT_EQ(Msg(f.IntAtLeast("c", 1, &n)), "p c: expected an integer, got \"1\"");
  EXPECT_EQ(Msg(f.IntAtLeast("d", 1, &n)), "p d: must be >= 1, got 18446744073709551615");
  n = 7;
  EXPECT_TRUE(f.IntAtLeast("absent", 1, &n).ok());
  EXPECT_EQ(n, 7);  // unchanged
}

TEST(Fields, YuanFromStringOrInteger) {
  const json::object o = Obj(R"({"a": "1234.56", "b": 12, "c": 1.5, "d": "1.234"})");
  Fields f(o, std::string("p"), kScalar);
  Money m;
  bool present = false;
  EXPECT_TRUE(f.Yuan("a", true, &m, &present).ok());
  EXPECT_TRUE(present);
  EXPECT_EQ(m.fen(), 123456);
  EXPECT_TRUE(f.Yuan("b", true, &m).ok());
  EXPECT_EQ(m.fen(), 1200);
  EXPECT_EQ(Msg(f.Yuan("c", true, &m)),
            "p c: expected yuan as a string like \"1234.56\" or an integer, got 1.5E0");
  EXPECT_FALSE(f.Yuan("d", true, &m).ok());  // three decimals: Money::Parse's message
  EXPECT_TRUE(f.Yuan("e", false, &m, &present).ok());
  EXPECT_FALSE(present);
  EXPECT_EQ(Msg(f.Yuan("e", true, &m)), "p e: required");
}

TEST(Fields, PercentIsRequiredAndNonNegative) {
  const json::object o = Obj(R"({"a": "12.5", "b": 65, "c": -1})");
  Fields f(o, std::string("p"), kScalar);
  Ratio r;
  EXPECT_TRUE(f.Percent("a", &r).ok());
  EXPECT_EQ(r, *Ratio::ParsePercent("12.5"));
  EXPECT_TRUE(f.Percent("b", &r).ok());
  EXPECT_EQ(r, Ratio::Percent(65));
  EXPECT_EQ(Msg(f.Percent("c", &r)),
            "p c: expected a percentage like \"65\" or \"12.5\", got -1");
  EXPECT_EQ(Msg(f.Percent("d", &r)), "p d: required");
}

TEST(Fields, EnumWordings) {
  const json::object o = Obj(R"({"a": "surveyed", "b": "x", "c": 3})");
  AreaSource e = AreaSource::kRegistered;
  bool present = false;
  Fields scalar(o, std::string("p"), kScalar);
  EXPECT_TRUE(scalar.Enum("a", true, &e, &present).ok());
  EXPECT_EQ(e, AreaSource::kSurveyed);
  EXPECT_TRUE(present);
  EXPECT_EQ(Msg(scalar.Enum("b", true, &e)), "p b: unknown value \"x\"");
  EXPECT_EQ(Msg(scalar.Enum("c", true, &e)), "p c: expected a string, got 3");
  EXPECT_EQ(Msg(scalar.Enum("d", true, &e)), "p d: required");
  EXPECT_TRUE(scalar.Enum("d", false, &e, &present).ok());
  EXPECT_FALSE(present);
  Fields choices(o, std::string("p"), kSerialized);
  EXPECT_EQ(Msg(choices.Enum("b", true, &e)),
            "p b: unknown value \"x\" (expected one of registered, surveyed, contract)");
  Fields label(o, std::string("p"));
  std::optional<AreaSource> opt;
  EXPECT_EQ(Msg(label.Enum("b", &opt)),
            "p b: unknown label \"x\" (expected one of registered surveyed contract)");
  EXPECT_EQ(Msg(label.Enum("c", &opt)), "p c: expected a label string, got 3");
}

TEST(Fields, EnumMaskNamesTheElement) {
  const json::object o = Obj(R"({"a": ["registered", "contract"], "b": ["surveyed", "x"]})");
  Fields f(o, std::string("p"), kScalar);
  std::uint32_t mask = 0;
  EXPECT_TRUE(f.EnumMask<AreaSource>("a", &mask).ok());
  EXPECT_EQ(mask, 0b101u);
  EXPECT_EQ(Msg(f.EnumMask<AreaSource>("b", &mask)), "p b[1]: unknown value \"x\"");
}

TEST(Fields, OnlyKeysAndNoUnknownFields) {
  const json::object o = Obj(R"({"a": 1, "zz": 2})");
  Fields f(o, std::string("p"));
  EXPECT_TRUE(f.OnlyKeys({"a", "zz"}).ok());
  EXPECT_EQ(Msg(f.OnlyKeys({"a"})), "p zz: unknown field");
  std::optional<std::int64_t> n;
  EXPECT_TRUE(f.Int("a", 0, 9, &n).ok());
  EXPECT_EQ(Msg(f.NoUnknownFields()), "p zz: unknown field");
}

TEST(Fields, ElementIsNamedByIndexAndId) {
  const json::object o = Obj(R"({"items": [{"id": "I-1", "n": 0}, {}, 5]})");
  const json::array& a = o.at("items").as_array();
  absl::StatusOr<Fields> first = Fields::Element(a[0], "items", 0, kScalar);
  ASSERT_TRUE(first.ok());
  std::int64_t n = 0;
  EXPECT_EQ(Msg(first->IntAtLeast("n", 1, &n)), "items[0] \"I-1\" n: must be >= 1, got 0");
  absl::StatusOr<Fields> second = Fields::Element(a[1], "items", 1);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->path(), "items[1] \"\"");
  EXPECT_EQ(Msg(Fields::Element(a[2], "items", 2).status()), "items[2]: expected an object, got 5");
}

}  // namespace
}  // namespace renewal::internal
