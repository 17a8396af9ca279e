// The registry JSON format: round trip, and one test per kind of bad input, each
// checking the status code, that the message names record, field and value, and
// that a failed load changes nothing.
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "renewal/base/status_path.h"
#include "renewal/registry/generate.h"
#include "renewal/registry/registry_json.h"

namespace renewal {
namespace {

using ::testing::HasSubstr;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string& Tiny() {
  static const std::string text = ReadFile(RENEWAL_SOURCE_DIR "/tests/data/tiny_city.json");
  return text;
}

// Tiny() with the first occurrence of `from` replaced by `to`.
std::string Mutated(std::string_view from, std::string_view to) {
  std::string text = Tiny();
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

LoadOptions Year2026() {
  LoadOptions o;
  o.current_year = 2026;
  return o;
}

absl::Status LoadStatus(const std::string& text) {
  return LoadRegistryJson(text, Year2026()).status();
}

TEST(RegistryJson, LoadsTheTinyCity) {
  absl::StatusOr<Registry> r = LoadRegistryJson(Tiny(), Year2026());
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->district_count(), 2u);
  EXPECT_EQ(r->street_count(), 1u);
  EXPECT_EQ(r->estate_count(), 2u);
  EXPECT_EQ(r->building_count(), 2u);
  EXPECT_EQ(r->entrance_count(), 3u);
  EXPECT_EQ(r->dwelling_count(), 5u);
  EXPECT_EQ(r->owner_count(), 4u);

  const Index e = *r->FindEstate("E-0001");
  const EstateFacts& f = r->estate(e).facts;
  EXPECT_EQ(r->estate(e).name, "洞庭小区");
  EXPECT_EQ(f.build_year, 1995);
  EXPECT_EQ(f.structure, Structure::kBrickConcrete);
  EXPECT_EQ(f.condition(Facility::kWater), Condition::kPoor);
  EXPECT_EQ(f.condition(Facility::kGas), Condition::kUnknown);
  ASSERT_TRUE(f.safety_hazards.has_value());
  EXPECT_EQ(*f.safety_hazards, std::vector<Hazard>{Hazard::kGas});
  EXPECT_EQ(f.illegal_structures, IllegalStructures::kLargelyRemoved);
  EXPECT_EQ(f.demolition_plan_year, kNever);
  EXPECT_EQ(f.last_renovation_year, kNever);
  EXPECT_EQ(f.consent_remove_illegal, true);
  EXPECT_EQ(f.consent_fund_top_up, false);
  EXPECT_EQ(f.consent_property_management, std::nullopt);
  EXPECT_EQ(f.willingness_pct, 86.5);
  // The second estate was not surveyed beyond its build year.
  EXPECT_EQ(r->estate(1).facts.urban_village, std::nullopt);
  EXPECT_EQ(r->estate(1).street, kNoIndex);

  const Index d = *r->FindDwelling("E-0001-B1-1-101");
  EXPECT_EQ(r->dwelling(d).area.centi(), 7235);  // 72.35 m² kept exact
  EXPECT_EQ(r->dwelling(*r->FindDwelling("E-0001-B1-1-102")).area.centi(), 6000);
  EXPECT_EQ(r->dwelling(d).property_type, PropertyType::kReformHousing);
  const Index co = *r->FindDwelling("E-0001-B1-1-201");
  EXPECT_EQ(r->dwelling(co).area_source, AreaSource::kSurveyed);
  EXPECT_EQ(r->OwnersOf(co), (std::vector<Index>{*r->FindOwner("O2"), *r->FindOwner("O3")}));
  const Index unsold = *r->FindDwelling("E-0001-B1-2-101");
  EXPECT_EQ(r->dwelling(unsold).sale_state, SaleState::kDeveloperUnsold);
  EXPECT_EQ(r->owner(*r->FindOwner("DEV")).kind, OwnerKind::kDeveloper);
  EXPECT_TRUE(r->OwnersOf(*r->FindDwelling("E-0002-B1-1-101")).empty());

  EXPECT_EQ(r->DwellingRangeOfEstate(e), (std::pair<Index, Index>{0, 4}));
  EXPECT_EQ(r->EstateOfDwelling(unsold), e);
  EXPECT_EQ(r->FindEntrance(*r->FindBuilding("E-0001-B1"), "2"), 1u);
  EXPECT_EQ(r->FindEstate("nope"), std::nullopt);
}

TEST(RegistryJson, SaveThenLoadGivesAnEqualRegistry) {
  absl::StatusOr<Registry> first = LoadRegistryJson(Tiny(), Year2026());
  ASSERT_TRUE(first.ok()) << first.status();
  const std::string text = DumpRegistryJson(*first);
  absl::StatusOr<Registry> second = LoadRegistryJson(text, Year2026());
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_TRUE(*first == *second);
  EXPECT_EQ(DumpRegistryJson(*second), text);  // the canonical form is a fixed point

  const std::string path = RENEWAL_BINARY_DIR "/registry_json_test_roundtrip.json";
  ASSERT_TRUE(SaveRegistryFile(*first, path).ok());
  absl::StatusOr<Registry> third = LoadRegistryFile(path, Year2026());
  ASSERT_TRUE(third.ok()) << third.status();
  EXPECT_TRUE(*first == *third);
}

// The reader stages records from parser events (registry_json_stage.h): a generated
// city, with every kind of record and field the generator writes, must come back
// byte for byte (read -> write canonical -> compare), through a string and a file.
TEST(RegistryJson, GeneratedCityRoundTripsByteForByte) {
  GenerateOptions options;
  options.estates = 60;
  options.seed = 11;
  absl::StatusOr<Registry> city = GenerateCity(options);
  ASSERT_TRUE(city.ok()) << city.status();
  const std::string text = DumpRegistryJson(*city);
  absl::StatusOr<Registry> loaded = LoadRegistryJson(text, Year2026());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_TRUE(*loaded == *city);
  EXPECT_EQ(DumpRegistryJson(*loaded), text);

  const std::string path = RENEWAL_BINARY_DIR "/registry_json_test_generated.json";
  std::ofstream(path, std::ios::binary) << text;
  absl::StatusOr<Registry> from_file = LoadRegistryFile(path, Year2026());
  ASSERT_TRUE(from_file.ok()) << from_file.status();
  EXPECT_EQ(DumpRegistryJson(*from_file), text);
}

// Keys in any order (here: "buildings", "entrances" and "dwellings" first, "id"
// last; "format" after the records) load to the same registry, and errors still name the record by its id.
TEST(RegistryJson, KeyOrderDoesNotMatter) {
  const std::string text = R"({"districts": [{"id": "D1"}], "estates": [{"buildings": [{"entrances": [{"dwellings": [
      {"owners": ["O1"], "floor": 1, "exclusive_area_m2": 50, "id": "E1-B1-1-101"}],
      "id": "1"}], "id": "E1-B1"}], "district": "D1", "id": "E1"}],
    "owners": [{"name": "x", "id": "O1"}],
    "version": 1, "format": "renewal.registry"})";
  absl::StatusOr<Registry> r = LoadRegistryJson(text, Year2026());
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->dwelling(*r->FindDwelling("E1-B1-1-101")).area.centi(), 5000);
  std::string bad = text;
  bad.replace(bad.find("\"floor\": 1"), 10, "\"floor\": 200");
  EXPECT_THAT(LoadStatus(bad).message(),
              HasSubstr("estates[0] \"E1\" buildings[0] \"E1-B1\" entrances[0] dwellings[0] "
                        "\"E1-B1-1-101\" floor: must be between -5 and 120, got 200"));
}

