// Consultations as JSON: rounds from ballots documents, the elevator
// applications document, and both results (docs/votes.md "Consultations").
#include "renewal/votes/vote_consult_json.h"

#include <boost/json.hpp>

#include <algorithm>
#include <sstream>

#include "absl/container/flat_hash_set.h"
#include "renewal/base/json_fields.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/base/file.h"
#include "renewal/base/json_parse.h"
#include "vote_internal.h"

namespace renewal {

namespace json = boost::json;

absl::Status AddConsultationRound(VoteDocument document, ConsultationInput* input) {
  if (input->rounds.empty()) {
    input->scope = document.vote.scope;
    input->rule = document.vote.rule;
  } else if (!(document.vote.scope == input->scope)) {
    // A round addresses whoever in the consultation has not agreed; a round
    // naming another scope would silently widen or narrow the consultation.
    return absl::InvalidArgumentError(StrCat("vote scope: ", VoteScopeEn(document.vote.scope),
                                             " differs from the first round's ",
                                             VoteScopeEn(input->scope)));
  }
  input->rounds.push_back({document.vote.id, document.vote.opens, document.vote.closes,
                           std::move(document.ballots)});
  return absl::OkStatus();
}

namespace {

std::string_view LastChoiceKey(DwellingChoice c) {
  switch (c) {
    case DwellingChoice::kAgree: return "agree";
    case DwellingChoice::kDisagree: return "disagree";
    case DwellingChoice::kAbstain: return "abstain";
    case DwellingChoice::kNone: return "none";
  }
  return "none";
}

std::array<std::int64_t, kBallotStatusCount> CountStatuses(const std::vector<BallotStatus>& statuses) {
  std::array<std::int64_t, kBallotStatusCount> counts{};
  for (BallotStatus st : statuses) ++counts[static_cast<std::size_t>(st)];
  return counts;
}

}  // namespace

std::string ConsultationResultToJson(const Registry& r, const ConsultationInput& input,
                                     const ConsultationResult& result) {
  json::object root;
  root["scope"] = vote_internal::ScopeToJsonValue(input.scope);
  root["rule"] = vote_internal::RuleToJsonValue(input.rule);
  root["passed"] = result.passed;
  json::array rounds;
  std::int64_t agreed = 0;
  for (std::size_t k = 0; k < result.rounds.size(); ++k) {
    const RoundResult& rr = result.rounds[k];
    const ConsultationRound& in = input.rounds[k];
    const VoteTotals& t = rr.cumulative;
    agreed += rr.newly_agreed;
    json::object o;
    o["round"] = k + 1;
    o["name"] = rr.name;
    o["opens"] = FormatVoteTime(in.opens);
    o["closes"] = FormatVoteTime(in.closes);
    o["addressed"] = rr.addressed;
    o["responded"] = rr.responded;
    o["newly_agreed"] = rr.newly_agreed;
    o["agreed_dwellings"] = agreed;
    o["dwellings"] = t.dwellings;
    o["heads_agree"] = t.heads_agree;
    o["heads_total"] = t.heads_total;
    o["heads_agree_pct"] = VotePercent(t.heads_agree, t.heads_total);
    o["area_agree_centi_m2"] = t.area_agree;
    o["area_total_centi_m2"] = t.area_total;
    o["area_agree_pct"] = VotePercent(t.area_agree, t.area_total);
    o["passed"] = rr.passed;
    json::array tests;
    for (const ThresholdResult& tr : rr.tests) tests.push_back(vote_internal::TestToJsonValue(tr));
    o["tests"] = std::move(tests);
    o["ballot_counts"] = vote_internal::BallotCountsToJsonValue(
        CountStatuses(rr.ballot_status), static_cast<std::int64_t>(rr.ballot_status.size()));
    json::array ballots;
    for (std::size_t i = 0; i < rr.ballot_status.size(); ++i) {
      json::object b = vote_internal::BallotToJsonValue(r, in.ballots, i);
      b["status"] = KeyOf(rr.ballot_status[i]);
      ballots.push_back(std::move(b));
    }
    o["ballots"] = std::move(ballots);
    rounds.push_back(std::move(o));
  }
  root["rounds"] = std::move(rounds);
  json::array remaining;
  for (std::size_t k = 0; k < result.remaining.size(); ++k) {
    json::object o;
    o["dwelling"] = r.dwelling(result.remaining[k]).id;
    o["last_choice"] = LastChoiceKey(result.remaining_last_choice[k]);
    remaining.push_back(std::move(o));
  }
  root["remaining"] = std::move(remaining);
  return json::serialize(root);
}

absl::StatusOr<std::vector<ElevatorApplication>> ParseElevatorApplications(const Registry& registry,
                                                                           std::string_view text) {
  absl::StatusOr<json::value> parsed = internal::ParseJson(text);
  if (!parsed.ok()) return internal::Prefixed(parsed.status(), "applications file");
  const json::value& root = *parsed;
  if (!root.is_object()) return absl::InvalidArgumentError("applications file: expected an object");
  internal::Fields top(root.get_object(), [] { return std::string("applications file"); });
  const json::array* list = nullptr;
  RENEWAL_RETURN_IF_ERROR(top.Array("applications", true, &list));
  RENEWAL_RETURN_IF_ERROR(top.NoUnknownFields());
  std::vector<ElevatorApplication> out;
  out.reserve(list->size());
  absl::flat_hash_set<std::string> ids;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string where = StrCat("applications[", i, "]");
    const json::value& v = (*list)[i];
    if (!v.is_object()) {
      return absl::InvalidArgumentError(StrCat(where, ": expected an object, got ", internal::Describe(v)));
    }
    ElevatorApplication app;
    internal::Fields f(v.get_object(), [&where] { return where; });
    RENEWAL_RETURN_IF_ERROR(f.String("id", false, &app.id));
    if (!app.id.empty()) where = StrCat(where, " \"", app.id, "\"");
    RENEWAL_RETURN_IF_ERROR(f.String("dwelling", true, &app.dwelling_id));
    const json::value* time = nullptr;
    RENEWAL_RETURN_IF_ERROR(f.Required("time", &time));
    RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
    if (time->is_int64()) {
      app.time = time->get_int64();
    } else if (time->is_string()) {
      absl::StatusOr<std::int64_t> t = ParseVoteTime(internal::ToStd(time->get_string()));
      if (!t.ok()) return f.Invalid("time", ToStd(t.status().message()));
      app.time = *t;
    } else {
      return f.Invalid("time", StrCat("expected an RFC 3339 time string or epoch seconds, got ",
                                      internal::Describe(*time)));
    }
    if (!registry.FindDwelling(app.dwelling_id)) {
      return f.Error(absl::StatusCode::kNotFound, "dwelling",
                     StrCat("no dwelling with id \"", app.dwelling_id, "\""));
    }
    if (!app.id.empty() && !ids.insert(app.id).second) {
      return f.Error(absl::StatusCode::kAlreadyExists, "id", "duplicate application ID");
    }
    out.push_back(std::move(app));
  }
  return out;
}

