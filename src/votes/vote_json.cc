// The ballots document (read) and the outcome (written) as JSON.
#include "renewal/base/status_path.h"
#include "renewal/votes/vote_json.h"

#include <boost/json.hpp>
#include <charconv>
#include <sstream>

#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/base/file.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/ids.h"
#include "vote_internal.h"

namespace renewal {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool Digits(std::string_view s, std::size_t pos, std::size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t k = pos; k < pos + n; ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
    v = v * 10 + (s[k] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

absl::StatusOr<std::int64_t> ParseVoteTime(std::string_view s) {
  int y, mo, d, h, mi, se, oh = 0, om = 0;
  bool ok = s.size() >= 20 && Digits(s, 0, 4, &y) && s[4] == '-' && Digits(s, 5, 2, &mo) &&
            s[7] == '-' && Digits(s, 8, 2, &d) && (s[10] == 'T' || s[10] == ' ') &&
            Digits(s, 11, 2, &h) && s[13] == ':' && Digits(s, 14, 2, &mi) && s[16] == ':' &&
            Digits(s, 17, 2, &se);
  int sign = 0;
  if (ok) {
    std::string_view zone = s.substr(19);
    if (zone == "Z") {
      sign = 1;
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' &&
               Digits(zone, 1, 2, &oh) && Digits(zone, 4, 2, &om)) {
      sign = zone[0] == '+' ? 1 : -1;
    } else {
      ok = false;
    }
  }
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  ok = ok && mo >= 1 && mo <= 12 && d >= 1 && d <= kDays[mo - 1] && h <= 23 && mi <= 59 &&
       se <= 59 && oh <= 23 && om <= 59;
  if (ok && mo == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) ok = false;
  if (!ok) {
    return absl::InvalidArgumentError(
        StrCat("expected a time like \"2026-03-01T08:00:00+08:00\", got \"", s, "\""));
  }
  const std::int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return days * 86400 + h * 3600 + mi * 60 + se - sign * (oh * 3600 + om * 60);
}

std::string FormatVoteTime(std::int64_t t) {
  t += 8 * 3600;  // China Standard Time
  std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  const std::int64_t secs = t - days * 86400;
  // civil_from_days (H. Hinnant).
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld+08:00",
                static_cast<long long>(y), m, d, static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  return buf;
}

namespace {

namespace json = boost::json;

using internal::Fields;
using vote_internal::kFieldStyle;

absl::StatusOr<std::int64_t> Time(Fields& f, std::string_view key) {
  const json::value* v = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Required(key, &v));
  if (v->is_int64()) return v->get_int64();
  if (!v->is_string()) return f.Invalid(key, "expected an RFC 3339 time string");
  auto t = ParseVoteTime(v->get_string());
  if (!t.ok()) return f.Invalid(key, ToStd(t.status().message()));
  return *t;
}

absl::StatusOr<VoteScope> ParseScope(const json::value& v) {
  if (!v.is_object()) return absl::InvalidArgumentError("vote scope: expected an object");
  Fields f(v.get_object(), std::string("vote scope"), kFieldStyle);
  RENEWAL_RETURN_IF_ERROR(f.OnlyKeys({"kind", "id", "entrance", "dwellings"}));
  VoteScope s;
  RENEWAL_RETURN_IF_ERROR(f.Enum("kind", true, &s.kind));
  RENEWAL_RETURN_IF_ERROR(f.String("id", s.kind != VoteScopeKind::kDwellings, &s.id));
  RENEWAL_RETURN_IF_ERROR(f.String("entrance", s.kind == VoteScopeKind::kEntrance, &s.entrance));
  if (s.kind == VoteScopeKind::kDwellings) {
    const json::value* list = f.Find("dwellings");
    if (list == nullptr || !list->is_array()) {
      return f.Invalid("dwellings", "expected an array of IDs");
    }
    for (const json::value& d : list->get_array()) {
      if (!d.is_string()) return f.Invalid("dwellings", "expected an array of IDs");
      s.dwellings.emplace_back(d.get_string());
    }
  }
  return s;
}

}  // namespace

absl::StatusOr<VoteDocument> ParseVoteDocument(const Registry& registry, std::string_view text) {
  absl::StatusOr<json::value> parsed = internal::ParseJson(text);
  if (!parsed.ok()) return internal::Prefixed(parsed.status(), "ballots file");
  const json::value& root = *parsed;
  if (!root.is_object()) return absl::InvalidArgumentError("ballots file: expected an object");
  Fields top(root.get_object(), std::string("ballots file"), kFieldStyle);
  RENEWAL_RETURN_IF_ERROR(top.OnlyKeys({"vote", "ballots"}));
  const json::value* vv = top.Find("vote");
  if (vv == nullptr || !vv->is_object()) return absl::InvalidArgumentError("vote: expected an object");
  constexpr std::string_view w = "vote";
  Fields f(vv->get_object(), std::string(w), kFieldStyle);
  RENEWAL_RETURN_IF_ERROR(f.OnlyKeys({"id", "matter", "scope", "rule", "opens", "closes"}));
  VoteDocument doc;
  Vote& vote = doc.vote;
  RENEWAL_RETURN_IF_ERROR(f.String("id", true, &vote.id));
  if (absl::Status s = CheckId(vote.id); !s.ok()) {
    return absl::InvalidArgumentError(StrCat(w, " ", ToStd(s.message())));
  }
  RENEWAL_RETURN_IF_ERROR(f.Enum("matter", true, &vote.matter));
  const json::value* sv = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Required("scope", &sv));
  RENEWAL_ASSIGN_OR_RETURN(auto scope, ParseScope(*sv));
  vote.scope = std::move(scope);
  if (const json::value* rv = f.Find("rule")) {
    RENEWAL_ASSIGN_OR_RETURN(auto rule, vote_internal::RuleFromJsonValue(*rv, "vote rule"));
    vote.rule = std::move(rule);
  } else {
    const std::string_view name = DefaultVoteRuleName(vote.matter);
    if (name.empty()) return f.Invalid("rule", "missing (matter \"custom\" has no default rule)");
    vote.rule = *VoteRulePreset(name);
  }
  RENEWAL_ASSIGN_OR_RETURN(auto opens, Time(f, "opens"));
  RENEWAL_ASSIGN_OR_RETURN(auto closes, Time(f, "closes"));
  vote.opens = opens;
  vote.closes = closes;
  if (vote.closes < vote.opens) return f.Invalid("closes", "before opens");

  const json::value* bv = top.Find("ballots");
  if (bv == nullptr || !bv->is_array()) return absl::InvalidArgumentError("ballots: expected an array");
  const json::array& ballots = bv->get_array();
  doc.ballots.Reserve(ballots.size());
  for (std::size_t i = 0; i < ballots.size(); ++i) {
    std::string where = StrCat("ballots[", i, "]");
    if (!ballots[i].is_object()) return absl::InvalidArgumentError(StrCat(where, ": expected an object"));
    Fields b(ballots[i].get_object(), [&where] { return where; }, kFieldStyle);
    BallotInput in;
    RENEWAL_RETURN_IF_ERROR(b.String("id", false, &in.id));
    if (!in.id.empty()) where = StrCat(where, " \"", in.id, "\"");
    RENEWAL_RETURN_IF_ERROR(b.OnlyKeys({"id", "dwelling", "choice", "time", "cast_by", "owner"}));
    RENEWAL_RETURN_IF_ERROR(b.String("dwelling", true, &in.dwelling_id));
    RENEWAL_RETURN_IF_ERROR(b.Enum("choice", true, &in.choice));
    RENEWAL_ASSIGN_OR_RETURN(auto time, Time(b, "time"));
    in.time = time;
    // Absent or "" means the owner.
    in.cast_by = CastBy::kOwner;
    std::string_view cast_by;
    RENEWAL_RETURN_IF_ERROR(b.String("cast_by", false, &cast_by));
    if (!cast_by.empty()) RENEWAL_RETURN_IF_ERROR(b.Enum("cast_by", true, &in.cast_by));
    RENEWAL_RETURN_IF_ERROR(b.String("owner", false, &in.owner_id));
    if (auto st = doc.ballots.Add(registry, in); !st.ok()) {
      return InRecord(st, StrCat("ballots[", i, "]"));
    }
  }
  return doc;
}

absl::StatusOr<VoteDocument> LoadVoteFile(const Registry& registry, const std::string& path) {
  absl::StatusOr<std::string> text = internal::ReadFileToString(path);
  if (!text.ok()) return text.status();
  auto doc = ParseVoteDocument(registry, *text);
  if (!doc.ok()) return internal::Prefixed(doc.status(), path);
  return doc;
}

std::string VoteScopeZh(const VoteScope& s) {
  switch (s.kind) {
    case VoteScopeKind::kEstate: return StrCat("小区 ", s.id);
    case VoteScopeKind::kBuilding: return StrCat("楼栋 ", s.id);
    case VoteScopeKind::kEntrance: return StrCat("楼栋 ", s.id, " ", s.entrance, "单元");
    case VoteScopeKind::kDwellings: return StrCat("指定房屋 ", s.dwellings.size(), " 户");
  }
  return "";
}

std::string VoteScopeEn(const VoteScope& s) {
  switch (s.kind) {
    case VoteScopeKind::kEstate: return StrCat("estate ", s.id);
    case VoteScopeKind::kBuilding: return StrCat("building ", s.id);
    case VoteScopeKind::kEntrance: return StrCat("building ", s.id, " entrance ", s.entrance);
    case VoteScopeKind::kDwellings:
      return StrCat(s.dwellings.size(), s.dwellings.size() == 1 ? " named dwelling" : " named dwellings");
  }
  return "";
}

namespace vote_internal {

json::object ScopeToJsonValue(const VoteScope& s) {
  json::object scope;
  scope["kind"] = KeyOf(s.kind);
  if (s.kind != VoteScopeKind::kDwellings) scope["id"] = s.id;
  if (s.kind == VoteScopeKind::kEntrance) scope["entrance"] = s.entrance;
  if (s.kind == VoteScopeKind::kDwellings) {
    json::array ds;
    for (const std::string& d : s.dwellings) ds.emplace_back(d);
    scope["dwellings"] = std::move(ds);
  }
  return scope;
}

json::object TotalsToJsonValue(const VoteTotals& t) {
  json::object totals;
  totals["dwellings"] = t.dwellings;
  totals["area_total_centi_m2"] = t.area_total;
  totals["area_participating_centi_m2"] = t.area_participating;
  totals["area_agree_centi_m2"] = t.area_agree;
  totals["area_disagree_centi_m2"] = t.area_disagree;
  totals["area_abstain_centi_m2"] = t.area_abstain;
  totals["heads_total"] = t.heads_total;
  totals["heads_participating"] = t.heads_participating;
  totals["heads_agree"] = t.heads_agree;
  totals["heads_disagree"] = t.heads_disagree;
  totals["heads_abstain"] = t.heads_abstain;
  return totals;
}

json::object TestToJsonValue(const ThresholdResult& tr) {
  json::object o;
  o["name"] = tr.test.name;
  o["basis"] = KeyOf(tr.test.basis);
  o["counted"] = KeyOf(tr.test.counted);
  o["over"] = KeyOf(tr.test.over);
  o["comparison"] = KeyOf(tr.test.comparison);
  o["threshold"] = ThresholdToString(tr.test.threshold);
  o["threshold_pct"] = VotePercent(tr.test.threshold.num, tr.test.threshold.den);
  o["numerator"] = tr.numerator;
  o["denominator"] = tr.denominator;
  o["pct"] = VotePercent(tr.numerator, tr.denominator);
  o["passed"] = tr.passed;
  o["minimum_to_pass"] = tr.minimum_to_pass;
  o["margin"] = tr.margin;
  o["reachable"] = tr.reachable;
  o["reason"] = ExplainThresholdZh(tr);
  return o;
}

json::object BallotCountsToJsonValue(const std::array<std::int64_t, kBallotStatusCount>& counts,
                                     std::int64_t total) {
  json::object out;
  json::object rejected;
  std::int64_t rejected_total = 0;
  for (std::size_t k = 0; k < kBallotStatusCount; ++k) {
    const auto st = static_cast<BallotStatus>(k);
    if (IsRejection(st)) {
      rejected[KeyOf(st)] = counts[k];
      rejected_total += counts[k];
    } else {
      out[KeyOf(st)] = counts[k];
    }
  }
  out["rejected"] = rejected_total;
  out["rejected_by_reason"] = std::move(rejected);
  out["total"] = total;
  return out;
}

json::object BallotToJsonValue(const Registry& r, const BallotBox& box, std::size_t i) {
  json::object o;
  o["index"] = i;
  if (std::string_view id = box.id(i); !id.empty()) o["id"] = id;
  o["dwelling"] = box.dwelling(i) == kNoIndex ? box.raw_dwelling_id(i) : r.dwelling(box.dwelling(i)).id;
  o["choice"] = KeyOf(box.choice(i));
  o["time"] = FormatVoteTime(box.time(i));
  return o;
}

}  // namespace vote_internal

namespace {

json::object GroupJson(const Registry& r, const GroupTally& g) {
  json::object o;
  o["building"] = r.building(g.building).id;
  if (g.entrance != kNoIndex) o["entrance"] = r.entrance(g.entrance).id;
  o["dwellings"] = g.dwellings;
  o["dwellings_agree"] = g.dwellings_agree;
  o["dwellings_disagree"] = g.dwellings_disagree;
  o["dwellings_abstain"] = g.dwellings_abstain;
  o["area_total_centi_m2"] = g.area_total;
  o["area_agree_centi_m2"] = g.area_agree;
  o["area_disagree_centi_m2"] = g.area_disagree;
  o["area_abstain_centi_m2"] = g.area_abstain;
  o["area_agree_pct"] = VotePercent(g.area_agree, g.area_total);
  return o;
}

}  // namespace

std::string VoteOutcomeToJson(const Registry& r, const Vote& vote, const BallotBox& box,
                          const VoteOutcome& out) {
  json::object root;
  json::object v;
  v["id"] = vote.id;
  v["matter"] = KeyOf(vote.matter);
  v["scope"] = vote_internal::ScopeToJsonValue(vote.scope);
  v["rule"] = vote_internal::RuleToJsonValue(vote.rule);
  v["opens"] = FormatVoteTime(vote.opens);
  v["closes"] = FormatVoteTime(vote.closes);
  root["vote"] = std::move(v);
  root["passed"] = out.passed;

  root["totals"] = vote_internal::TotalsToJsonValue(out.totals);

  json::array tests;
  for (const ThresholdResult& tr : out.tests) tests.push_back(vote_internal::TestToJsonValue(tr));
  root["tests"] = std::move(tests);

  root["ballot_counts"] =
      vote_internal::BallotCountsToJsonValue(out.status_counts, static_cast<std::int64_t>(box.size()));

  json::array record;
  for (std::size_t i = 0; i < out.ballot_status.size(); ++i) {
    json::object o = vote_internal::BallotToJsonValue(r, box, i);
    o["status"] = KeyOf(out.ballot_status[i]);
    record.push_back(std::move(o));
  }
  root["ballots"] = std::move(record);

  json::array buildings, entrances;
  for (const GroupTally& g : out.buildings) buildings.push_back(GroupJson(r, g));
  for (const GroupTally& g : out.entrances) entrances.push_back(GroupJson(r, g));
  root["buildings"] = std::move(buildings);
  root["entrances"] = std::move(entrances);

  json::array inconsistent;
  for (const InconsistentPerson& p : out.inconsistent) {
    json::object o;
    o["developer"] = p.developer;
    if (p.owner != kNoIndex) o["owner"] = r.owner(p.owner).id;
    json::array ds;
    for (Index d : out.dwellings_of(p)) ds.emplace_back(r.dwelling(d).id);
    o["dwellings"] = std::move(ds);
    inconsistent.push_back(std::move(o));
  }
  root["inconsistent_persons"] = std::move(inconsistent);
  return json::serialize(root);
}

}  // namespace renewal
