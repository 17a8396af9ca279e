// The coordinate system field of the registry format, and the estates as GeoJSON and
// as an HTML map page (docs/map.md), on the tiny city (tests/data/tiny_city.json).
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "renewal/registry/map.h"
#include "renewal/registry/registry_json.h"

namespace renewal {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Tiny() {
  std::ifstream in(RENEWAL_SOURCE_DIR "/tests/data/tiny_city.json", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string WithCrs(std::string_view crs) {
  std::string text = Tiny();
  const std::string from = "\"version\": 1,";
  text.replace(text.find(from), from.size(), std::string(from) + " \"crs\": " + std::string(crs) + ",");
  return text;
}

absl::StatusOr<Registry> Load(const std::string& text) {
  LoadOptions o;
  o.current_year = 2026;
  return LoadRegistryJson(text, o);
}

TEST(CoordinateSystem, AbsentMeansGcj02AndTheWriterStatesIt) {
  absl::StatusOr<Registry> r = Load(Tiny());
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->coordinate_system(), CoordinateSystem::kGcj02);
  EXPECT_THAT(DumpRegistryJson(*r), HasSubstr("\"version\":1,\"crs\":\"GCJ-02\","));
}

TEST(CoordinateSystem, KeyAndNamesAreReadAndKeptThroughTheWriter) {
  for (const auto& [text, expected] :
       {std::pair<std::string, CoordinateSystem>{"\"WGS-84\"", CoordinateSystem::kWgs84},
        {"\"CGCS2000\"", CoordinateSystem::kCgcs2000},
        {"\"2000国家大地坐标系\"", CoordinateSystem::kCgcs2000},
        {"\"国测局坐标系\"", CoordinateSystem::kGcj02}}) {
    absl::StatusOr<Registry> r = Load(WithCrs(text));
    ASSERT_TRUE(r.ok()) << text << ": " << r.status();
    EXPECT_EQ(r->coordinate_system(), expected) << text;
    absl::StatusOr<Registry> again = Load(DumpRegistryJson(*r));
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_TRUE(*again == *r) << text;
  }
  // Two registries that differ only in the coordinate system are not equal.
  EXPECT_FALSE(*Load(WithCrs("\"WGS-84\"")) == *Load(Tiny()));
}

TEST(CoordinateSystem, AnUnknownSystemIsRefusedByName) {
  absl::Status st = Load(WithCrs("\"BD-09\"")).status();
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(st.message(), HasSubstr("crs: unknown coordinate system \"BD-09\""));
  st = Load(WithCrs("4326")).status();
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(st.message(), HasSubstr("crs: expected a coordinate system"));
}

TEST(GeoJson, OneFeaturePerEstateWithItsFacts) {
  absl::StatusOr<Registry> r = Load(WithCrs("\"WGS-84\""));
  ASSERT_TRUE(r.ok()) << r.status();
  absl::StatusOr<std::string> g = EstatesGeoJson(*r);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_THAT(*g, HasSubstr("{\"type\":\"FeatureCollection\",\"coordinate_system\":\"WGS-84\","));
  // E-0001: located at 113.1, 29.37; one building, four dwellings of 72.35 + 60 +
  // 88.05 + 55.5 = 275.90 m² (tests/data/tiny_city.json).
  EXPECT_THAT(*g, HasSubstr("{\"type\":\"Feature\",\"id\":\"E-0001\",\"geometry\":{\"type\":"
                            "\"Point\",\"coordinates\":[113.1,29.37]},\"properties\":{"
                            "\"estate_id\":\"E-0001\",\"name\":\"洞庭小区\",\"district_id\":"
                            "\"D1\",\"district\":\"岳阳楼区\",\"street_id\":\"S1\",\"street\":"
                            "\"洞庭街道\",\"buildings\":1,\"households\":4,\"area_m2\":275.90,"
                            "\"build_year\":1995,"));
  EXPECT_THAT(*g, HasSubstr("\"safety_hazards\":[\"gas\"]"));
  // E-0002 has no location: a null geometry, and no facts it was not surveyed for.
  EXPECT_THAT(*g, HasSubstr("{\"type\":\"Feature\",\"id\":\"E-0002\",\"geometry\":null,"));
  EXPECT_THAT(*g, HasSubstr("\"households\":1,\"area_m2\":99.99"));
}

TEST(GeoJson, ExtraPropertiesGoToTheirEstateAndMustCoverEveryEstate) {
  absl::StatusOr<Registry> r = Load(Tiny());
  ASSERT_TRUE(r.ok());
  absl::StatusOr<std::string> g = EstatesGeoJson(*r, {"\"status\":\"eligible\"", ""});
  ASSERT_TRUE(g.ok()) << g.status();
  const std::size_t second = g->find("\"id\":\"E-0002\"");
  EXPECT_LT(g->find("\"status\":\"eligible\"}}"), second);
  EXPECT_THAT(g->substr(second), Not(HasSubstr("status")));
  absl::Status st = EstatesGeoJson(*r, {"\"status\":\"eligible\""}).status();
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(st.message(), HasSubstr("expected one entry per estate (2), got 1"));
}

TEST(MapHtml, SelfContainedWithTheDataInlineAndEscaped) {
  const std::string html =
      EstatesMapHtml("{\"features\":[{\"properties\":{\"name\":\"</script><b>\"}}]}", "A&B <城>");
  EXPECT_THAT(html, HasSubstr("<title>A&amp;B &lt;城&gt;</title>"));
  // "</" inside the data cannot end the script element.
  EXPECT_THAT(html, HasSubstr("\"name\":\"<\\/script><b>\""));
  EXPECT_THAT(html, Not(HasSubstr("\"name\":\"</script>")));
  // Nothing fetched from the network: no URL other than the SVG namespace name.
  EXPECT_THAT(html, Not(HasSubstr("https://")));
  EXPECT_THAT(html, Not(HasSubstr("src=")));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
}

}  // namespace
}  // namespace renewal
