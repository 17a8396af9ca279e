// renewal._core.votes: owner votes counted by the legal thresholds. The exchange
// is the documented JSON (docs/votes.md); python/renewal/votes.py adds pandas.
#include "bindings.h"

#include <boost/json.hpp>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "renewal/registry.h"
#include "renewal/vote.h"
#include "renewal/vote_consult.h"
#include "renewal/vote_json.h"
#include "renewal/vote_notice.h"

namespace renewal::python {
namespace {

// A preset name, rule JSON text, or the path of a rule JSON file.
VoteRule RuleOf(const std::string& spec) {
  if (!spec.empty() && spec.front() == '{') return ValueOrThrow(ParseVoteRuleJson(spec));
  if (spec.size() > 5 && spec.substr(spec.size() - 5) == ".json") {
    std::ifstream in(spec, std::ios::binary);
    if (!in) ThrowStatus(absl::NotFoundError("rule: cannot open \"" + spec + "\""));
    std::ostringstream text;
    text << in.rdbuf();
    return ValueOrThrow(ParseVoteRuleJson(text.str()));
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

std::string_view ChoiceKey(DwellingChoice c) {
  switch (c) {
    case DwellingChoice::kAgree: return "agree";
    case DwellingChoice::kDisagree: return "disagree";
    case DwellingChoice::kAbstain: return "abstain";
    case DwellingChoice::kNone: return "none";
  }
  return "none";
}

boost::json::array Statuses(const std::vector<BallotStatus>& statuses) {
  boost::json::array a;
  for (BallotStatus st : statuses) a.emplace_back(KeyOf(st));
  return a;
}

// Rounds are ballots documents: the first one's scope (and rule, unless `rule`
// is given) is the consultation's; each round's vote id names it and its
// opens/closes are the round's window.
std::string ConsultRounds(const Registry& registry, const std::vector<std::string>& rounds,
                          const std::optional<std::string>& rule_spec) {
  if (rounds.empty()) ThrowStatus(absl::InvalidArgumentError("rounds: must not be empty"));
  std::vector<ConsultationRound> parsed;
  VoteScope scope;
  VoteRule rule;
  for (std::size_t k = 0; k < rounds.size(); ++k) {
    absl::StatusOr<VoteDocument> doc = ParseVoteDocument(registry, rounds[k]);
    if (!doc.ok()) {
      ThrowStatus(absl::Status(doc.status().code(),
                               "rounds[" + std::to_string(k) + "] " + std::string(doc.status().message())));
    }
    if (k == 0) {
      scope = doc->vote.scope;
      rule = rule_spec ? RuleOf(*rule_spec) : doc->vote.rule;
    }
    parsed.push_back({doc->vote.id, doc->vote.opens, doc->vote.closes, std::move(doc->ballots)});
  }
  ConsultationResult result = ValueOrThrow(RunConsultation(registry, scope, rule, parsed));
  boost::json::object root;
  root["rule"] = rule.name;
  root["passed"] = result.passed;
  boost::json::array out_rounds;
  for (const RoundResult& r : result.rounds) {
    boost::json::object o;
    o["name"] = r.name;
    o["addressed"] = r.addressed;
    o["responded"] = r.responded;
    o["newly_agreed"] = r.newly_agreed;
    o["heads_agree"] = r.cumulative.heads_agree;
    o["heads_total"] = r.cumulative.heads_total;
    o["area_agree_centi_m2"] = r.cumulative.area_agree;
    o["area_total_centi_m2"] = r.cumulative.area_total;
    o["heads_agree_pct"] = VotePercent(r.cumulative.heads_agree, r.cumulative.heads_total);
    o["passed"] = r.passed;
    o["ballot_status"] = Statuses(r.ballot_status);
    out_rounds.push_back(std::move(o));
  }
  root["rounds"] = std::move(out_rounds);
  boost::json::array remaining;
  for (std::size_t k = 0; k < result.remaining.size(); ++k) {
    boost::json::object o;
    o["dwelling"] = registry.dwelling(result.remaining[k]).id;
    o["last_choice"] = ChoiceKey(result.remaining_last_choice[k]);
    remaining.push_back(std::move(o));
  }
  root["remaining"] = std::move(remaining);
  return boost::json::serialize(root);
}

// `document` supplies the ballots (its vote's scope and window are not used).
std::string Elevator(const Registry& registry, const std::string& document,
                     const std::vector<std::pair<std::string, std::int64_t>>& applications,
                     std::int64_t duration_seconds, const std::optional<std::string>& rule_spec) {
  VoteDocument doc = ValueOrThrow(ParseVoteDocument(registry, document));
  std::vector<ElevatorApplication> apps;
  for (const auto& [dwelling, time] : applications) apps.push_back({dwelling, time});
  const VoteRule rule = rule_spec ? RuleOf(*rule_spec) : VoteRule{};
  std::vector<EntranceConsultation> result =
      ValueOrThrow(ElevatorConsultations(registry, apps, doc.ballots, rule, duration_seconds));
  boost::json::array out;
  for (const EntranceConsultation& c : result) {
    boost::json::object o;
    o["building"] = registry.building(c.building).id;
    o["entrance"] = registry.entrance(c.entrance).id;
    o["opened_by"] = c.opened_by;
    o["opens"] = FormatVoteTime(c.opens);
    o["closes"] = FormatVoteTime(c.closes);
    o["applications"] = c.applications;
    o["rule"] = c.outcome.rule_name;
    o["passed"] = c.outcome.passed;
    o["heads_agree"] = c.outcome.totals.heads_agree;
    o["heads_total"] = c.outcome.totals.heads_total;
    o["area_agree_centi_m2"] = c.outcome.totals.area_agree;
    o["area_total_centi_m2"] = c.outcome.totals.area_total;
    out.push_back(std::move(o));
  }
  return boost::json::serialize(out);
}

}  // namespace

void register_votes(py::module_& m) {
  py::module_ v = m.def_submodule("votes", "Owner votes and consultations (表决、征询).");
  v.def("presets", [] {
    std::vector<std::string> names;
    for (std::string_view n : VoteRulePresetNames()) names.emplace_back(n);
    return names;
  }, "The preset rule names (civil_code_major, civil_code_ordinary, ...).");
  v.def("rule_json", [](const std::string& spec) { return VoteRuleToJson(RuleOf(spec)); },
        py::arg("rule"),
        "The rule as JSON.\n\n"
        ":param rule: a preset name, rule JSON text, or the path of a rule JSON file.\n"
        ":raises NotFoundError: unknown preset or unreadable file.\n"
        ":raises InvalidArgumentError: malformed rule (the message names tests[i] and the field).");
  v.def("tally_json",
        [](const Registry& registry, const std::string& document,
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
        [](const Registry& registry, const std::string& document, const std::string& format,
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
        "    and (unless ``rule``) the rule; each vote id names its round, opens/closes its window.\n"
        ":returns: JSON text: passed, rounds (addressed, responded, newly_agreed, cumulative\n"
        "    agreement, ballot_status), remaining dwellings with their last choice.");
  v.def("elevator_json", &Elevator, py::arg("registry"), py::arg("document"),
        py::arg("applications"), py::arg("duration_seconds"), py::arg("rule") = py::none(),
        "Per-entrance elevator consultations (上海): each application (dwelling id, epoch\n"
        "seconds) opens its entrance's consultation for ``duration_seconds``.\n\n"
        ":returns: JSON text: one object per opened entrance with passed and the agreement.");
  v.def("mask_name", &MaskPersonName, py::arg("name"),
        "Masks a name for public notices: 张三 → 张*, 欧阳娜娜 → 欧阳**.");
}

}  // namespace renewal::python
