// Completeness of a plan against the survey (docs/scheme.md "Completeness").
#include "renewal/scheme/completeness.h"

#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

// The plan's items and waivers indexed by facility, built once per plan.
struct PlanIndex {
  std::array<std::vector<const SchemeItem*>, kFacilityCount> items;
  std::array<const Waiver*, kFacilityCount> waiver{};
  explicit PlanIndex(const SchemePlan& plan) {
    for (const SchemeItem& it : plan.items) items[static_cast<std::size_t>(it.facility)].push_back(&it);
    for (const Waiver& w : plan.waivers) waiver[static_cast<std::size_t>(w.facility)] = &w;
  }
};

std::string Ids(const std::vector<std::string>& ids) {
  std::string s;
  for (const std::string& id : ids) s += StrCat(s.empty() ? "" : ", ", id);
  return s;
}

void Tally(CompletenessResult& r, const Need& n) {
  if (n.kind == NeedKind::kRequired) {
    ++r.required;
    switch (n.status) {
      case NeedStatus::kCovered: ++r.covered; break;
      case NeedStatus::kWaived: ++r.waived; break;
      case NeedStatus::kNotSurveyed: ++r.not_surveyed; break;
      default: ++r.missing;
    }
    return;
  }
  ++r.suggested;
  if (n.status == NeedStatus::kCovered) ++r.suggested_covered;
  if (n.status == NeedStatus::kDeclined) ++r.declined;
}

void EstateRuleTexts(const CompletenessRule& rule, Need& n) {
  const std::string_view fzh = ZhOf(n.facility), fen = EnOf(n.facility);
  if (n.status == NeedStatus::kNotSurveyed) {
    n.reason_zh = StrCat(fzh, "未调查，无法确认是否须改造（", rule.zh, "）");
    n.reason_en = StrCat(fen, " not surveyed: cannot tell whether it must be renovated (",
                         rule.en, ")");
    return;
  }
  const std::string head_zh = StrCat(fzh, "调查为", ZhOf(n.condition), "，", rule.zh);
  const std::string head_en = StrCat(fen, " surveyed ", EnOf(n.condition), "; ", rule.en);
  switch (n.status) {
    case NeedStatus::kCovered:
      n.reason_zh = StrCat(head_zh, "；方案已纳入（", Ids(n.items), "）");
      n.reason_en = StrCat(head_en, "; covered by ", Ids(n.items));
      break;
    case NeedStatus::kWaived:
      n.reason_zh = StrCat(head_zh, "；方案说明不改：", n.waiver);
      n.reason_en = StrCat(head_en, "; waived, with the reason stated in the plan");
      break;
    case NeedStatus::kSuggested:
      n.reason_zh = StrCat(head_zh, "；方案未纳入（建议纳入）");
      n.reason_en = StrCat(head_en, "; not in the plan (suggested)");
      break;
    default:
      n.reason_zh = StrCat(head_zh, "；方案未纳入，也未说明不改的理由");
      n.reason_en = StrCat(head_en, "; not in the plan and not waived");
  }
}

void ElevatorTexts(const CompletenessRule& rule, Need& n) {
  const std::string head_zh = StrCat("楼栋", n.building, "第", n.entrance, "单元：", n.floors,
                                     "层、无电梯（", *rule.min_floors, "层以上），", rule.zh);
  const std::string head_en = StrCat("building ", n.building, " entrance ", n.entrance, ": ",
                                     n.floors, " floors, no elevator (", *rule.min_floors,
                                     " or more); ", rule.en);
  switch (n.status) {
    case NeedStatus::kCovered:
      n.reason_zh = StrCat(head_zh, "；方案已纳入（", Ids(n.items), "）");
      n.reason_en = StrCat(head_en, "; covered by ", Ids(n.items));
      break;
    case NeedStatus::kDeclined:
      n.reason_zh = StrCat(head_zh, "；本单元加装电梯表决未通过，不纳入");
      n.reason_en = StrCat(head_en, "; the entrance's elevator vote failed, left out");
      break;
    case NeedStatus::kMissing:
      n.reason_zh = StrCat(head_zh, "；本单元加装电梯表决已通过，方案却未纳入");
      n.reason_en = StrCat(head_en, "; the entrance's elevator vote passed but the plan leaves it out");
      break;
    case NeedStatus::kWaived:
      n.reason_zh = StrCat(head_zh, "；方案说明不改：", n.waiver);
      n.reason_en = StrCat(head_en, "; waived, with the reason stated in the plan");
      break;
    default:
      n.reason_zh = StrCat(head_zh, "；尚未纳入，宜由本单元表决决定");
      n.reason_en = StrCat(head_en, "; not in the plan, for the entrance's vote to decide");
  }
}