TEST(RegistryJson, OwnersMayFollowTheEstates) {
  // Owners are resolved at the end, so key order does not matter for them.
  std::string text = Tiny();
  const std::size_t owners_at = text.find("\"owners\": [");
  const std::size_t owners_end = text.find("],", owners_at) + 2;
  const std::string owners = text.substr(owners_at, owners_end - owners_at);
  text.erase(owners_at, owners_end - owners_at);
  text.insert(text.rfind('}'), ", " + owners.substr(0, owners.size() - 1));
  absl::StatusOr<Registry> r = LoadRegistryJson(text, Year2026());
  ASSERT_TRUE(r.ok()) << r.status();
  absl::StatusOr<Registry> canonical = LoadRegistryJson(Tiny(), Year2026());
  EXPECT_EQ(r->owner(*r->FindOwner("DEV")).name, "岳阳市房地产开发公司");
  EXPECT_EQ(r->owner(*r->FindOwner("DEV")).kind, OwnerKind::kDeveloper);
  EXPECT_EQ(r->owner_count(), canonical->owner_count());
}

TEST(RegistryJsonErrors, MalformedJsonGivesTheByteOffset) {
  const std::string text = Mutated("\"version\": 1,", "\"version\": 1,,");
  const absl::Status st = LoadStatus(text);
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  const std::size_t offset = text.find(",,") + 1;
  EXPECT_THAT(st.message(), HasSubstr("malformed JSON at byte " + std::to_string(offset)));
  EXPECT_THAT(LoadStatus(Tiny().substr(0, 100)).message(),
              HasSubstr("malformed JSON at byte 100: unexpected end of input"));
}

