// Completeness and review at national scale: 219,000 estates (BRIEF §3), one plan
// each. The plans are made from each estate's survey: an estate-scope item of the
// catalogue for every basic facility poor or missing, except fire safety in every
// fifth estate (so that some plans fail), accessibility when it is poor or missing,
// a consultation round and the contributions stated. The reference in the same run is
// the eligibility screening of the same city (national_2020): one pass over the same
// estates' facts. The registry uses the 30 % household scale, as eligibility_bench.
#include <vector>

#include "benchmark/benchmark.h"
#include "renewal/eligibility/eligibility.h"
#include "renewal/registry/generate.h"
#include "renewal/scheme/review.h"

namespace renewal {
namespace {

const Registry& National() {
  static const Registry* r = [] {
    GenerateOptions o;
    o.estates = 219'000;
    o.households_scale_pct = 30;
    return new Registry(*GenerateCity(o));
  }();
  return *r;
}

// The first catalogue entry of each facility.
const CatalogueEntry* EntryOf(Facility f) {
  for (const CatalogueEntry& e : CostCatalogue()) {
    if (e.facility == f && e.scope == CostScope::kEstate) return &e;
  }
  return nullptr;
}

const std::vector<SchemePlan>& Plans() {
  static const std::vector<SchemePlan>* plans = [] {
    const Registry& r = National();
    auto* out = new std::vector<SchemePlan>(r.estate_count());
    for (Index e = 0; e < r.estate_count(); ++e) {
      const Estate& estate = r.estate(e);
      SchemePlan& p = (*out)[e];
      p.id = "P";
      p.estate = estate.id;
      for (const Label<Facility>& l : Labels<Facility>()) {
        const bool basic = DefaultCategoryOf(l.value) == Category::kBasic;
        if (!basic && l.value != Facility::kAccessibility) continue;
        if (estate.facts.condition(l.value) < Condition::kPoor) continue;
        if (l.value == Facility::kFireSafety && e % 5 == 0) continue;
        const CatalogueEntry* entry = EntryOf(l.value);
        if (entry == nullptr) continue;
        SchemeItem item;
        item.id = std::string(l.key).substr(0, 12);
        item.catalogue = std::string(entry->key);
        item.category = entry->category;
        item.facility = entry->facility;
        item.quantity_milli = 100'000;
        item.unit_cost = Money::Fen(10'000);
        p.items.push_back(std::move(item));
      }
      p.funding.residents = Money::Fen(100'000);
      p.funding.social = Money::Fen(0);
      p.management_mode = ManagementMode::kProfessional;
      ConsultationRecord round;
      round.rule = "changsha_two_80";
      round.totals.heads_total = 100;
      round.totals.heads_participating = 85;
      round.totals.heads_agree = 80;
      round.totals.heads_disagree = 5;
      p.consultations.push_back(round);
    }
    return out;
  }();
  return *plans;
}

void BM_Completeness(benchmark::State& state, bool texts) {
  const Registry& r = National();
  const std::vector<SchemePlan>& plans = Plans();
  const CompletenessPolicy policy = *CompletenessPreset("changsha");
  std::size_t complete = 0, needs = 0;
  for (auto _ : state) {
    complete = needs = 0;
    for (Index e = 0; e < plans.size(); ++e) {
      const CompletenessResult c = CheckCompletenessFast(plans[e], r, e, policy, texts);
      complete += c.complete();
      needs += c.needs.size();
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * plans.size()));
  state.counters["estates"] = static_cast<double>(plans.size());
  state.counters["complete"] = static_cast<double>(complete);
  state.counters["needs"] = static_cast<double>(needs);
}
BENCHMARK_CAPTURE(BM_Completeness, outcomes, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Completeness, with_reasons, true)->Unit(benchmark::kMillisecond);

void BM_ReviewFast(benchmark::State& state) {
  const Registry& r = National();
  const std::vector<SchemePlan>& plans = Plans();
  const ReviewPolicy policy = *ReviewPreset("changsha_eight_no");
  const CompletenessPolicy completeness = *CompletenessPreset(policy.completeness);
  std::vector<CheckOutcome> outcomes;
  std::size_t passed = 0;
  for (auto _ : state) {
    passed = 0;
    for (Index e = 0; e < plans.size(); ++e) {
      passed += *ReviewPlanFast(plans[e], r, e, policy, completeness, &outcomes) ==
                ReviewStatus::kPassed;
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * plans.size()));
  state.counters["passed"] = static_cast<double>(passed);
}
BENCHMARK(BM_ReviewFast)->Unit(benchmark::kMillisecond);

// Every check's values and reasons in both languages, and the registry checks.
void BM_ReviewFull(benchmark::State& state) {
  const Registry& r = National();
  const std::vector<SchemePlan>& plans = Plans();
  const ReviewPolicy policy = *ReviewPreset("changsha_eight_no");
  std::size_t passed = 0;
  for (auto _ : state) {
    passed = 0;
    for (const SchemePlan& p : plans) passed += ReviewPlan(p, r, policy)->status == ReviewStatus::kPassed;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * plans.size()));
  state.counters["passed"] = static_cast<double>(passed);
}
BENCHMARK(BM_ReviewFull)->Unit(benchmark::kMillisecond);

// Reference: one screening pass over the same estates.
void BM_ReferenceScreening(benchmark::State& state) {
  const Registry& r = National();
  const Policy p = *PresetPolicy("national_2020");
  for (auto _ : state) {
    const ScreeningResult s = ScreenRegistry(r, p, 2024);
    benchmark::DoNotOptimize(s.outcomes.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * r.estate_count()));
}
BENCHMARK(BM_ReferenceScreening)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace renewal
