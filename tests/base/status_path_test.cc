// The record path payload: derived from the readers' wording, kept through prefixes.
#include "renewal/base/status_path.h"

#include "gtest/gtest.h"
#include "renewal/base/file.h"

namespace renewal {
namespace {

TEST(RecordPath, FromTheReadersWording) {
  EXPECT_EQ(RecordPathFromDescription(
                "estates[17] \"E-0017\" buildings[2] \"E-0017-B3\" entrances[0] dwellings[5] "
                "\"E-0017-B3-1-301\""),
            "estates[17].buildings[2].entrances[0].dwellings[5]");
  EXPECT_EQ(RecordPathFromDescription("ballots[3] \"a \\\"quoted\\\" id\""), "ballots[3]");
  EXPECT_EQ(RecordPathFromDescription(""), "");
}

TEST(RecordPath, AttachedAndKept) {
  const absl::Status s =
      WithRecordPath(absl::InvalidArgumentError("estates[0] name: empty"), "estates[0].name");
  EXPECT_EQ(RecordPathOf(s), "estates[0].name");
  EXPECT_EQ(RecordPathOf(absl::InvalidArgumentError("x")), std::nullopt);
  EXPECT_TRUE(WithRecordPath(absl::OkStatus(), "a").ok());
  // A file name before the message leaves the path as it was.
  const absl::Status in_file = internal::Prefixed(s, "city.json");
  EXPECT_EQ(in_file.message(), "city.json: estates[0] name: empty");
  EXPECT_EQ(RecordPathOf(in_file), "estates[0].name");
  // A record before it goes before the path too.
  const absl::Status in_plan = InRecord(s, "plans[2] \"P-1\"");
  EXPECT_EQ(in_plan.message(), "plans[2] \"P-1\" estates[0] name: empty");
  EXPECT_EQ(in_plan.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(RecordPathOf(in_plan), "plans[2].estates[0].name");
  EXPECT_EQ(RecordPathOf(InRecord(absl::NotFoundError("gone"), "ballots[1]")), "ballots[1]");
}

}  // namespace
}  // namespace renewal
