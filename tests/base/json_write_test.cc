// JSON string literals written by hand (renewal/base/json_write.h).
#include "renewal/base/json_write.h"

#include <string>

#include "gtest/gtest.h"

namespace renewal::internal {
namespace {

TEST(Text, JsonStringEscapes) {
  std::string out;
  AppendJsonString(out, "a\"b\\c\n\x01小");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001小\"");
}

}  // namespace
}  // namespace renewal::internal
