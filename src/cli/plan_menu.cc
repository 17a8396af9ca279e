// `renewal plan-menu MENU [--rule equal_shares|greedy] [--satisfaction cost|approvals] ...`: the residents' menu
// choice, greedy by approvals or by the Method of Equal Shares.
#include <fstream>
#include <optional>
#include <ostream>
#include <string>

#include "command.h"
#include "enum_option.h"
#include "renewal/base/file.h"
#include "renewal/plan/pabulib.h"
#include "renewal/plan/plan_io.h"

namespace renewal::cli {
namespace {

absl::Status RunMenu(const Args& a, std::ostream& out) {
  if (a.positional().size() != 1) return absl::InvalidArgumentError("expected a MENU file");
  absl::StatusOr<std::string> text = internal::ReadFileToString(a.positional()[0]);
  if (!text.ok()) return internal::Prefixed(text.status(), "menu file", " ");
  const std::string& path = a.positional()[0];
  const bool pb = path.size() > 3 && path.ends_with(".pb");  // pabulib, by its suffix
  absl::StatusOr<MenuInput> input = pb ? ParsePabulib(*text) : ParseMenuJson(*text);
  if (!input.ok()) return pb ? internal::Prefixed(input.status(), path) : input.status();
  MenuRule rule = MenuRule::kEqualShares;
  if (absl::Status s = EnumOption(a, "rule", &rule); !s.ok()) return s;
  MesCompletion completion = MesCompletion::kGreedy;
  if (absl::Status s = EnumOption(a, "completion", &completion); !s.ok()) return s;
  if (absl::Status s = EnumOption(a, "satisfaction", &input->satisfaction); !s.ok()) return s;
  if (std::optional<std::string> out_pb = a.option("export-pb")) {  // the menu as a .pb file
    std::ofstream f(*out_pb, std::ios::binary);
    f << MenuToPabulib(*input);
    if (!f.flush()) return absl::UnavailableError("--export-pb " + *out_pb + ": cannot write");
  }
  absl::StatusOr<MenuResult> r = ChooseMenu(*input, rule, completion);
  if (!r.ok()) return r.status();
  if (a.flag("json")) {
    out << MenuResultToJson(*r) << "\n";
    return absl::OkStatus();
  }
  out << "菜单式改造（" << ZhOf(r->rule)
      << (r->rule == MenuRule::kEqualShares
              ? "，" + std::string(ZhOf(r->satisfaction)) + "，" + std::string(ZhOf(r->completion))
              : "")
      << (r->share_increase_fen > 0 ? "，每户份额加 " + std::to_string(r->share_increase_fen) + " 分" : "")
      << "）：预算 " << r->budget.ToYuanString() << " 元，基础类 "
      << r->required_cost.ToYuanString() << " 元，已安排 " << r->spent.ToYuanString() << " 元，结余 "
      << r->left.ToYuanString() << " 元\n  同分时：" << r->tie_break << "\n";
  for (const MenuStep& s : r->steps) {
    out << "  " << s.item_id << "\t" << ZhOf(s.phase) << "\t" << s.cost.ToYuanString() << " 元\t"
        << s.approvals << " 票" << (s.rho_fen.empty() ? "" : "\t每户分摊 " + s.rho_fen + " 分") << "\n";
  }
  for (const HouseholdOutcome& h : r->households) {
    out << "  " << h.household_id << "\t满意 " << h.approved_funded << "/" << h.approved << "\n";
  }
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {"plan-menu",
     "plan-menu MENU(.json|.pb) [--rule equal_shares|greedy] [--satisfaction cost|approvals] "
     "[--completion greedy|add1|add1_greedy|none] [--export-pb FILE.pb] [--json]",
     "residents' menu choice: greedy by approvals or the Method of Equal Shares",
     {"json"}, RunMenu});

}  // namespace
}  // namespace renewal::cli