absl::StatusOr<std::vector<ElevatorApplication>> LoadElevatorApplicationsFile(
    const Registry& registry, const std::string& path) {
  absl::StatusOr<std::string> text = internal::ReadFileToString(path);
  if (!text.ok()) return text.status();
  auto apps = ParseElevatorApplications(registry, *text);
  if (!apps.ok()) return internal::Prefixed(apps.status(), path);
  return apps;
}

std::vector<std::size_t> ElevatorBallotEntrances(const Registry& registry, const BallotBox& ballots,
                                                 std::span<const EntranceConsultation> entrances) {
  std::vector<std::size_t> out(ballots.size(), kBallotNoConsultation);
  for (std::size_t i = 0; i < ballots.size(); ++i) {
    const Index d = ballots.dwelling(i);
    if (d == kNoIndex) {
      out[i] = kBallotUnknownDwelling;
      continue;
    }
    const Index e = registry.dwellings().entrance[d];
    // ElevatorConsultations orders the consultations by entrance.
    auto it = std::lower_bound(entrances.begin(), entrances.end(), e,
                               [](const EntranceConsultation& c, Index x) { return c.entrance < x; });
    if (it != entrances.end() && it->entrance == e) out[i] = static_cast<std::size_t>(it - entrances.begin());
  }
  return out;
}

