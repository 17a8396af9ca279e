// BallotBox: ballots column-wise, IDs resolved once against the registry.
#include <algorithm>

#include "renewal/votes/vote.h"
#include "renewal/base/strcat.h"

namespace renewal {

absl::Status BallotBox::Add(const Registry& registry, const BallotInput& b) {
  if (b.dwelling_id.empty()) {
    return absl::InvalidArgumentError(
        StrCat("ballot \"", b.id, "\" dwelling: must not be empty"));
  }
  if (!b.id.empty() && id_set_.contains(ToAbsl(b.id))) {
    return absl::AlreadyExistsError(StrCat("ballot \"", b.id, "\" id: duplicate ballot id"));
  }
  if (!FitsTime(b.time)) {
    return absl::InvalidArgumentError(
        StrCat("ballot \"", b.id, "\" time: ", b.time, " is more than ", kMaxTimeSpan,
               " seconds (68 years) from the box's first ballot (", time_base_, ")"));
  }
  const std::optional<Index> d = registry.FindDwelling(b.dwelling_id);
  Index owner = kNoIndex;
  if (!b.owner_id.empty()) owner = registry.FindOwner(b.owner_id).value_or(kUnknownOwner);
  const auto row = static_cast<std::uint32_t>(size());
  if (!b.id.empty()) {
    id_set_.insert(std::string(b.id));
    ids_.emplace_back(row, static_cast<std::uint32_t>(strings_.size()));
    strings_.push_back(b.id);
  }
  if (!d) {
    raw_dwellings_.emplace_back(row, static_cast<std::uint32_t>(strings_.size()));
    strings_.push_back(b.dwelling_id);
  }
  if (owner == kUnknownOwner) {
    raw_owners_.emplace_back(row, static_cast<std::uint32_t>(strings_.size()));
    strings_.push_back(b.owner_id);
  }
  return AddResolved(d.value_or(kNoIndex), b.choice, b.time, b.cast_by, owner);
}

bool BallotBox::FitsTime(std::int64_t time) const {
  if (dwelling_.empty()) return true;
  const __int128 offset = static_cast<__int128>(time) - time_base_;
  return offset >= -kMaxTimeSpan && offset <= kMaxTimeSpan;
}

absl::Status BallotBox::AddResolved(Index dwelling, BallotChoice choice, std::int64_t time,
                                    CastBy cast_by, Index owner) {
  if (!FitsTime(time)) {
    return absl::InvalidArgumentError(StrCat("ballot ", size(), " time: ", time, " is more than ",
                                             kMaxTimeSpan, " seconds from the box's first ballot (",
                                             time_base_, ")"));
  }
  if (dwelling_.empty()) time_base_ = time;
  dwelling_.push_back(dwelling);
  time_offset_.push_back(static_cast<std::int32_t>(time - time_base_));
  owner_.push_back(owner);
  choice_.push_back(choice);
  cast_by_.push_back(cast_by);
  return absl::OkStatus();
}

BallotBox BallotBox::Select(std::span<const std::size_t> order) const {
  BallotBox out;
  out.time_base_ = time_base_;  // the offsets stay valid
  // Column by column: on shuffled ballots this ran faster than one pass writing all
  // five columns (BM_TallyEachEstate shuffled, 1/10 city: 172–247 ms against 282–296).
  auto gather = [&order](const auto& from, auto& to) {
    to.resize(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) to[k] = from[order[k]];
  };
  gather(dwelling_, out.dwelling_);
  gather(time_offset_, out.time_offset_);
  gather(owner_, out.owner_);
  gather(choice_, out.choice_);
  gather(cast_by_, out.cast_by_);
  return out;
}

void BallotBox::ScatterInto(std::span<const Index> to, std::size_t size, BallotBox* out) const {
  out->time_base_ = time_base_;
  out->ids_.clear();
  out->raw_dwellings_.clear();
  out->raw_owners_.clear();
  out->strings_ = StringColumn();
  out->id_set_.clear();
  // Column by column, as Select: each pass reads one column in order and writes its
  // ballots to their places.
  auto scatter = [&to, size](const auto& from, auto& dest) {
    dest.resize(size);
    for (std::size_t i = 0; i < from.size(); ++i) {
      if (to[i] != kNoIndex) dest[to[i]] = from[i];
    }
  };
  scatter(dwelling_, out->dwelling_);
  scatter(time_offset_, out->time_offset_);
  scatter(owner_, out->owner_);
  scatter(choice_, out->choice_);
  scatter(cast_by_, out->cast_by_);
}

void BallotBox::Reserve(std::size_t n) {
  dwelling_.reserve(n);
  time_offset_.reserve(n);
  owner_.reserve(n);
  choice_.reserve(n);
  cast_by_.reserve(n);
}

std::string_view BallotBox::Side(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& rows,
                                 std::size_t i) const {
  auto it = std::lower_bound(rows.begin(), rows.end(),
                             std::pair<std::uint32_t, std::uint32_t>{static_cast<std::uint32_t>(i), 0});
  if (it == rows.end() || it->first != i) return {};
  return strings_[it->second];
}

std::string_view BallotBox::id(std::size_t i) const { return Side(ids_, i); }
std::string_view BallotBox::raw_dwelling_id(std::size_t i) const { return Side(raw_dwellings_, i); }
std::string_view BallotBox::raw_owner_id(std::size_t i) const { return Side(raw_owners_, i); }

std::size_t BallotBox::bytes() const {
  const std::size_t side = (ids_.capacity() + raw_dwellings_.capacity() + raw_owners_.capacity()) *
                           sizeof(std::pair<std::uint32_t, std::uint32_t>);
  return dwelling_.capacity() * sizeof(Index) + time_offset_.capacity() * sizeof(std::int32_t) +
         owner_.capacity() * sizeof(Index) + choice_.capacity() + cast_by_.capacity() + side +
         strings_.bytes() + id_set_.capacity() * (sizeof(std::string) + 1);
}

}  // namespace renewal
