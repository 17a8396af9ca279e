// `renewal plan-menu MENU [--rule equal_shares|greedy] [--satisfaction cost|approvals] ...`: the residents' menu
// choice, greedy by approvals or by the Method of Equal Shares.
#include <cmath>
#include <optional>
#include <ostream>
#include <string>

#include "command.h"
#include "enum_option.h"
#include "input.h"
#include "progress.h"
#include "absl/strings/numbers.h"
#include "renewal/base/file.h"
#include "renewal/plan/pabulib.h"
#include "renewal/plan/plan_io.h"
#include "renewal/base/status_macros.h"

namespace renewal::cli {
namespace {

absl::Status RunMenu(const Args& a, std::ostream& out) {
  if (a.positional().size() != 1) return UsageError("expected a MENU file");
  absl::StatusOr<std::string> text = ReadInput(a.positional()[0]);
  if (!text.ok()) return internal::Prefixed(text.status(), "menu file", " ");
  const std::string& path = a.positional()[0];
  const std::string_view name = internal::WithoutGzipSuffix(path);
  const bool pb = name.size() > 3 && name.ends_with(".pb");  // pabulib, by its suffix
  absl::StatusOr<MenuInput> input = pb ? ParsePabulib(*text) : ParseMenuJson(*text);
  if (!input.ok()) return pb ? internal::Prefixed(input.status(), path) : input.status();
  MenuRule rule = MenuRule::kEqualShares;
  RENEWAL_RETURN_IF_ERROR(EnumOption(a, "rule", &rule));
  MesCompletion completion = MesCompletion::kGreedy;
  RENEWAL_RETURN_IF_ERROR(EnumOption(a, "completion", &completion));
  RENEWAL_RETURN_IF_ERROR(EnumOption(a, "satisfaction", &input->satisfaction));
  if (std::optional<std::string> out_pb = a.option("export-pb")) {  // the menu as a .pb file
    RENEWAL_RETURN_IF_ERROR(internal::Prefixed(
        WriteOutput(*out_pb, out,
                    [&](std::ostream& f) {
                      f << MenuToPabulib(*input);
                      return absl::OkStatus();
                    }),
        "--export-pb"));
  }
  MenuControl control;
  if (std::optional<std::string> limit = a.option("time-limit")) {
    double seconds = 0;
    if (!absl::SimpleAtod(*limit, &seconds) || !(seconds >= 0) || seconds > 1e9) {
      return UsageError("--time-limit: expected seconds >= 0, got \"" + *limit + "\"");
    }
    control.time_limit = std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(seconds * 1000)));
  }
  const bool add1 = completion == MesCompletion::kAdd1 || completion == MesCompletion::kAdd1Greedy;
  std::optional<Progress> progress;
  if (add1) progress.emplace("renewal plan-menu: add1");
  absl::StatusOr<MenuResult> chosen = ChooseMenu(*input, rule, completion, control);
  progress.reset();
  RENEWAL_ASSIGN_OR_RETURN(MenuResult r, std::move(chosen));
  if (a.flag("json")) {
    out << MenuResultToJson(r) << "\n";
    return absl::OkStatus();
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(a));
  if (lang == Lang::kZh) {
    out << "菜单式改造（" << ZhOf(r.rule)
        << (r.rule == MenuRule::kEqualShares
                ? "，" + std::string(ZhOf(r.satisfaction)) + "，" + std::string(ZhOf(r.completion))
                : "")
        << (r.share_increase_fen > 0 ? "，每户份额加 " + std::to_string(r.share_increase_fen) + " 分"
                                     : "")
        << "）：预算 " << r.budget.ToYuanString() << " 元，基础类 "
        << r.required_cost.ToYuanString() << " 元，已安排 " << r.spent.ToYuanString()
        << " 元，结余 " << r.left.ToYuanString() << " 元\n  同分时：" << r.tie_break_zh << "\n";
    for (const MenuStep& s : r.steps) {
      out << "  " << s.item_id << "\t" << ZhOf(s.phase) << "\t" << s.cost.ToYuanString() << " 元\t"
          << s.approvals << " 票" << (s.rho_fen.empty() ? "" : "\t每户分摊 " + s.rho_fen + " 分")
          << "\n";
    }
    for (const HouseholdOutcome& h : r.households) {
      out << "  " << h.household_id << "\t满意 " << h.approved_funded << "/" << h.approved << "\n";
    }
  } else {
    out << "menu choice (" << EnOf(r.rule)
        << (r.rule == MenuRule::kEqualShares
                ? ", " + std::string(EnOf(r.satisfaction)) + ", " + std::string(EnOf(r.completion))
                : "")
        << (r.share_increase_fen > 0
                ? ", share per household raised by " + std::to_string(r.share_increase_fen) + " fen"
                : "")
        << "): budget " << r.budget.ToYuanString() << " yuan, basic items "
        << r.required_cost.ToYuanString() << " yuan, chosen " << r.spent.ToYuanString()
        << " yuan, left " << r.left.ToYuanString() << " yuan\n  ties: " << r.tie_break << "\n";
    for (const MenuStep& s : r.steps) {
      out << "  " << s.item_id << "\t" << EnOf(s.phase) << "\t" << s.cost.ToYuanString()
          << " yuan\t" << s.approvals << (s.approvals == 1 ? " approval" : " approvals")
          << (s.rho_fen.empty() ? "" : "\t" + s.rho_fen + " fen per supporter") << "\n";
    }
    for (const HouseholdOutcome& h : r.households) {
      out << "  " << h.household_id << "\tsatisfied " << h.approved_funded << "/" << h.approved
          << "\n";
    }
  }
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "plan-menu",
     .usage =
     "plan-menu MENU(.json|.pb) [--rule equal_shares|greedy] [--satisfaction cost|approvals] "
     "[--completion greedy|add1|add1_greedy|none] [--time-limit SECONDS] [--export-pb FILE.pb] "
     "[--json] [--quiet]",
     .summary = "residents' menu choice: greedy by approvals or the Method of Equal Shares",
     .options = {{"--rule", "equal_shares|greedy", "how the menu is chosen", "equal_shares"},
                 {"--satisfaction", "cost|approvals",
                  "what Equal Shares gives each supporter (docs/plan.md)", "the menu's, else cost"},
                 {"--completion", "greedy|add1|add1_greedy|none",
                  "how Equal Shares spends what is left", "greedy"},
                 {"--time-limit", "SECONDS",
                  "add1 gives up after this long (exit 1, saying how far it got)", "none"},
                 {"--export-pb", "FILE.pb", "also write the menu as a pabulib file (\"-\": stdout; .gz: gzip)", ""},
                 JsonOption()},
     .run = RunMenu,
     .positionals = "MENU: a menu JSON, or a pabulib .pb file (\"-\": stdin, JSON)",
     .example = "plan-menu examples/plan/menu.json --satisfaction approvals --completion add1",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
