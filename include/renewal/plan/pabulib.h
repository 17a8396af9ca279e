// The pabulib participatory-budgeting file format (.pb, pabulib.org/format) for
// residents' menus: read a published election as a MenuInput, write a menu as one.
//
//   META                         key;value, one per line (budget required;
//   key;value                    vote_type approval if given)
//   budget;1000.5
//   PROJECTS                     a header line naming the columns; project_id and
//   project_id;cost;name         cost required, name and required optional, others
//   1;500;Park                   ignored
//   VOTES
//   voter_id;vote                voter_id and vote required: the approved project ids,
//   v1;1,2                       comma-separated (empty: approves nothing)
//
// Fields are ';'-separated; a field may be quoted ("a;b", "" for a quote). Money (the
// budget, costs) is in the currency's units with decimals and converts to fen exactly
// ("12.5" → 1250 fen; trailing zeros after the second decimal are accepted) or the file
// is refused with InvalidArgument naming the line ("line 7: cost: ..."). Projects keep
// file order, so the menu's tie-break by file order is the file's.
#ifndef RENEWAL_PLAN_PABULIB_H_
#define RENEWAL_PLAN_PABULIB_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "renewal/plan/menu.h"

namespace renewal {

// Reads a .pb file's text. Errors (InvalidArgument) name the line: a missing section
// or column, a bad number, a ballot approving an unknown project, a non-approval
// vote_type. Duplicate ids are left to ChooseMenu.
absl::StatusOr<MenuInput> ParsePabulib(std::string_view text);

// Writes `menu` as a .pb file: META (description, num_projects, num_votes, budget,
// vote_type approval), PROJECTS (project_id;cost;name, plus required 1/0 when any item
// is required), VOTES (voter_id;vote). Money in yuan with two decimals. ParsePabulib
// reads it back to the same items and ballots (categories are not kept).
std::string MenuToPabulib(const MenuInput& menu);

}  // namespace renewal

#endif  // RENEWAL_PLAN_PABULIB_H_
