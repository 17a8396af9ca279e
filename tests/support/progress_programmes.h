// Programmes built as events, for the progress tests and benchmark.
//
// Seed003Events(): the city of 《关于城镇老旧小区改造工作专题调研报告》 (its names are
// starred out in the report; here 示例省 示例市 with four districts):
//   "我市共排查符合改造条件的老旧小区1233个、涉及居民16.68万户 … 截至2022年底，全市已
//    完成改造项目759个，惠及居民11.2万户，完成投资15.5亿元"
//   "截至2023年4月，累计争取中央、省级奖补资金15.76亿元（住建口8.12亿元、发改口7.64亿
//    元），县（市、区）到位专项债3.28亿元"
// One project per estate. The 759 completed projects hold 112,000 households (427
// of 148 and 332 of 147) and each benefits all of them; the other 474 hold 54,800
// (290 of 116 and 184 of 115). The report lumps central and provincial awards by
// channel; they are recorded as central subsidy (住建口) and central budget
// investment (发改口). Money is split evenly to the fen, the remainder a fen each to
// the first projects.
#ifndef RENEWAL_TESTS_SUPPORT_PROGRESS_PROGRAMMES_H_
#define RENEWAL_TESTS_SUPPORT_PROGRESS_PROGRAMMES_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "renewal/progress/progress.h"

