// `renewal elevator REGISTRY BALLOTS.json APPLICATIONS.json [--days 30] [--rule NAME|rule.json]
// [--json]`: elevator additions decided per entrance (单元); one household's
// application opens its entrance's consultation (上海, seed 001; docs/votes.md).
#include <ostream>
#include <string>

#include "command.h"
#include "input.h"
#include "renewal/registry/registry_json.h"
#include "renewal/votes/vote.h"
#include "renewal/votes/vote_consult.h"
#include "renewal/votes/vote_consult_json.h"
#include "renewal/votes/vote_json.h"
#include "renewal/base/status_macros.h"
#include "rule_option.h"
#include "vote_wording.h"

namespace renewal::cli {
namespace {

constexpr char kUsage[] =
    "elevator REGISTRY BALLOTS.json APPLICATIONS.json [--days 30] [--rule NAME|rule.json] [--json]";
constexpr long long kMaxDays = 36500;  // keeps days × 86400 far from overflow

std::string EntranceName(const Registry& r, const EntranceConsultation& c, Lang lang) {
  if (lang == Lang::kZh) {
    return r.building(c.building).id + " " + std::string(r.entrance(c.entrance).id) + "单元";
  }
  return r.building(c.building).id + " entrance " + std::string(r.entrance(c.entrance).id);
}

void PrintHuman(const Registry& r, const VoteRule& rule, long long days, const BallotBox& box,
                const std::vector<EntranceConsultation>& list, Lang lang, std::ostream& out) {
  const bool zh = lang == Lang::kZh;
  if (zh) {
    out << "加装电梯征询（按单元，一户申请即启动本单元征询） 征询期 " << days << " 天\n";
  } else {
    out << "elevator consultations (by entrance; one application opens its entrance's), "
        << days << " days each\n";
  }
  out << RuleLine(rule, lang) << "\n";
  const std::vector<std::size_t> where = ElevatorBallotEntrances(r, box, list);
  std::string passed_names;
  std::size_t passed = 0;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const EntranceConsultation& c = list[k];
    const VoteOutcome& o = c.outcome;
    if (o.passed) {
      passed_names += (passed++ == 0 ? "" : zh ? "、" : ", ") + EntranceName(r, c, lang);
    }
    if (zh) {
      out << "单元 " << EntranceName(r, c, lang) << "：" << PassedWord(o.passed, lang)
          << "\n  申请 " << c.applications << " 户，首个申请 " << c.opened_by
          << (c.opened_by_id.empty() ? "" : "（" + c.opened_by_id + "）") << "；征询期 "
          << FormatVoteTime(c.opens) << " 至 " << FormatVoteTime(c.closes) << "\n";
    } else {
      out << EntranceName(r, c, lang) << ": " << PassedWord(o.passed, lang) << "\n  "
          << c.applications << (c.applications == 1 ? " application" : " applications")
          << ", first by " << c.opened_by
          << (c.opened_by_id.empty() ? "" : " (" + c.opened_by_id + ")") << "; consultation "
          << FormatVoteTime(c.opens) << " to " << FormatVoteTime(c.closes) << "\n";
    }
    for (const ThresholdResult& t : o.tests) {
      out << "  [" << PassedWord(t.passed, lang) << "] " << t.test.name << (zh ? "：" : ": ")
          << ThresholdLine(t, lang) << "\n";
    }
    const VoteTotals& x = o.totals;
    if (zh) {
      out << "  合计：" << x.dwellings << " 户，" << x.heads_total << " 人，" << M2(x.area_total)
          << "；参与 " << x.heads_participating << " 人；同意 " << x.heads_agree << " 人 "
          << M2(x.area_agree) << "；不同意 " << x.heads_disagree << " 人；弃权 " << x.heads_abstain
          << " 人\n";
    } else {
      out << "  totals: " << x.dwellings << " dwellings, " << Owners(x.heads_total) << ", "
          << M2(x.area_total) << "; participating " << Owners(x.heads_participating) << "; agree "
          << Owners(x.heads_agree) << " " << M2(x.area_agree) << "; disagree "
          << Owners(x.heads_disagree) << "; abstain " << Owners(x.heads_abstain) << "\n";
    }
    // This entrance's own ballots: the others' are not its rejections.
    std::array<std::int64_t, kBallotStatusCount> counts{};
    std::int64_t total = 0;
    for (std::size_t i = 0; i < where.size(); ++i) {
      if (where[i] != k) continue;
      ++counts[static_cast<std::size_t>(o.ballot_status[i])];
      ++total;
    }
    out << "  " << BallotCountsLine(counts, total, lang) << "\n";
  }
  std::int64_t unknown = 0, uncounted = 0;
  for (std::size_t w : where) {
    unknown += w == kBallotUnknownDwelling ? 1 : 0;
    uncounted += w == kBallotNoConsultation ? 1 : 0;
  }
  const std::int64_t counted = static_cast<std::int64_t>(box.size()) - unknown - uncounted;
  if (zh) {
    out << "结果：" << list.size() << " 个单元启动征询，" << passed << " 个通过"
        << (passed_names.empty() ? "" : "（" + passed_names + "）") << "，" << list.size() - passed
        << " 个未通过\n";
    out << "选票：共 " << box.size() << " 张；计入单元征询 " << counted << "，房屋不存在 "
        << unknown << "，所在单元无人申请 " << uncounted << "\n";
  } else {
    out << "result: " << list.size() << " entrances consulted, " << passed << " passed"
        << (passed_names.empty() ? "" : " (" + passed_names + ")") << ", "
        << list.size() - passed << " not passed\n";
    out << "ballots: " << box.size() << "; counted in an entrance's consultation " << counted
        << ", unknown dwelling " << unknown << ", no application in their entrance " << uncounted
        << "\n";
  }
}

absl::Status Elevator(const Args& args, std::ostream& out) {
  if (args.positional().size() != 3) {
    return UsageError(std::string("usage: renewal ") + kUsage);
  }
  long long days = 0;
  RENEWAL_RETURN_IF_ERROR(args.IntOption("days", 30, &days));
  if (days < 1 || days > kMaxDays) {
    return absl::InvalidArgumentError("--days: must be between 1 and " + std::to_string(kMaxDays) +
                                      ", got " + std::to_string(days));
  }
  RENEWAL_ASSIGN_OR_RETURN(Registry r, LoadRegistryInput(args.positional()[0]));
  RENEWAL_ASSIGN_OR_RETURN(VoteDocument doc, LoadVoteInput(r, args.positional()[1]));
  absl::StatusOr<std::vector<ElevatorApplication>> apps =
      LoadElevatorApplicationsInput(r, args.positional()[2]);
  if (!apps.ok()) return apps.status();
  // The ballots document's rule (or its matter's default: elevator_addition →
  // civil_code_major) unless --rule names another.
  VoteRule rule = doc.vote.rule;
  if (std::optional<std::string> spec = args.option("rule")) {
    RENEWAL_ASSIGN_OR_RETURN(VoteRule given, LoadRuleOption(*spec));
    rule = std::move(given);
  }
  const std::int64_t duration = static_cast<std::int64_t>(days) * 86400;
  absl::StatusOr<std::vector<EntranceConsultation>> list =
      ElevatorConsultations(r, *apps, doc.ballots, rule, duration);
  if (!list.ok()) return list.status();
  if (args.flag("json")) {
    out << ElevatorResultToJson(r, rule, duration, doc.ballots, *list) << "\n";
  } else {
    RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
    PrintHuman(r, rule, days, doc.ballots, *list, lang, out);
  }
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "elevator",
     .usage = kUsage,
     .summary = "elevator additions per entrance (上海): each application opens its entrance's "
                "consultation",
     .options = {{"--days", "N", "length of each entrance's consultation, 1 to 36500 days", "30"},
                 {"--rule", "NAME|rule.json",
                  "a preset vote rule (renewal vote-rules) or a rule JSON file",
                  "the ballots document's rule"},
                 JsonOption()},
     .run = Elevator,
     .positionals = "REGISTRY BALLOTS.json APPLICATIONS.json (one may be \"-\": stdin)",
     .example = "elevator estate.json elevator_ballots.json elevator_applications.json "
                "--days 30",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
