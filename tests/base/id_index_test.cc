// IdIndex: rows found by ID, duplicates refused; PieceHasher: an ID hashed in
// pieces (as dwelling IDs are, through their building and entrance) hashes as the
// whole (words are assembled across piece boundaries).
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

TEST(IdIndex, RowsAreFoundByIdAndDuplicatesRefused) {
  IdIndex index;
  std::vector<std::string> ids;
  for (int i = 0; i < 1000; ++i) {
    ids.push_back("B1-7-" + std::to_string(i * 7919));
    const auto [row, inserted] = index.Insert(ids.back());
    ASSERT_TRUE(inserted);
    ASSERT_EQ(row, static_cast<std::uint32_t>(i));
  }
  for (std::uint32_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(index.Find(ids[i]), i);
    EXPECT_EQ(index[i], ids[i]);
  }
  EXPECT_EQ(index.Insert(ids[5]), (std::pair<std::uint32_t, bool>{5, false}));
  EXPECT_EQ(index.Find("B1-7-1"), UINT32_MAX);
  EXPECT_EQ(index.size(), ids.size());
}

// A column adopted whole: indexed at once (Adopt), or later (AdoptColumn, then
// IndexRows, as a snapshot's owner IDs are on the first lookup); either way the
// first row repeating an earlier one is reported.
TEST(IdIndex, AdoptedColumnsAreIndexedNowOrLater) {
  StringColumn column;
  for (const char* id : {"O1", "O2", "O3"}) column.push_back(id);
  IdIndex now;
  EXPECT_EQ(now.Adopt(column), UINT32_MAX);
  EXPECT_EQ(now.Find("O3"), 2u);
  IdIndex later;
  later.AdoptColumn(column);
  EXPECT_EQ(later.size(), 3u);
  EXPECT_EQ(later.column()[1], "O2");
  EXPECT_EQ(later.Find("O2"), UINT32_MAX);  // not indexed yet
  EXPECT_EQ(later.IndexRows(), UINT32_MAX);
  EXPECT_EQ(later.Find("O2"), 1u);
  column.push_back("O2");
  IdIndex repeated;
  EXPECT_EQ(repeated.Adopt(column), 3u);
}

}  // namespace
}  // namespace renewal::internal