TEST(RegistryJsonErrors, MissingRequiredField) {
  const absl::Status st = LoadStatus(Mutated("\"exclusive_area_m2\": 60, ", ""));
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(st.message(), HasSubstr("estates[0] \"E-0001\" buildings[0] \"E-0001-B1\" "
                                      "entrances[0] dwellings[1] \"E-0001-B1-1-102\" "
                                      "exclusive_area_m2: required field is missing"));
  EXPECT_THAT(LoadStatus(Mutated("\"format\": \"renewal.registry\",", "")).message(),
              HasSubstr("format: required field is missing"));
}

TEST(RegistryJsonErrors, WrongType) {
  EXPECT_THAT(LoadStatus(Mutated("\"build_year\": 1995", "\"build_year\": \"1995\"")).message(),
              HasSubstr("estates[0] \"E-0001\" build_year: expected an integer, got \"1995\""));
  EXPECT_THAT(LoadStatus(Mutated("\"elevator\": false,", "\"elevator\": 0,")).message(),
              HasSubstr("elevator: expected true or false, got 0"));
  EXPECT_THAT(LoadStatus(Mutated("\"owners\": [\"O1\"]", "\"owners\": \"O1\"")).message(),
              HasSubstr("dwellings[0] \"E-0001-B1-1-101\" owners: expected an array, got \"O1\""));
  EXPECT_THAT(LoadStatus(Mutated("\"estates\": [", "\"estates\": [7, ")).message(),
              HasSubstr("estates[0]: expected an object, got 7"));
}

TEST(RegistryJsonErrors, UnknownLabelsAndFields) {
  EXPECT_THAT(LoadStatus(Mutated("\"reform_housing\"", "\"villa\"")).message(),
              HasSubstr("property_type: unknown label \"villa\" (expected one of commercial"));
  // Chinese labels are accepted as well as keys.
  EXPECT_TRUE(LoadStatus(Mutated("\"reform_housing\"", "\"房改房\"")).ok());
  EXPECT_THAT(LoadStatus(Mutated("\"water\": \"poor\"", "\"water\": \"awful\"")).message(),
              HasSubstr("facilities.water: unknown label \"awful\""));
  EXPECT_THAT(LoadStatus(Mutated("\"build_year\": 1995", "\"biuld_year\": 1995")).message(),
              HasSubstr("estates[0] \"E-0001\" biuld_year: unknown field"));
}

TEST(RegistryJsonErrors, DuplicateIds) {
  const struct {
    std::string from, to, message;
  } cases[] = {
      {"\"id\": \"E-0002\"", "\"id\": \"E-0001\"", "estates[1] \"E-0001\" id: duplicate estate id"},
      {"\"id\": \"E-0002-B1\"", "\"id\": \"E-0001-B1\"", "duplicate building id \"E-0001-B1\""},
      {"\"id\": \"E-0001-B1-1-102\"", "\"id\": \"E-0001-B1-1-101\"",
       "dwellings[1] \"E-0001-B1-1-101\" id: duplicate dwelling id"},
      {"{\"id\": \"O2\", \"name\": \"李四\"}", "{\"id\": \"O1\", \"name\": \"李四\"}",
       "owners[1] \"O1\" id: duplicate owner id"},
      {"{\"id\": \"D2\"", "{\"id\": \"D1\"", "districts[1] \"D1\" id: duplicate district id"},
  };
  for (const auto& c : cases) {
    const absl::Status st = LoadStatus(Mutated(c.from, c.to));
    EXPECT_EQ(st.code(), absl::StatusCode::kAlreadyExists) << c.message;
    EXPECT_THAT(st.message(), HasSubstr(c.message));
  }
}

// A repeated key is refused, never "the last one wins": a dwelling area given twice,
// a repeated top-level "estates" array (issue: lose nothing, item 4).
TEST(RegistryJsonErrors, DuplicateKeys) {
  absl::Status st = LoadStatus(
      Mutated("\"exclusive_area_m2\": 72.35", "\"exclusive_area_m2\": -5, \"exclusive_area_m2\": 72.35"));
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(st.message(), HasSubstr("duplicate key \"exclusive_area_m2\" in estates[0].buildings[0]"));
  std::string twice = Tiny();
  twice.insert(twice.find("\"estates\""), "\"estates\": [], ");
  st = LoadStatus(twice);
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(st.message(), HasSubstr("duplicate key \"estates\" in the document"));
}

