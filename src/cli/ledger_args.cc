#include "ledger_args.h"

#include <cstddef>

#include "renewal/base/strcat.h"

namespace renewal::cli {

absl::StatusOr<std::string> Need(const Args& a, std::string_view name) {
  std::optional<std::string> v = a.option(name);
  if (!v) return absl::InvalidArgumentError(StrCat("--", name, " is required"));
  return *v;
}

absl::StatusOr<Index> DwellingArg(const Registry& r, const Args& a) {
  absl::StatusOr<std::string> id = Need(a, "dwelling");
  if (!id.ok()) return id.status();
  std::optional<Index> d = r.FindDwelling(*id);
  if (!d) return absl::NotFoundError(StrCat("--dwelling: no dwelling with id \"", *id, "\""));
  return *d;
}

absl::StatusOr<Money> AmountArg(const Args& a) {
  absl::StatusOr<std::string> text = Need(a, "amount");
  if (!text.ok()) return text.status();
  absl::StatusOr<Money> m = Money::Parse(*text);
  if (!m.ok()) return absl::InvalidArgumentError(StrCat("--amount: ", m.status().message()));
  return m;
}

absl::StatusOr<int> DateArg(const Args& a) {
  absl::StatusOr<std::string> text = Need(a, "date");
  if (!text.ok()) return text.status();
  absl::StatusOr<int> d = ParseLedgerDate(*text);
  if (!d.ok()) return absl::InvalidArgumentError(StrCat("--date: ", d.status().message()));
  return d;
}

absl::StatusOr<LedgerScope> ScopeArg(const Registry& r, const Args& a,
                                     std::optional<LedgerScope> fallback) {
  if (auto e = a.option("estate")) {
    std::optional<Index> i = r.FindEstate(*e);
    if (!i) return absl::NotFoundError(StrCat("--estate: no estate with id \"", *e, "\""));
    return LedgerScope{LedgerScopeKind::kEstate, *i};
  }
  if (auto b = a.option("building")) {
    std::optional<Index> i = r.FindBuilding(*b);
    if (!i) return absl::NotFoundError(StrCat("--building: no building with id \"", *b, "\""));
    return LedgerScope{LedgerScopeKind::kBuilding, *i};
  }
  if (auto e = a.option("entrance")) {
    const std::size_t slash = e->find('/');
    std::optional<Index> b = slash == std::string::npos ? std::nullopt
                                                        : r.FindBuilding(e->substr(0, slash));
    std::optional<Index> i = b ? r.FindEntrance(*b, e->substr(slash + 1)) : std::nullopt;
    if (!i) return absl::NotFoundError(StrCat("--entrance: no entrance \"", *e, "\" (BUILDING/ENTRANCE)"));
    return LedgerScope{LedgerScopeKind::kEntrance, *i};
  }
  if (fallback) return *fallback;
  return absl::InvalidArgumentError("give --estate, --building or --entrance");
}

absl::StatusOr<DepositPolicy> PolicyArg(const Args& a) {
  absl::StatusOr<std::string> name = Need(a, "policy");
  if (!name.ok()) return name.status();
  auto money = [&](std::string_view opt) -> absl::StatusOr<Money> {
    absl::StatusOr<std::string> t = Need(a, opt);
    if (!t.ok()) return t.status();
    return Money::Parse(*t);
  };
  if (*name == "liuyang") return LiuyangPolicy();
  if (*name == "national") {
    // --cost may be left out when every dwelling is reform housing (--reform-cost);
    // a commodity dwelling then fails naming itself and property_type.
    Money construction;
    if (a.option("cost") || !a.option("reform-cost")) {
      absl::StatusOr<Money> cost = money("cost");
      if (!cost.ok()) return cost.status();
      construction = *cost;
    }
    long long bp = 0;
    if (auto s = a.IntOption("rate-bp", 500, &bp); !s.ok()) return s;
    Money reform;
    if (a.option("reform-cost")) {
      absl::StatusOr<Money> m = money("reform-cost");
      if (!m.ok()) return m.status();
      reform = *m;
    }
    return NationalPolicy(construction, static_cast<int>(bp), reform);
  }
  if (*name == "ningbo") {
    absl::StatusOr<Money> standard = money("standard");
    if (!standard.ok()) return standard.status();
    long long pct = 0;
    if (auto s = a.IntOption("pct", 60, &pct); !s.ok()) return s;
    return NingboPolicy(*standard, static_cast<int>(pct));
  }
  return absl::InvalidArgumentError(
      StrCat("--policy: expected liuyang, national or ningbo, got \"", *name, "\""));
}

}  // namespace renewal::cli
