// renewal._core.votes: owner votes counted by the legal thresholds. The exchange
// is the documented JSON (docs/votes.md); python/renewal/votes.py adds pandas.
#include "bindings.h"

#include <pybind11/numpy.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "renewal/registry/registry.h"
#include "renewal/votes/vote.h"
#include "renewal/votes/vote_consult.h"
#include "renewal/votes/vote_consult_json.h"
#include "renewal/base/file.h"
#include "renewal/votes/vote_estates.h"
#include "renewal/votes/vote_json.h"
#include "renewal/votes/vote_notice.h"

namespace renewal::python {
namespace {

// A preset name, rule JSON text, or the path of a rule JSON file.
VoteRule RuleOf(const std::string& spec) {
  if (!spec.empty() && spec.front() == '{') return ValueOrThrow(ParseVoteRuleJson(spec));
  if (spec.size() > 5 && spec.substr(spec.size() - 5) == ".json") {
    absl::StatusOr<std::string> text = internal::ReadFileToString(spec);
    if (!text.ok()) ThrowStatus(internal::Prefixed(text.status(), "rule"));
    return ValueOrThrow(ParseVoteRuleJson(*text));
  }
  return ValueOrThrow(VoteRulePreset(spec));
}

struct CountedVote {
  VoteDocument doc;
  VoteOutcome outcome;
};

CountedVote Count(const Registry& registry, const std::string& document,
              const std::optional<std::string>& rule) {
  VoteDocument doc = ValueOrThrow(ParseVoteDocument(registry, document));
  if (rule) doc.vote.rule = RuleOf(*rule);
  absl::StatusOr<VoteOutcome> outcome = [&] {
    py::gil_scoped_release release;
    return Tally(registry, doc.vote, doc.ballots);
  }();
  return CountedVote{std::move(doc), ValueOrThrow(std::move(outcome))};
}

// Rounds are ballots documents: the first one's scope (and rule, unless `rule`
// is given) is the consultation's; each round's vote id names it and its
// opens/closes are the round's window (AddConsultationRound).
std::string ConsultRounds(const Registry& registry, const std::vector<std::string>& rounds,
                          const std::optional<std::string>& rule_spec) {
  if (rounds.empty()) ThrowStatus(absl::InvalidArgumentError("rounds: must not be empty"));
  ConsultationInput input;
  for (std::size_t k = 0; k < rounds.size(); ++k) {
    absl::StatusOr<VoteDocument> doc = ParseVoteDocument(registry, rounds[k]);
    absl::Status st = doc.ok() ? AddConsultationRound(*std::move(doc), &input) : doc.status();
    if (!st.ok()) {
      ThrowStatus(absl::Status(st.code(), "rounds[" + std::to_string(k) + "] " + std::string(st.message())));
    }
  }
  if (rule_spec) input.rule = RuleOf(*rule_spec);
  absl::StatusOr<ConsultationResult> result = [&] {
    py::gil_scoped_release release;
    return RunConsultation(registry, input.scope, input.rule, input.rounds);
  }();
  return ConsultationResultToJson(registry, input, ValueOrThrow(std::move(result)));
}

// `document` supplies the ballots and, unless `rule` is given, the rule (its
// matter's default for elevator_addition is civil_code_major); its scope and
// window are not used: each entrance opens with its earliest application.
std::string Elevator(const Registry& registry, const std::string& document,
                     const std::string& applications, std::int64_t duration_seconds,
                     const std::optional<std::string>& rule_spec) {
  VoteDocument doc = ValueOrThrow(ParseVoteDocument(registry, document));
  std::vector<ElevatorApplication> apps = ValueOrThrow(ParseElevatorApplications(registry, applications));
  const VoteRule rule = rule_spec ? RuleOf(*rule_spec) : doc.vote.rule;
  std::vector<EntranceConsultation> result =
      ValueOrThrow(ElevatorConsultations(registry, apps, doc.ballots, rule, duration_seconds));
  return ElevatorResultToJson(registry, rule, duration_seconds, doc.ballots, result);
}

// One vote per estate (TallyEachEstate) over ballots given as resolved columns (numpy:
// dwelling rows from Registry.dwelling_rows, -1 unknown; choice and cast_by codes in
// label order, cast_by -1 for the owner; owner rows, -1 not named, -2 unknown; epoch
// seconds); the result as columns for a DataFrame (python/renewal/votes.py tally_estates).
py::dict TallyEstatesRows(const Registry& registry, const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& dwelling_rows,
                          const py::array_t<std::int8_t, py::array::c_style | py::array::forcecast>& choices,
                          const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& times,
                          const py::array_t<std::int8_t, py::array::c_style | py::array::forcecast>& cast_by,
                          const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& owner_rows, const Text& rule,
                          std::int64_t opens, std::int64_t closes, const Text& matter,
                          const std::vector<std::string>& estate_ids) {
  const auto n = static_cast<std::size_t>(dwelling_rows.size());
  if (static_cast<std::size_t>(choices.size()) != n || static_cast<std::size_t>(times.size()) != n ||
      static_cast<std::size_t>(cast_by.size()) != n || static_cast<std::size_t>(owner_rows.size()) != n) {
    ThrowStatus(absl::InvalidArgumentError("ballots: the columns differ in length"));
  }
  Vote like;
  like.rule = RuleOf(rule);
  like.opens = opens;
  like.closes = closes;
  like.matter = LabelArg<VoteMatter>(matter, "matter");
  std::vector<Index> estates;
  for (std::size_t k = 0; k < estate_ids.size(); ++k) {
    std::optional<Index> e = registry.FindEstate(estate_ids[k]);
    if (!e) {
      ThrowStatus(absl::NotFoundError("estates[" + std::to_string(k) + "]: no estate with id \"" +
                                      estate_ids[k] + "\""));
    }
    estates.push_back(*e);
  }
  const std::int64_t* dw = dwelling_rows.data();
  const std::int8_t* ch = choices.data();
  const std::int64_t* tm = times.data();
  const std::int8_t* cb = cast_by.data();
  const std::int64_t* ow = owner_rows.data();
  const auto dwellings_n = static_cast<std::int64_t>(registry.dwelling_count());
  const auto owners_n = static_cast<std::int64_t>(registry.owner_count());
  BallotBox box;
  box.Reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    auto where = [i] { return "ballots[" + std::to_string(i) + "]"; };  // only on error
    if (dw[i] < -1 || dw[i] >= dwellings_n) {
      ThrowStatus(absl::OutOfRangeError(where() + " dwelling row: " + std::to_string(dw[i]) + " out of range"));
    }
    if (ch[i] < 0 || static_cast<std::size_t>(ch[i]) >= LabelCount<BallotChoice>()) {
      ThrowStatus(absl::InvalidArgumentError(where() + " choice: missing or out of range"));
    }
    if (cb[i] < -1 || cb[i] >= static_cast<std::int8_t>(LabelCount<CastBy>())) {
      ThrowStatus(absl::InvalidArgumentError(where() + " cast_by: out of range"));
    }
    if (ow[i] < -2 || ow[i] >= owners_n) {
      ThrowStatus(absl::OutOfRangeError(where() + " owner row: " + std::to_string(ow[i]) + " out of range"));
    }
    const Index dwelling = dw[i] < 0 ? kNoIndex : static_cast<Index>(dw[i]);
    const Index owner = ow[i] == -1 ? kNoIndex : ow[i] == -2 ? kUnknownOwner : static_cast<Index>(ow[i]);
    const CastBy by = cb[i] < 0 ? CastBy::kOwner : static_cast<CastBy>(cb[i]);
    if (absl::Status st = box.AddResolved(dwelling, static_cast<BallotChoice>(ch[i]), tm[i], by, owner);
        !st.ok()) {
      ThrowStatus(absl::Status(st.code(), where() + " " + std::string(st.message())));
    }
  }
  const std::size_t rows = estates.empty() ? registry.estate_count() : estates.size();
  std::vector<std::string> id(rows), failed(rows);
  std::vector<bool> passed(rows);
  std::vector<std::int64_t> ballots(rows), accepted(rows), rejected(rows), dwellings(rows),
      heads_total(rows), heads_participating(rows), heads_agree(rows), area_total(rows),
      area_participating(rows), area_agree(rows), inconsistent(rows);
  std::vector<std::vector<std::int64_t>> margins(like.rule.tests.size(),
                                                 std::vector<std::int64_t>(rows));
  std::vector<std::size_t> unattributed;
  // Each outcome goes straight into the columns (none is kept).
  auto row = [&](std::size_t k, Index, VoteOutcome& o) {
    id[k] = o.vote_id;
    passed[k] = o.passed;
    ballots[k] = static_cast<std::int64_t>(o.ballot_status.size());
    accepted[k] = o.count(BallotStatus::kAccepted);
    rejected[k] = o.rejected();
    dwellings[k] = o.totals.dwellings;
    heads_total[k] = o.totals.heads_total;
    heads_participating[k] = o.totals.heads_participating;
    heads_agree[k] = o.totals.heads_agree;
    area_total[k] = o.totals.area_total;
    area_participating[k] = o.totals.area_participating;
    area_agree[k] = o.totals.area_agree;
    inconsistent[k] = static_cast<std::int64_t>(o.inconsistent.size());
    for (std::size_t t = 0; t < o.tests.size(); ++t) {
      margins[t][k] = o.tests[t].margin;
      if (!o.tests[t].passed) failed[k] += (failed[k].empty() ? "" : ";") + o.tests[t].test.name;
    }
  };
  absl::Status counted = [&] {
    py::gil_scoped_release release;
    return TallyEachEstate(registry, box, like, estates, TallyOptions{false, false}, row,
                           &unattributed);
  }();
  if (!counted.ok()) ThrowStatus(counted);
  py::dict out;
  out["estate_id"] = id;
  out["passed"] = passed;
  out["failed_tests"] = failed;
  out["ballots"] = ballots;
  out["accepted"] = accepted;
  out["rejected"] = rejected;
  out["dwellings"] = dwellings;
  out["heads_total"] = heads_total;
  out["heads_participating"] = heads_participating;
  out["heads_agree"] = heads_agree;
  out["area_total_centi_m2"] = area_total;
  out["area_participating_centi_m2"] = area_participating;
  out["area_agree_centi_m2"] = area_agree;
  out["inconsistent_persons"] = inconsistent;
  for (std::size_t t = 0; t < like.rule.tests.size(); ++t) {
    out[py::str("margin." + like.rule.tests[t].name)] = margins[t];
  }
  out["unattributed_ballots"] = unattributed;
  return out;
}

}  // namespace

