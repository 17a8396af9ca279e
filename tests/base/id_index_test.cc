// IdIndex: rows found by ID, duplicates refused, and IDs stored as a prefix plus a
// tail hash and compare the same as whole IDs (the hash assembles words across
// piece boundaries).
#include "renewal/base/id_index.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace renewal::internal {
namespace {

TEST(PieceHasher, AnySplitHashesLikeTheWhole) {
  const std::string id = "E00017-B03-2-1501-extra-long-tail";
  PieceHasher whole;
  whole.Add(id);
  for (std::size_t a = 0; a <= id.size(); ++a) {
    for (std::size_t b = a; b <= id.size(); b += 3) {
      PieceHasher parts;
      parts.Add(id.substr(0, a));
      parts.Add(id.substr(a, b - a));
      parts.Add(id.substr(b));
      EXPECT_EQ(parts.Finish(), whole.Finish()) << a << " " << b;
    }
  }
  PieceHasher other;
  other.Add("E00017-B03-2-1502-extra-long-tail");
  EXPECT_NE(other.Finish(), whole.Finish());
  PieceHasher shorter;  // a prefix differs in its length
  shorter.Add(id.substr(0, 16));
  PieceHasher longer;
  longer.Add(id.substr(0, 16) + std::string(1, '\0'));
  EXPECT_NE(shorter.Finish(), longer.Finish());
}

// The prefix of every row: "B1-" and "7-" (as dwellings use "<building>-<entrance>-").
IdPrefix TwoPieces(const void*, std::uint32_t) {
  IdPrefix p;
  p.piece[0] = "B1-";
  p.piece[1] = "7-";
  p.count = 2;
  return p;
}

TEST(IdIndex, PrefixedRowsAreFoundByTheirWholeId) {
  IdIndex index;
  index.SetPrefix(&TwoPieces, nullptr);
  std::vector<std::string> ids;
  for (int i = 0; i < 1000; ++i) {
    const std::string tail = std::to_string(i * 7919);
    ids.push_back("B1-7-" + tail);
    const auto [row, inserted] = index.Insert(ids.back(), std::string(1, kPrefixMark) + tail);
    ASSERT_TRUE(inserted);
    ASSERT_EQ(row, static_cast<std::uint32_t>(i));
  }
  for (std::uint32_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(index.Find(ids[i]), i);
    EXPECT_EQ(index[i], ids[i]);
  }
  EXPECT_EQ(index.Insert(ids[5], std::string(1, kPrefixMark) + "x"),
            (std::pair<std::uint32_t, bool>{5, false}));
  EXPECT_EQ(index.Find("B1-7-1"), UINT32_MAX);
  EXPECT_EQ(index.size(), ids.size());
}

}  // namespace
}  // namespace renewal::internal
