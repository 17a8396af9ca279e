// `renewal tally REGISTRY BALLOTS [--rule NAME|rule.json] [--json] [--notice md|json]`:
// counts an owner vote (docs/votes.md).
#include <ostream>
#include <string>

#include "command.h"
#include "input.h"
#include "report_format.h"
#include "renewal/registry/registry_json.h"
#include "renewal/votes/vote.h"
#include "renewal/votes/vote_json.h"
#include "renewal/votes/vote_notice.h"
#include "renewal/base/status_macros.h"
#include "rule_option.h"
#include "vote_wording.h"

namespace renewal::cli {
namespace {

constexpr char kUsage[] =
    "tally REGISTRY BALLOTS [--rule NAME|rule.json] [--json] [--notice md|json] "
    "[--format html|xlsx [-o FILE]]";

void PrintHuman(const Registry& r, const Vote& v, const BallotBox& box, const VoteOutcome& o,
                Lang lang, std::ostream& out) {
  const bool zh = lang == Lang::kZh;
  if (zh) {
    out << "表决 " << v.id << "（" << ZhOf(v.matter) << "） 范围：" << VoteScopeZh(v.scope)
        << "\n时间：" << FormatVoteTime(v.opens) << " 至 " << FormatVoteTime(v.closes) << "\n"
        << RuleLine(v.rule, lang) << "\n结果：" << PassedWord(o.passed, lang) << "\n";
  } else {
    out << "vote " << v.id << " (" << EnOf(v.matter) << "), scope: " << VoteScopeEn(v.scope)
        << "\ntime: " << FormatVoteTime(v.opens) << " to " << FormatVoteTime(v.closes) << "\n"
        << RuleLine(v.rule, lang) << "\nresult: " << PassedWord(o.passed, lang) << "\n";
  }
  for (const ThresholdResult& t : o.tests) {
    out << "  [" << PassedWord(t.passed, lang) << "] " << t.test.name << (zh ? "：" : ": ")
        << ThresholdLine(t, lang) << "\n";
  }
  const VoteTotals& x = o.totals;
  if (zh) {
    out << "合计：" << x.dwellings << " 户，" << x.heads_total << " 人，" << M2(x.area_total)
        << "；参与 " << x.heads_participating << " 人 " << M2(x.area_participating) << "；同意 "
        << x.heads_agree << " 人 " << M2(x.area_agree) << "；不同意 " << x.heads_disagree
        << " 人；弃权 " << x.heads_abstain << " 人\n";
  } else {
    out << "totals: " << x.dwellings << " dwellings, " << Owners(x.heads_total) << ", "
        << M2(x.area_total) << "; participating " << Owners(x.heads_participating) << " "
        << M2(x.area_participating) << "; agree " << Owners(x.heads_agree) << " "
        << M2(x.area_agree) << "; disagree " << Owners(x.heads_disagree) << "; abstain "
        << Owners(x.heads_abstain) << "\n";
  }
  out << BallotCountsLine(o.status_counts, static_cast<std::int64_t>(box.size()), lang) << "\n";
  for (const InconsistentPerson& p : o.inconsistent) {
    if (zh) {
      out << "  表决不一致：" << (p.developer ? std::string("开发建设单位") : r.owner(p.owner).id)
          << "，" << p.count << " 套房屋，其选票均不计入\n";
    } else {
      out << "  inconsistent votes: " << (p.developer ? std::string("the developer") : r.owner(p.owner).id)
          << ", " << p.count << " dwellings; none of their ballots count\n";
    }
  }
  out << (zh ? "分楼栋：\n" : "by building:\n");
  for (const GroupTally& g : o.buildings) {
    if (zh) {
      out << "  " << r.building(g.building).id << "：" << g.dwellings << " 户，同意 "
          << g.dwellings_agree << " 户（面积 " << VotePercent(g.area_agree, g.area_total)
          << "），不同意 " << g.dwellings_disagree << " 户，弃权 " << g.dwellings_abstain << " 户\n";
    } else {
      out << "  " << r.building(g.building).id << ": " << g.dwellings << " dwellings, agree "
          << g.dwellings_agree << " (area " << VotePercent(g.area_agree, g.area_total)
          << "), disagree " << g.dwellings_disagree << ", abstain " << g.dwellings_abstain << "\n";
    }
  }
}

absl::Status Tally(const Args& args, std::ostream& out) {
  if (args.positional().size() != 2) {
    return UsageError(std::string("usage: renewal ") + kUsage);
  }
  RENEWAL_ASSIGN_OR_RETURN(Registry r, LoadRegistryInput(args.positional()[0]));
  RENEWAL_ASSIGN_OR_RETURN(VoteDocument doc, LoadVoteInput(r, args.positional()[1]));
  if (std::optional<std::string> spec = args.option("rule")) {
    RENEWAL_ASSIGN_OR_RETURN(VoteRule rule, LoadRuleOption(*spec));
    doc.vote.rule = std::move(rule);
  }
  RENEWAL_ASSIGN_OR_RETURN(VoteOutcome o, renewal::Tally(r, doc.vote, doc.ballots));
  RENEWAL_ASSIGN_OR_RETURN(const bool report, WantsReport(args));
  if (report) return WriteReport(args, NoticeJson(r, doc.vote, o), out);  // the notice
  if (std::optional<std::string> notice = args.option("notice")) {
    RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
    if (*notice == "md" && lang == Lang::kEn) {
      return UsageError("--lang en: the public notice is posted to owners in Chinese; "
                        "--notice json is language-neutral");
    }
    if (*notice == "md") {
      out << NoticeMarkdown(r, doc.vote, o);
    } else if (*notice == "json") {
      out << NoticeJson(r, doc.vote, o) << "\n";
    } else {
      return absl::InvalidArgumentError("--notice: expected md or json, got \"" + *notice + "\"");
    }
    return absl::OkStatus();
  }
  if (args.flag("json")) {
    out << VoteOutcomeToJson(r, doc.vote, doc.ballots, o) << "\n";
  } else {
    RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
    PrintHuman(r, doc.vote, doc.ballots, o, lang, out);
  }
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "tally",
     .usage = kUsage,
     .summary = "count an owner vote by the legal thresholds (area and headcount, exact)",
     .options = {{"--rule", "NAME|rule.json",
                  "a preset vote rule (renewal vote-rules) or a rule JSON file",
                  "the ballots document's rule"},
                 JsonOption(),
                 {"--notice", "md|json", "write the public notice (公告) instead", ""},
                 ReportOptions()[0], ReportOptions()[1]},
     .run = Tally,
     .positionals = "REGISTRY BALLOTS: registry and ballots JSON (either may be \"-\": stdin)",
     .example = "tally examples/votes/estate.json examples/votes/ballots.json --rule "
                "civil_code_major",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