TEST(RegistryJsonErrors, DanglingReferences) {
  absl::Status st = LoadStatus(Mutated("\"owners\": [\"O2\", \"O3\"]", "\"owners\": [\"O2\", \"O9\"]"));
  EXPECT_EQ(st.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(st.message(), HasSubstr("dwelling \"E-0001-B1-1-201\" owners: no owner with id \"O9\""));
  st = LoadStatus(Mutated("\"district\": \"D2\",\n      \"build_year\"", "\"district\": \"D7\",\n      \"build_year\""));
  EXPECT_EQ(st.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(st.message(), HasSubstr("estates[1] \"E-0002\" district: no district with id \"D7\""));
  st = LoadStatus(Mutated("\"street\": \"S1\"", "\"street\": \"S9\""));
  EXPECT_EQ(st.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(st.message(), HasSubstr("street: no street with id \"S9\""));
}

// The record path for `--json` errors is the record's real place in the document,
// not read off the message: IDs with ": " or quotes in them do not shift it, and the
// owner missing at the end of the load names its dwelling's place.
TEST(RegistryJsonErrors, RecordPathsAreTheRecordsPlaceInTheDocument) {
  absl::Status st = LoadStatus(Mutated("\"E-0001-B1\", \"name\"", "\"E-0001: \\\"B1\\\"\", \"name\""));
  ASSERT_TRUE(st.ok()) << st;  // such an ID is allowed
  std::string text = Mutated("\"E-0001-B1\", \"name\"", "\"E-0001: \\\"B1\\\"\", \"name\"");
  text.replace(text.find("72.35"), 5, "-12");
  st = LoadStatus(text);
  EXPECT_EQ(RecordPathOf(st),
            "estates[0].buildings[0].entrances[0].dwellings[0].exclusive_area_m2");
  // A builder error: the field from its message, the record from the reader.
  st = LoadStatus(Mutated("\"id\": \"E-0001-B1-1-102\"", "\"id\": \"E-0001-B1-1-101\""));
  EXPECT_EQ(RecordPathOf(st), "estates[0].buildings[0].entrances[0].dwellings[1].id");
  st = LoadStatus(Mutated("\"owners\": [\"O2\", \"O3\"]", "\"owners\": [\"O2\", \"O9\"]"));
  EXPECT_EQ(st.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(RecordPathOf(st), "estates[0].buildings[0].entrances[0].dwellings[2].owners");
  st = LoadStatus(Mutated("\"exclusive_area_m2\": 72.35",
                          "\"exclusive_area_m2\": -5, \"exclusive_area_m2\": 72.35"));
  EXPECT_EQ(RecordPathOf(st),
            "estates[0].buildings[0].entrances[0].dwellings[0].exclusive_area_m2");
}

TEST(RegistryJsonErrors, AreaBounds) {
  EXPECT_THAT(LoadStatus(Mutated("72.35", "-12")).message(),
              HasSubstr("dwellings[0] \"E-0001-B1-1-101\" exclusive_area_m2: must be > 0 and <= "
                        "10000, got -12"));
  EXPECT_THAT(LoadStatus(Mutated("72.35", "0")).message(), HasSubstr("got 0"));
  EXPECT_THAT(LoadStatus(Mutated("72.35", "10000.01")).message(), HasSubstr("got 10000"));
  EXPECT_TRUE(LoadStatus(Mutated("72.35", "10000")).ok());  // the bound itself is allowed
  EXPECT_TRUE(LoadStatus(Mutated("72.35", "0.01")).ok());
  EXPECT_THAT(LoadStatus(Mutated("72.35", "72.355")).message(),
              HasSubstr("exclusive_area_m2: at most two decimals, got 72.355"));
}

TEST(RegistryJsonErrors, BuildYearBounds) {
  EXPECT_THAT(LoadStatus(Mutated("\"build_year\": 1995", "\"build_year\": 1899")).message(),
              HasSubstr("estates[0] \"E-0001\" build_year: must be between 1900 and 2026, got 1899"));
  EXPECT_THAT(LoadStatus(Mutated("\"build_year\": 1995", "\"build_year\": 2027")).message(),
              HasSubstr("build_year: must be between 1900 and 2026, got 2027"));
  EXPECT_TRUE(LoadStatus(Mutated("\"build_year\": 1995", "\"build_year\": 1900")).ok());
  EXPECT_TRUE(LoadStatus(Mutated("\"build_year\": 1995", "\"build_year\": 2026")).ok());
}

TEST(RegistryJsonErrors, InvalidUtf8) {
  std::string text = Mutated("洞庭小区", "bad\xff\xfe name");
  const absl::Status st = LoadStatus(text);
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(st.message(), HasSubstr("malformed JSON at byte " + std::to_string(text.find('\xff'))));
}

TEST(RegistryJsonErrors, NumbersOutOfRange) {
  EXPECT_THAT(LoadStatus(Mutated("\"floor\": 2", "\"floor\": 99999999999999999999")).message(),
              HasSubstr("floor: expected an integer, got 1e+20"));
  EXPECT_THAT(LoadStatus(Mutated("\"floor\": 2", "\"floor\": 18446744073709551615")).message(),
              HasSubstr("floor: must be between -5 and 120, got 18446744073709551615"));
  EXPECT_THAT(LoadStatus(Mutated("\"willingness_pct\": 86.5", "\"willingness_pct\": 186.5")).message(),
              HasSubstr("willingness_pct: must be between 0 and 100, got 186.5"));
  EXPECT_THAT(LoadStatus(Mutated("\"lat\": 29.37", "\"lat\": 129.37")).message(),
              HasSubstr("estates[0] \"E-0001\" location.lat: must be between -90 and 90, got 129.37"));
  EXPECT_THAT(LoadStatus(Mutated("\"fund_top_up\": false", "\"fund_top_up\": \"no\"")).message(),
              HasSubstr("estates[0] \"E-0001\" consents.fund_top_up: expected true or false, got \"no\""));
  EXPECT_THAT(LoadStatus(Mutated("\"lat\": 29.37", "\"lat\": 29.37, \"alt\": 5")).message(),
              HasSubstr("estates[0] \"E-0001\" location.alt: unknown field"));
}

TEST(RegistryJsonErrors, EmptyEstate) {
  const std::string empty_estate = R"({"format": "renewal.registry", "version": 1,
    "districts": [{"id": "D1", "name": "x"}],
    "estates": [{"id": "E1", "district": "D1", "buildings": []}]})";
  EXPECT_THAT(LoadStatus(empty_estate).message(),
              HasSubstr("estates[0] \"E1\" buildings: estate has no buildings"));
  const std::string no_dwellings = R"({"format": "renewal.registry", "version": 1,
    "districts": [{"id": "D1", "name": "x"}],
    "estates": [{"id": "E1", "district": "D1", "buildings": [
      {"id": "B1", "entrances": [{"id": "1", "dwellings": []}]}]}]})";
  EXPECT_THAT(LoadStatus(no_dwellings).message(),
              HasSubstr("estates[0] \"E1\" buildings: estate has no dwellings"));
}