void register_votes(py::module_& v) {
  v.def("presets", [] {
    std::vector<std::string> names;
    for (std::string_view n : VoteRulePresetNames()) names.emplace_back(n);
    return names;
  }, "The preset rule names (civil_code_major, civil_code_ordinary, ...).");
  v.def("rule_json", [](const Text& spec) { return VoteRuleToJson(RuleOf(spec)); },
        py::arg("rule"),
        "The rule as JSON.\n\n"
        ":param rule: a preset name, rule JSON text, or the path of a rule JSON file.\n"
        ":raises NotFoundError: unknown preset or unreadable file.\n"
        ":raises InvalidArgumentError: malformed rule (the message names tests[i] and the field).");
  v.def("tally_json",
        [](const Registry& registry, const Text& document,
           const std::optional<std::string>& rule) {
          CountedVote c = Count(registry, document, rule);
          return VoteOutcomeToJson(registry, c.doc.vote, c.doc.ballots, c.outcome);
        },
        py::arg("registry"), py::arg("document"), py::arg("rule") = py::none(),
        "Counts a vote.\n\n"
        ":param registry: a :class:`renewal.Registry`.\n"
        ":param document: the ballots document as JSON text ({\"vote\": ..., \"ballots\": [...]}).\n"
        ":param rule: overrides the document's rule (preset name, JSON text or file).\n"
        ":returns: the outcome as JSON text (docs/schemas/vote-outcome.schema.json).\n"
        ":raises InvalidArgumentError: malformed document; the message names ballots[i] and the field.\n"
        ":raises NotFoundError: the scope names an unknown estate, building or dwelling.");
  v.def("notice",
        [](const Registry& registry, const Text& document, const Text& format,
           const std::optional<std::string>& rule) {
          CountedVote c = Count(registry, document, rule);
          if (format == "md") return NoticeMarkdown(registry, c.doc.vote, c.outcome);
          if (format == "json") return NoticeJson(registry, c.doc.vote, c.outcome);
          ThrowStatus(absl::InvalidArgumentError("format: expected \"md\" or \"json\", got \"" +
                                                 format + "\""));
        },
        py::arg("registry"), py::arg("document"), py::arg("format") = "md",
        py::arg("rule") = py::none(),
        "The public notice (公示) with owner names masked, as Markdown or JSON text.");
  v.def("consult_rounds_json", &ConsultRounds, py::arg("registry"), py::arg("rounds"),
        py::arg("rule") = py::none(),
        "Multi-round consultation (宜昌 三轮征询): each round addresses the dwellings not yet agreed.\n\n"
        ":param rounds: ballots documents (JSON text), one per round; the first gives the scope\n"
        "    and (unless ``rule``) the rule; each vote id names its round, opens/closes its window;\n"
        "    later rounds must name the same scope.\n"
        ":returns: JSON text (docs/schemas/vote-consultation.schema.json): passed, rounds\n"
        "    (addressed, responded, newly_agreed, cumulative agreement, tests, ballots), remaining.\n"
        ":raises InvalidArgumentError: malformed document or another scope; names rounds[k].");
  v.def("elevator_json", &Elevator, py::arg("registry"), py::arg("document"),
        py::arg("applications"), py::arg("duration_seconds"), py::arg("rule") = py::none(),
        "Per-entrance elevator consultations (上海): each application opens its entrance's\n"
        "consultation for ``duration_seconds``.\n\n"
        ":param document: the ballots document (JSON text); its rule applies unless ``rule``.\n"
        ":param applications: the applications document (JSON text,\n"
        "    docs/schemas/vote-elevator-applications.schema.json).\n"
        ":returns: JSON text (docs/schemas/vote-elevator.schema.json).\n"
        ":raises NotFoundError: an application names an unknown dwelling.");
  v.def("tally_estates_rows", &TallyEstatesRows, py::arg("registry"),
        py::arg("dwelling_rows"), py::arg("choices"), py::arg("times"), py::arg("cast_by"),
        py::arg("owner_rows"), py::arg("rule"), py::arg("opens"), py::arg("closes"),
        py::arg("matter"), py::arg("estate_ids"),
        "One vote per estate over ballots given as resolved numpy columns: dwelling rows\n"
        "(Registry.dwelling_rows; -1 unknown), choice and cast_by codes in label order\n"
        "(cast_by -1: the owner), owner rows (-1 not named, -2 unknown), epoch seconds;\n"
        "empty estate_ids: every estate.\n\n"
        ":returns: a dict of result columns, one row per estate, and unattributed_ballots\n"
        "    (positions of ballots whose dwelling is not in the registry).\n"
        ":raises InvalidArgumentError: a bad ballot (names ballots[i] and the field).\n"
        ":raises NotFoundError: an unknown estate id or rule preset.");
  v.def("mask_name", &MaskPersonName, py::arg("name"),
        "Masks a name for public notices: 张三 → 张*, 欧阳娜娜 → 欧阳**.");
}

}  // namespace renewal::python