std::string ElevatorResultToJson(const Registry& r, const VoteRule& rule, std::int64_t duration_seconds,
                                 const BallotBox& ballots,
                                 std::span<const EntranceConsultation> entrances) {
  const std::vector<std::size_t> where = ElevatorBallotEntrances(r, ballots, entrances);
  std::vector<std::array<std::int64_t, kBallotStatusCount>> counts(entrances.size());
  std::vector<std::int64_t> totals(entrances.size(), 0);
  std::int64_t unknown = 0, uncounted = 0;
  for (std::size_t i = 0; i < where.size(); ++i) {
    if (where[i] == kBallotUnknownDwelling) {
      ++unknown;
    } else if (where[i] == kBallotNoConsultation) {
      ++uncounted;
    } else {
      ++counts[where[i]][static_cast<std::size_t>(entrances[where[i]].outcome.ballot_status[i])];
      ++totals[where[i]];
    }
  }
  json::object root;
  root["rule"] = vote_internal::RuleToJsonValue(rule);
  root["duration_seconds"] = duration_seconds;
  std::int64_t passed = 0;
  json::array list;
  for (std::size_t k = 0; k < entrances.size(); ++k) {
    const EntranceConsultation& c = entrances[k];
    passed += c.outcome.passed ? 1 : 0;
    json::object o;
    o["building"] = r.building(c.building).id;
    o["entrance"] = r.entrance(c.entrance).id;
    o["opened_by"] = c.opened_by;
    if (!c.opened_by_id.empty()) o["opened_by_application"] = c.opened_by_id;
    o["applications"] = c.applications;
    o["opens"] = FormatVoteTime(c.opens);
    o["closes"] = FormatVoteTime(c.closes);
    o["passed"] = c.outcome.passed;
    o["totals"] = vote_internal::TotalsToJsonValue(c.outcome.totals);
    json::array tests;
    for (const ThresholdResult& tr : c.outcome.tests) tests.push_back(vote_internal::TestToJsonValue(tr));
    o["tests"] = std::move(tests);
    o["ballot_counts"] = vote_internal::BallotCountsToJsonValue(counts[k], totals[k]);
    list.push_back(std::move(o));
  }
  root["entrances_opened"] = static_cast<std::int64_t>(entrances.size());
  root["entrances_passed"] = passed;
  root["entrances"] = std::move(list);
  json::object summary;
  summary["total"] = static_cast<std::int64_t>(ballots.size());
  summary["in_consultations"] = static_cast<std::int64_t>(ballots.size()) - unknown - uncounted;
  summary["unknown_dwelling"] = unknown;
  summary["no_consultation"] = uncounted;
  root["ballot_counts"] = std::move(summary);
  json::array record;
  for (std::size_t i = 0; i < where.size(); ++i) {
    json::object b = vote_internal::BallotToJsonValue(r, ballots, i);
    if (where[i] == kBallotUnknownDwelling) {
      b["status"] = KeyOf(BallotStatus::kUnknownDwelling);
    } else if (where[i] == kBallotNoConsultation) {
      b["status"] = "no_consultation";
    } else {
      b["status"] = KeyOf(entrances[where[i]].outcome.ballot_status[i]);
    }
    record.push_back(std::move(b));
  }
  root["ballots"] = std::move(record);
  return json::serialize(root);
}

}  // namespace renewal