TEST(RegistryJsonErrors, WrongFormatOrVersion) {
  EXPECT_THAT(LoadStatus(Mutated("\"version\": 1", "\"version\": 2")).message(),
              HasSubstr("version: unsupported version 2"));
  EXPECT_THAT(LoadStatus(Mutated("\"renewal.registry\"", "\"other\"")).message(),
              HasSubstr("format: expected \"renewal.registry\", got \"other\""));
  EXPECT_THAT(LoadStatus("[1, 2]").message(), HasSubstr("document: expected an object"));
}

TEST(RegistryJsonErrors, FailedLoadLeavesTheRegistryUnchanged) {
  const std::string good = RENEWAL_BINARY_DIR "/registry_json_test_good.json";
  const std::string bad = RENEWAL_BINARY_DIR "/registry_json_test_bad.json";
  std::ofstream(good) << Tiny();
  // The error is in the last estate, after much has been built.
  std::ofstream(bad) << Mutated("99.99", "-1");
  Registry r;
  LoadOptions options = Year2026();
  ASSERT_TRUE(LoadRegistryFileInto(good, &r, options).ok());
  const std::string before = DumpRegistryJson(r);
  const absl::Status st = LoadRegistryFileInto(bad, &r, options);
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(st.message(), HasSubstr("estates[1] \"E-0002\""));
  EXPECT_EQ(DumpRegistryJson(r), before);
  EXPECT_EQ(LoadRegistryFileInto("/nonexistent/x.json", &r, options).code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(DumpRegistryJson(r), before);
}

}  // namespace
}  // namespace renewal
