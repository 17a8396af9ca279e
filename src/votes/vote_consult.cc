// Multi-round and per-entrance consultations, both counted by the Tallier.
#include "renewal/votes/vote_consult.h"

#include <algorithm>

#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {

absl::StatusOr<ConsultationResult> RunConsultation(const Registry& registry, const VoteScope& scope,
                                                   const VoteRule& rule,
                                                   std::span<const ConsultationRound> rounds) {
  RENEWAL_RETURN_IF_ERROR(ValidateVoteRule(rule));
  RENEWAL_ASSIGN_OR_RETURN(const std::vector<Index>& all, ResolveVoteScope(registry, scope));
  std::vector<std::uint8_t> agreed(all.size(), 0);
  std::vector<DwellingChoice> last(all.size(), DwellingChoice::kNone);
  auto pos_of = [&all](Index d) {
    return static_cast<std::size_t>(std::lower_bound(all.begin(), all.end(), d) - all.begin());
  };
  Tallier tallier(registry);
  ConsultationResult result;
  for (std::size_t k = 0; k < rounds.size(); ++k) {
    const ConsultationRound& round = rounds[k];
    if (round.closes < round.opens) {
      return absl::InvalidArgumentError(StrCat("rounds[", k, "] closes: before opens"));
    }
    RoundResult rr;
    rr.name = round.name;
    Vote v;
    v.id = StrCat("round ", k + 1);
    v.rule = rule;
    v.opens = round.opens;
    v.closes = round.closes;
    v.scope.kind = VoteScopeKind::kDwellings;
    for (std::size_t p = 0; p < all.size(); ++p) {
      if (!agreed[p]) v.scope.dwellings.emplace_back(registry.dwelling(all[p]).id);
    }
    rr.addressed = static_cast<std::int64_t>(v.scope.dwellings.size());
    if (!v.scope.dwellings.empty()) {
      RENEWAL_ASSIGN_OR_RETURN(auto out, tallier.Count(v, round.ballots));
      rr.ballot_status = std::move(out.ballot_status);
      for (std::size_t q = 0; q < out.scope_dwellings.size(); ++q) {
        const DwellingChoice c = out.dwelling_choice[q];
        if (c == DwellingChoice::kNone) continue;
        const std::size_t p = pos_of(out.scope_dwellings[q]);
        ++rr.responded;
        last[p] = c;
        if (c == DwellingChoice::kAgree) agreed[p] = 2;  // this round
      }
    } else {
      rr.ballot_status.assign(round.ballots.size(), BallotStatus::kOutOfScope);
    }
    // Cumulative agreement: one agreeing ballot per agreed dwelling, counted over
    // the whole scope so that persons and areas follow the vote's rules.
    BallotBox agreement;
    for (std::size_t p = 0; p < all.size(); ++p) {
      // Every time 0: within any span.
      if (agreed[p] != 0) (void)agreement.AddResolved(all[p], BallotChoice::kAgree, 0, CastBy::kOwner);
    }
    Vote cumulative;
    cumulative.id = "cumulative";
    cumulative.rule = rule;
    cumulative.scope = scope;
    RENEWAL_ASSIGN_OR_RETURN(auto total,
                             tallier.Count(cumulative, agreement, TallyOptions{false, true}));
    // One person, one vote: a person who agreed for one unit agreed for all of
    // them, so their other units are not asked again.
    for (std::size_t p = 0; p < all.size(); ++p) {
      if (!agreed[p] && total.dwelling_choice[p] == DwellingChoice::kAgree) agreed[p] = 2;
      if (agreed[p] == 2) {
        agreed[p] = 1;
        ++rr.newly_agreed;
      }
    }
    rr.cumulative = total.totals;
    rr.tests = std::move(total.tests);
    rr.passed = total.passed;
    result.rounds.push_back(std::move(rr));
  }
  result.passed = !result.rounds.empty() && result.rounds.back().passed;
  for (std::size_t p = 0; p < all.size(); ++p) {
    if (agreed[p]) continue;
    result.remaining.push_back(all[p]);
    result.remaining_last_choice.push_back(last[p]);
  }
  return result;
}

absl::StatusOr<std::vector<EntranceConsultation>> ElevatorConsultations(
    const Registry& registry, std::span<const ElevatorApplication> applications,
    const BallotBox& ballots, const VoteRule& rule_in, std::int64_t duration_seconds) {
  if (duration_seconds < 0) {
    return absl::InvalidArgumentError(
        StrCat("duration_seconds: must be >= 0, got ", duration_seconds));
  }
  VoteRule rule = rule_in;
  if (rule.tests.empty() && rule.name.empty()) rule = *VoteRulePreset("civil_code_major");
  RENEWAL_RETURN_IF_ERROR(ValidateVoteRule(rule));
  // Earliest application per entrance.
  struct Opened {
    Index entrance;
    std::int64_t time;
    Index dwelling;
    std::int64_t count;
    std::size_t application;
  };
  std::vector<Opened> opened;
  for (std::size_t i = 0; i < applications.size(); ++i) {
    const std::optional<Index> d = registry.FindDwelling(applications[i].dwelling_id);
    if (!d) {
      return absl::NotFoundError(StrCat("applications[", i, "] dwelling: no dwelling with id \"",
                                        applications[i].dwelling_id, "\""));
    }
    const Index e = registry.dwellings().entrance[*d];
    auto it = std::find_if(opened.begin(), opened.end(), [e](const Opened& o) { return o.entrance == e; });
    if (it == opened.end()) {
      opened.push_back({e, applications[i].time, *d, 1, i});
    } else {
      ++it->count;
      if (applications[i].time < it->time) {
        it->time = applications[i].time;
        it->dwelling = *d;
        it->application = i;
      }
    }
  }
  std::sort(opened.begin(), opened.end(),
            [](const Opened& a, const Opened& b) { return a.entrance < b.entrance; });
  Tallier tallier(registry);
  std::vector<EntranceConsultation> out;
  for (const Opened& o : opened) {
    const EntranceView ev = registry.entrance(o.entrance);
    EntranceConsultation c;
    c.building = ev.building;
    c.entrance = o.entrance;
    c.opened_by = std::string(registry.dwelling(o.dwelling).id);
    c.opened_by_id = applications[o.application].id;
    c.opens = o.time;
    c.closes = o.time + duration_seconds;
    c.applications = o.count;
    Vote v;
    v.id = StrCat(registry.building(ev.building).id, "-", ev.id, " elevator");
    v.matter = VoteMatter::kElevatorAddition;
    v.scope = VoteScope{VoteScopeKind::kEntrance, registry.building(ev.building).id, std::string(ev.id), {}};
    v.rule = rule;
    v.opens = c.opens;
    v.closes = c.closes;
    RENEWAL_ASSIGN_OR_RETURN(auto outcome, tallier.Count(v, ballots));
    c.outcome = std::move(outcome);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace renewal
