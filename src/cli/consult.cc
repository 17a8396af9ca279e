// `renewal consult REGISTRY ROUND1.json [ROUND2.json ...] [--rule NAME|rule.json] [--json]`:
// a multi-round consultation (宜昌 三轮征询, seed 001), one ballots document per
// round (docs/votes.md "Consultations").
#include <ostream>
#include <string>

#include "command.h"
#include "input.h"
#include "renewal/base/file.h"
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
    "consult REGISTRY ROUND1.json [ROUND2.json ...] [--rule NAME|rule.json] [--json]";

std::string_view LastChoice(DwellingChoice c, Lang lang) {
  const bool zh = lang == Lang::kZh;
  switch (c) {
    case DwellingChoice::kAgree: return zh ? "同意" : "agree";
    case DwellingChoice::kDisagree: return zh ? "不同意" : "disagree";
    case DwellingChoice::kAbstain: return zh ? "弃权" : "abstain";
    case DwellingChoice::kNone: break;
  }
  return zh ? "未答复" : "no answer";
}

void PrintHuman(const Registry& r, const ConsultationInput& in, const ConsultationResult& res,
                Lang lang, std::ostream& out) {
  const bool zh = lang == Lang::kZh;
  if (zh) {
    out << "多轮征询 " << in.rounds.size() << " 轮 范围：" << VoteScopeZh(in.scope) << "\n";
  } else {
    out << "consultation in " << in.rounds.size() << " rounds, scope: " << VoteScopeEn(in.scope)
        << "\n";
  }
  out << RuleLine(in.rule, lang) << "\n";
  std::int64_t agreed = 0;
  for (std::size_t k = 0; k < res.rounds.size(); ++k) {
    const RoundResult& rr = res.rounds[k];
    const VoteTotals& t = rr.cumulative;
    agreed += rr.newly_agreed;
    if (zh) {
      out << "第" << k + 1 << "轮 " << rr.name << "：" << FormatVoteTime(in.rounds[k].opens)
          << " 至 " << FormatVoteTime(in.rounds[k].closes) << "\n  征询 " << rr.addressed
          << " 户，答复 " << rr.responded << " 户，新同意 " << rr.newly_agreed << " 户；累计同意 "
          << agreed << " 户，" << t.heads_agree << " 人 / " << t.heads_total << " 人（"
          << VotePercent(t.heads_agree, t.heads_total) << "），面积 " << M2(t.area_agree) << " / "
          << M2(t.area_total) << "（" << VotePercent(t.area_agree, t.area_total) << "）："
          << PassedWord(rr.passed, lang) << "\n";
    } else {
      out << "round " << k + 1 << " " << rr.name << ": " << FormatVoteTime(in.rounds[k].opens)
          << " to " << FormatVoteTime(in.rounds[k].closes) << "\n  asked " << rr.addressed
          << " dwellings, " << rr.responded << " answered, " << rr.newly_agreed
          << " newly agreed; agreed so far " << agreed << " dwellings, " << t.heads_agree
          << " / " << Owners(t.heads_total) << " (" << VotePercent(t.heads_agree, t.heads_total)
          << "), area " << M2(t.area_agree) << " / " << M2(t.area_total) << " ("
          << VotePercent(t.area_agree, t.area_total) << "): " << PassedWord(rr.passed, lang)
          << "\n";
    }
    for (const ThresholdResult& tr : rr.tests) {
      out << "  [" << PassedWord(tr.passed, lang) << "] " << tr.test.name << (zh ? "：" : ": ")
          << ThresholdLine(tr, lang) << "\n";
    }
    std::array<std::int64_t, kBallotStatusCount> counts{};
    for (BallotStatus st : rr.ballot_status) ++counts[static_cast<std::size_t>(st)];
    out << "  "
        << BallotCountsLine(counts, static_cast<std::int64_t>(rr.ballot_status.size()), lang)
        << "\n";
  }
  if (zh) {
    out << "结果：" << PassedWord(res.passed, lang) << "\n";
    out << "尚未同意 " << res.remaining.size() << " 户" << (res.remaining.empty() ? "" : "：")
        << "\n";
  } else {
    out << "result: " << PassedWord(res.passed, lang) << "\n";
    out << "not yet agreed: " << res.remaining.size() << " dwellings" << "\n";
  }
  for (std::size_t k = 0; k < res.remaining.size(); ++k) {
    out << "  " << r.dwelling(res.remaining[k]).id << (zh ? "：最后意见 " : ": last answer ")
        << LastChoice(res.remaining_last_choice[k], lang) << "\n";
  }
}

absl::Status Consult(const Args& args, std::ostream& out) {
  if (args.positional().size() < 2) {
    return UsageError(std::string("usage: renewal ") + kUsage);
  }
  RENEWAL_ASSIGN_OR_RETURN(Registry r, LoadRegistryInput(args.positional()[0]));
  ConsultationInput input;
  for (std::size_t k = 1; k < args.positional().size(); ++k) {
    const std::string& path = args.positional()[k];
    RENEWAL_ASSIGN_OR_RETURN(VoteDocument doc, LoadVoteInput(r, path));
    if (absl::Status st = AddConsultationRound(std::move(doc), &input); !st.ok()) {
      return internal::Prefixed(st, path);
    }
  }
  if (std::optional<std::string> spec = args.option("rule")) {
    RENEWAL_ASSIGN_OR_RETURN(VoteRule rule, LoadRuleOption(*spec));
    input.rule = std::move(rule);
  }
  RENEWAL_ASSIGN_OR_RETURN(ConsultationResult res, RunConsultation(r, input.scope, input.rule, input.rounds));
  if (args.flag("json")) {
    out << ConsultationResultToJson(r, input, res) << "\n";
  } else {
    RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
    PrintHuman(r, input, res, lang, out);
  }
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "consult",
     .usage = kUsage,
     .summary =
         "multi-round consultation (宜昌 三轮征询): each round asks the dwellings not yet agreed",
     .options = {{"--rule", "NAME|rule.json",
                  "a preset vote rule (renewal vote-rules) or a rule JSON file",
                  "the first round's rule"},
                 JsonOption()},
     .run = Consult,
     .positionals = "REGISTRY ROUND1.json [ROUND2.json ...]: the registry, then one ballots "
                    "document per round (one may be \"-\": stdin)",
     .example = "consult estate.json consult_round1.json consult_round2.json --rule "
                "hebei_80_entry",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