namespace renewal::test_support {

inline constexpr std::int64_t kSeed003Estates = 1233;
inline constexpr std::int64_t kSeed003Completed = 759;

// `total` fen split over `n` parts as evenly as possible; part `i`.
inline Money EvenShare(std::int64_t total_fen, std::int64_t n, std::int64_t i) {
  return Money::Fen(total_fen / n + (i < total_fen % n ? 1 : 0));
}

inline Event MakeEvent(EventKind kind, const std::string& project, int date) {
  Event e;
  e.kind = kind;
  e.project = project;
  e.date = date;
  return e;
}

inline Event Transition(const std::string& project, int date, Stage stage,
                        std::vector<std::string> cites = {}) {
  Event e = MakeEvent(EventKind::kTransition, project, date);
  e.stage = stage;
  e.cites = std::move(cites);
  return e;
}

inline Event MoneyEvent(EventKind kind, const std::string& project, int date, FundSource source,
                        FundChannel channel, Money amount, Instalment instalment = Instalment::kFirst) {
  Event e = MakeEvent(kind, project, date);
  e.source = source;
  e.channel = channel;
  e.amount = amount;
  e.instalment = instalment;
  return e;
}

// Takes a created project through the stages after survey up to `last`, on
// consecutive months from `first_month` (yyyymm), citing a passed plan vote
// (recorded first) at the vote and at the start.
inline void Advance(std::vector<Event>* out, const std::string& project, int first_month, Stage last) {
  int ym = first_month;
  const auto next_date = [&] {
    const int d = ym * 100 + 15;
    ym = ym % 100 == 12 ? ym + 89 : ym + 1;
    return d;
  };
  for (int s = 1; s <= static_cast<int>(last); ++s) {
    const Stage stage = static_cast<Stage>(s);
    const int date = next_date();
    if (stage == Stage::kPlanVote) {
      Event v = MakeEvent(EventKind::kEvidence, project, date);
      v.evidence.kind = EvidenceKind::kVote;
      v.evidence.id = project + "-V";
      v.evidence.passed = true;
      v.evidence.rule = "yueyang_double_two_thirds";
      v.evidence.counts = VoteCounts{900000, 1200000, 90, 120};
      out->push_back(v);
    }
    std::vector<std::string> cites;
    if (stage == Stage::kPlanVote || stage == Stage::kStarted) cites.push_back(project + "-V");
    out->push_back(Transition(project, date, stage, std::move(cites)));
  }
}

inline std::vector<Event> Seed003Events() {
  std::vector<Event> out;
  const char* districts[] = {"一区", "二区", "三区", "四区"};
  const std::int64_t paid_fen = 1'550'000'000LL * 100;
  const std::int64_t housing_fen = 812'000'000LL * 100, reform_fen = 764'000'000LL * 100,
                     bonds_fen = 328'000'000LL * 100;
  for (std::int64_t i = 0; i < kSeed003Estates; ++i) {
    const bool done = i < kSeed003Completed;
    const std::string id = "P-" + std::to_string(10000 + i);
    Event c = MakeEvent(EventKind::kCreate, id, 20200106);
    ProjectInfo& info = c.info;
    info.id = id;
    std::int64_t households = 0;
    if (done) {
      households = i < 427 ? 148 : 147;
    } else {
      households = i - kSeed003Completed < 290 ? 116 : 115;
    }
    info.estates.push_back(PlannedEstate{"E-" + std::to_string(10000 + i), households});
    info.plan_year = done ? 2020 + static_cast<int>(i % 3) : 2023;
    info.plan_batch = 1;
    info.province = "示例省";
    info.city = "示例市";
    info.district = districts[i % 4];
    info.street = std::string(districts[i % 4]) + "街道";
    info.buildings = 4;
    info.floor_area_centi_m2 = households * 7000 * 100;
    info.investment = EvenShare(paid_fen, kSeed003Completed, done ? i : 0);
    out.push_back(c);
    if (!done) continue;
    // Plan years 2020-2022: from February of the plan year, completed by September.
    Advance(&out, id, info.plan_year * 100 + 2, Stage::kCompleted);
    const int after = out.back().date;
    Event o = MakeEvent(EventKind::kOutcomes, id, after);
    o.outcomes.households_benefited = households;
    o.outcomes.pipelines_m[static_cast<std::size_t>(PipelineKind::kWater)] = 300;
    o.outcomes.parking_spaces = 10;
    out.push_back(o);
    const int pay = after < 20221101 ? 20221115 : 20221230;
    out.push_back(MoneyEvent(EventKind::kReceived, id, pay, FundSource::kCentralSubsidy,
                             FundChannel::kHousing, EvenShare(housing_fen, kSeed003Completed, i)));
    out.push_back(MoneyEvent(EventKind::kReceived, id, pay, FundSource::kCentralBudgetInvestment,
                             FundChannel::kDevelopmentReform,
                             EvenShare(reform_fen, kSeed003Completed, i)));
    const Money share = EvenShare(paid_fen, kSeed003Completed, i);
    const Money first = Money::Fen(share.fen() * 6 / 10);
    out.push_back(MoneyEvent(EventKind::kPaid, id, pay, FundSource::kCentralSubsidy,
                             FundChannel::kHousing, first, Instalment::kFirst));
    out.push_back(MoneyEvent(EventKind::kPaid, id, 20221231, FundSource::kCentralSubsidy,
                             FundChannel::kHousing, Money::Fen(share.fen() - first.fen()),
                             Instalment::kLater));
    // Special bonds reached the districts in 2023 (to April).
    out.push_back(MoneyEvent(EventKind::kReceived, id, 20230420, FundSource::kSpecialBonds,
                             FundChannel::kFinance, EvenShare(bonds_fen, kSeed003Completed, i)));
  }
  return out;
}

// A national programme for the benchmark: `projects` one-estate projects in 31
// provinces of 10 cities of 10 districts, all in the 2024 plan; project i goes
// through stage 1 + i % 14 (≈ 15 events a project with evidence, outcomes and money).
// `fn` receives the events in order (to append them without holding them all).
template <class Fn>
void NationalEvents(std::size_t projects, Fn&& fn) {
  for (std::size_t i = 0; i < projects; ++i) {
    const std::string id = "N" + std::to_string(i);
    Event c = MakeEvent(EventKind::kCreate, id, 20240105);
    c.info.id = id;
    c.info.estates.push_back(PlannedEstate{"E" + std::to_string(i), 50 + static_cast<std::int64_t>(i % 300)});
    c.info.plan_year = 2024;
    c.info.plan_batch = 1 + static_cast<int>(i % 2);
    c.info.province = "P" + std::to_string(i % 31);
    c.info.city = c.info.province + "-C" + std::to_string(i / 31 % 10);
    c.info.district = c.info.city + "-D" + std::to_string(i / 310 % 10);
    c.info.street = c.info.district + "-S" + std::to_string(i / 3100 % 5);
    c.info.buildings = 6;
    c.info.investment = Money::Fen(300'000'000 + static_cast<std::int64_t>(i % 1000) * 1000);
    fn(c);
    std::vector<Event> rest;
    const int last = 1 + static_cast<int>(i % 14);
    Event review = MakeEvent(EventKind::kEvidence, id, 20240110);
    review.evidence = {EvidenceKind::kReview, id + "-R", true, "", std::nullopt, ""};
    rest.push_back(review);
    Advance(&rest, id, 202401 + static_cast<int>(i % 3), static_cast<Stage>(std::min(last, 8)));
    if (last > 8) {
      // Completed: outcomes, then the joint acceptance record and the later stages.
      const int done = rest.back().date;
      Event o = MakeEvent(EventKind::kOutcomes, id, done);
      o.outcomes.households_benefited = c.info.estates[0].households;
      o.outcomes.pipelines_m[0] = 250;
      rest.push_back(o);
      Event a = MakeEvent(EventKind::kEvidence, id, done);
      a.evidence = {EvidenceKind::kAcceptance, id + "-A", true, "", std::nullopt, ""};
      rest.push_back(a);
      for (int s = 9; s <= last; ++s) {
        std::vector<std::string> cites;
        if (s == 9) cites.push_back(id + "-A");
        rest.push_back(Transition(id, done, static_cast<Stage>(s), std::move(cites)));
        if (s == static_cast<int>(Stage::kLongTermManagement)) {
          rest.back().mode = ManagementMode::kProfessional;
        }
      }
    }
    for (const Event& e : rest) fn(e);
    const int date = rest.back().date;
    fn(MoneyEvent(EventKind::kReceived, id, date, FundSource::kCentralSubsidy, FundChannel::kHousing,
                  Money::Fen(100'000'000)));
    fn(MoneyEvent(EventKind::kReceived, id, date, FundSource::kDistrict, FundChannel::kFinance,
                  Money::Fen(50'000'000)));
    fn(MoneyEvent(EventKind::kPaid, id, date, FundSource::kCentralSubsidy, FundChannel::kHousing,
                  Money::Fen(60'000'000)));
    fn(MoneyEvent(EventKind::kPaid, id, date, FundSource::kCentralSubsidy, FundChannel::kHousing,
                  Money::Fen(20'000'000), Instalment::kLater));
  }
}

}  // namespace renewal::test_support

#endif  // RENEWAL_TESTS_SUPPORT_PROGRESS_PROGRAMMES_H_
