// Row lookup by ID in O(1) without storing the string twice: the hash set holds
// only 32-bit row numbers and hashes them through the arena (transparent lookup).
#ifndef RENEWAL_SRC_ID_INDEX_H_
#define RENEWAL_SRC_ID_INDEX_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "renewal/string_column.h"

namespace renewal::internal {

// The column lives behind a unique_ptr so that the hash
// functors, which point at it, stay valid when the index is moved.
class IdIndex {
 public:
  IdIndex() : column_(std::make_unique<StringColumn>()), rows_(0, Hash{column_.get()}, Eq{column_.get()}) {}
  IdIndex(IdIndex&&) noexcept = default;
  IdIndex& operator=(IdIndex&&) noexcept = default;

  const StringColumn& column() const { return *column_; }
  std::size_t size() const { return column_->size(); }
  std::string_view operator[](std::size_t row) const { return (*column_)[row]; }

  // Appends `id` and returns its row and true, or the existing row and false;
  // {UINT32_MAX, false} when the arena is full.
  std::pair<std::uint32_t, bool> Insert(std::string_view id) {
    auto it = rows_.find(id);
    if (it != rows_.end()) return {*it, false};
    const auto row = static_cast<std::uint32_t>(column_->size());
    if (!column_->push_back(id)) return {UINT32_MAX, false};
    rows_.insert(row);
    return {row, true};
  }
  // Returns UINT32_MAX when absent.
  std::uint32_t Find(std::string_view id) const {
    auto it = rows_.find(id);
    return it == rows_.end() ? UINT32_MAX : *it;
  }
  void reserve(std::size_t rows) { rows_.reserve(rows); }
  void shrink_to_fit() { column_->shrink_to_fit(); }
  std::size_t bytes() const {
    return column_->bytes() + rows_.capacity() * (sizeof(std::uint32_t) + 1);
  }

 private:
  struct Hash {
    using is_transparent = void;
    const StringColumn* column;
    std::size_t operator()(std::uint32_t row) const { return absl::HashOf((*column)[row]); }
    std::size_t operator()(std::string_view s) const { return absl::HashOf(s); }
  };
  struct Eq {
    using is_transparent = void;
    const StringColumn* column;
    std::string_view view(std::uint32_t row) const { return (*column)[row]; }
    static std::string_view view(std::string_view s) { return s; }
    template <class A, class B>
    bool operator()(const A& a, const B& b) const { return view(a) == view(b); }
  };

  std::unique_ptr<StringColumn> column_;
  absl::flat_hash_set<std::uint32_t, Hash, Eq> rows_;
};

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_ID_INDEX_H_