void EstateRule(const CompletenessRule& rule, std::size_t index, const EstateFacts& facts,
                const PlanIndex& plan, bool texts, CompletenessResult& r) {
  const Condition c = facts.condition(rule.facility);
  const std::size_t f = static_cast<std::size_t>(rule.facility);
  Need n;
  n.rule = index;
  n.facility = rule.facility;
  n.condition = c;
  n.kind = rule.kind;
  if (c == Condition::kUnknown) {
    if (rule.kind != NeedKind::kRequired) return;  // a suggestion needs a known need
    n.status = NeedStatus::kNotSurveyed;
  } else if (c < rule.trigger) {
    return;  // no need (Good < Fair < Poor < Missing)
  } else if (!plan.items[f].empty()) {
    n.status = NeedStatus::kCovered;
    for (const SchemeItem* it : plan.items[f]) n.items.push_back(it->id);
  } else if (plan.waiver[f] != nullptr) {
    n.status = NeedStatus::kWaived;
    n.waiver = plan.waiver[f]->reason;
  } else {
    n.status = rule.kind == NeedKind::kRequired ? NeedStatus::kMissing : NeedStatus::kSuggested;
  }
  if (texts) EstateRuleTexts(rule, n);
  Tally(r, n);
  r.needs.push_back(std::move(n));
}

void ElevatorRule(const CompletenessRule& rule, std::size_t index, const SchemePlan& sp,
                  const Registry& registry, Index estate, const PlanIndex& plan, bool texts,
                  CompletenessResult& r) {
  const Estate& e = registry.estate(estate);
  const std::size_t f = static_cast<std::size_t>(rule.facility);
  for (Index b = e.first_building; b < e.first_building + e.building_count; ++b) {
    const Building& building = registry.building(b);
    const std::optional<int> floors = building.floors ? building.floors : e.facts.floors;
    const std::optional<bool> has =
        building.has_elevator ? building.has_elevator : e.facts.has_elevator;
    // A suggestion needs known facts: unknown floors or elevator suggest nothing.
    if (!floors || !has || *has || *floors < *rule.min_floors) continue;
    for (Index en = building.first_entrance; en < building.first_entrance + building.entrance_count;
         ++en) {
      const std::string_view entrance = registry.entrance(en).id;
      Need n;
      n.rule = index;
      n.facility = rule.facility;
      n.condition = e.facts.condition(rule.facility);
      n.kind = rule.kind;
      n.building = building.id;
      n.entrance = std::string(entrance);
      n.floors = *floors;
      for (const SchemeItem* it : plan.items[f]) {
        const bool here = it->building == building.id &&
                          (it->scope == CostScope::kBuilding || it->entrance == entrance);
        if (here) n.items.push_back(it->id);
      }
      const ElevatorDecision* vote = nullptr;
      for (const ElevatorDecision& d : sp.elevator_decisions) {
        if (d.building == building.id && d.entrance == entrance) vote = &d;
      }
      if (!n.items.empty()) {
        n.status = NeedStatus::kCovered;
      } else if (vote != nullptr && !vote->passed) {
        n.status = NeedStatus::kDeclined;
      } else if (vote != nullptr) {
        // The entrance voted for it: the plan must carry it.
        n.kind = NeedKind::kRequired;
        n.status = NeedStatus::kMissing;
      } else if (plan.waiver[f] != nullptr) {
        n.status = NeedStatus::kWaived;
        n.waiver = plan.waiver[f]->reason;
      } else {
        n.status = rule.kind == NeedKind::kRequired ? NeedStatus::kMissing : NeedStatus::kSuggested;
      }
      if (texts) ElevatorTexts(rule, n);
      Tally(r, n);
      r.needs.push_back(std::move(n));
    }
  }
}

}  // namespace

CompletenessResult CheckCompletenessFast(const SchemePlan& plan, const Registry& registry,
                                         Index estate, const CompletenessPolicy& policy,
                                         bool texts) {
  CompletenessResult r;
  r.estate = plan.estate;
  const PlanIndex index(plan);
  const EstateFacts& facts = registry.estate(estate).facts;
  for (std::size_t i = 0; i < policy.rules.size(); ++i) {
    const CompletenessRule& rule = policy.rules[i];
    if (rule.min_floors) {
      ElevatorRule(rule, i, plan, registry, estate, index, texts, r);
    } else {
      EstateRule(rule, i, facts, index, texts, r);
    }
  }
  return r;
}

absl::StatusOr<CompletenessResult> CheckCompleteness(const SchemePlan& plan,
                                                     const Registry& registry,
                                                     const CompletenessPolicy& policy) {
  RENEWAL_RETURN_IF_ERROR(CheckPlanAgainstRegistry(plan, registry));
  return CheckCompletenessFast(plan, registry, *registry.FindEstate(plan.estate), policy, true);
}

}  // namespace renewal
