// A column of strings packed into one arena: one allocation for millions of IDs
// or names instead of one std::string each.
#ifndef RENEWAL_STRING_COLUMN_H_
#define RENEWAL_STRING_COLUMN_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace renewal {

class StringColumn {
 public:
  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t row) const {
    const std::uint32_t begin = row == 0 ? 0 : ends_[row - 1];
    return std::string_view(chars_.data() + begin, ends_[row] - begin);
  }
  // Arena offsets are 32-bit (4 GiB of text per column).
  bool fits(std::string_view s) const { return chars_.size() + s.size() <= UINT32_MAX; }
  // False when full.
  bool push_back(std::string_view s) {
    if (!fits(s)) return false;
    chars_.append(s);
    ends_.push_back(static_cast<std::uint32_t>(chars_.size()));
    return true;
  }
  /// The arena and the end offset of each row, for bulk writers (the snapshot).
  std::string_view chars() const { return chars_; }
  std::span<const std::uint32_t> ends() const { return ends_; }
  /// A column from its parts, taken as they are: the caller has checked that `ends`
  /// does not decrease and that its last entry (if any) is `chars.size()`.
  static StringColumn FromParts(std::string chars, std::vector<std::uint32_t> ends) {
    StringColumn c;
    c.chars_ = std::move(chars);
    c.ends_ = std::move(ends);
    return c;
  }
  void reserve(std::size_t rows, std::size_t chars) {
    ends_.reserve(rows);
    chars_.reserve(chars);
  }
  void shrink_to_fit() {
    ends_.shrink_to_fit();
    chars_.shrink_to_fit();
  }
  std::size_t bytes() const { return chars_.capacity() + ends_.capacity() * sizeof(std::uint32_t); }
  bool operator==(const StringColumn&) const = default;

 private:
  std::string chars_;
  std::vector<std::uint32_t> ends_;  // end offset of each row
};

}  // namespace renewal

#endif  // RENEWAL_STRING_COLUMN_H_
