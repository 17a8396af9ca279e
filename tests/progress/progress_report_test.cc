// Reports worked out by hand on a five-project programme; periods; ranking with its
// tie-break; overdue projects.
#include <limits>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "renewal/progress/progress_report.h"
#include "support/progress_programmes.h"

namespace renewal {
namespace {

using ::testing::HasSubstr;
using test_support::MakeEvent;
using test_support::MoneyEvent;
using test_support::Transition;

Event Create(const std::string& id, const std::string& district, int plan_year,
             std::vector<PlannedEstate> estates) {
  Event e = MakeEvent(EventKind::kCreate, id, 20230105);
  e.info.id = id;
  e.info.estates = std::move(estates);
  e.info.plan_year = plan_year;
  e.info.plan_batch = 1;
  e.info.province = "湖南省";
  e.info.city = "岳阳市";
  e.info.district = district;
  e.info.street = district + "一街道";
  return e;
}

// Takes `id` to 开工 on `start` (and 完工 on `done` when given), stages before
// it in January of the start's year.
void Start(Programme& p, const std::string& id, int start, int done = 0) {
  Event v = MakeEvent(EventKind::kEvidence, id, start / 10000 * 10000 + 110);
  v.evidence = {EvidenceKind::kVote, id + "-V", true, "yueyang_double_two_thirds", std::nullopt, ""};
  ASSERT_TRUE(p.Apply(v).ok());
  for (int s = 1; s < static_cast<int>(Stage::kStarted); ++s) {
    const Stage stage = static_cast<Stage>(s);
    std::vector<std::string> cites;
    if (stage == Stage::kPlanVote) cites.push_back(id + "-V");
    ASSERT_TRUE(p.Apply(Transition(id, start / 10000 * 10000 + 110, stage, cites)).ok());
  }
  ASSERT_TRUE(p.Apply(Transition(id, start, Stage::kStarted)).ok());
  if (done != 0) {
    ASSERT_TRUE(p.Apply(Transition(id, done, Stage::kCompleted)).ok());
  }
}

// 城东区: P-1 (E-1 100 户 + E-2 50 户 merged) started 2024-02-10; P-2 (E-3 30 户)
// started 2024-03-05, completed 2024-03-20. 城西区: P-3 (E-4 60 户) not started;
// P-4 (E-5 40 户) started 2024-03-31. P-5 (城西区, E-6 10 户) is in the 2023 plan,
// started 2023-06-01.
Programme Small() {
  Programme p(*GuardPreset("national"));
  EXPECT_TRUE(p.Apply(Create("P-1", "城东区", 2024, {{"E-1", 100}, {"E-2", 50}})).ok());
  EXPECT_TRUE(p.Apply(Create("P-2", "城东区", 2024, {{"E-3", 30}})).ok());
  EXPECT_TRUE(p.Apply(Create("P-3", "城西区", 2024, {{"E-4", 60}})).ok());
  EXPECT_TRUE(p.Apply(Create("P-4", "城西区", 2024, {{"E-5", 40}})).ok());
  EXPECT_TRUE(p.Apply(Create("P-5", "城西区", 2023, {{"E-6", 10}})).ok());
  Start(p, "P-1", 20240210);
  Start(p, "P-2", 20240305, 20240320);
  Start(p, "P-4", 20240331);
  Start(p, "P-5", 20230601);
  EXPECT_TRUE(p.Apply(MoneyEvent(EventKind::kReceived, "P-2", 20240320, FundSource::kCentralSubsidy,
                                 FundChannel::kHousing, Money::Fen(100000)))
                  .ok());
  EXPECT_TRUE(p.Apply(MoneyEvent(EventKind::kPaid, "P-2", 20240325, FundSource::kDistrict,
                                 FundChannel::kFinance, Money::Fen(60000)))
                  .ok());
  EXPECT_TRUE(p.Apply(MoneyEvent(EventKind::kReceived, "P-1", 20240401, FundSource::kCity,
                                 FundChannel::kFinance, Money::Fen(5000)))
                  .ok());
  return p;
}

TEST(ProgressPeriod, Parse) {
  const Period m = *ParsePeriod("2024-03");
  EXPECT_EQ(m.first, 20240301);
  EXPECT_EQ(m.last, 20240331);
  EXPECT_EQ(PreviousPeriod(m)->label, "2024-02");
  EXPECT_EQ(PreviousPeriod(m)->last, 20240229);  // leap year
  EXPECT_EQ(PreviousPeriod(*ParsePeriod("2024-01"))->label, "2023-12");
  const Period q = *ParsePeriod("2024Q1");
  EXPECT_EQ(q.first, 20240101);
  EXPECT_EQ(q.last, 20240331);
  EXPECT_EQ(PreviousPeriod(q)->label, "2023Q4");
  EXPECT_EQ(ParsePeriod("2024")->last, 20241231);
  const Period c = *ParsePeriod("cumulative", 20221231);
  EXPECT_EQ(c.last, 20221231);
  EXPECT_FALSE(PreviousPeriod(c).has_value());
  for (std::string_view bad : {"2024-13", "2024-00", "2024Q5", "2024Q0", "24", "2024-3", "", "2024-03-01",
                               "cumulativ", "2024q1"}) {
    const absl::Status s = ParsePeriod(bad).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(std::string(s.message()), HasSubstr("period: ")) << bad;
  }
  EXPECT_EQ(ParsePeriod("cumulative").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ProgressPeriod, PercentAndPoints) {
  EXPECT_EQ(PercentText({2, 3}), "66.67");
  EXPECT_EQ(PercentText({1, 3}), "33.33");
  EXPECT_EQ(PercentText({1, 8}), "12.50");
  EXPECT_EQ(PercentText({1, 1600}), "0.06");  // 0.0625 half away from zero
  EXPECT_EQ(PercentText({0, 0}), "");
  EXPECT_EQ(PointsText({3, 3}, {2, 3}), "+33.33");
  EXPECT_EQ(PointsText({1, 3}, {2, 3}), "-33.33");
  EXPECT_EQ(PointsText({1, 2}, {1, 2}), "+0.00");
  EXPECT_EQ(PointsText({1, 2}, {0, 0}), "");
}

TEST(ProgressReport, DistrictsInMarch) {
  const Programme p = Small();
  const ProgressReport r = *BuildReport(p, *ParsePeriod("2024-03"), ReportLevel::kDistrict);
  ASSERT_EQ(r.rows.size(), 2u);
  const ReportRow& east = r.rows[0];
  EXPECT_EQ(east.district, "城东区");
  EXPECT_EQ(east.projects, 2);
  EXPECT_EQ(east.estates_planned, 3);
  EXPECT_EQ(east.households_planned, 180);
  EXPECT_EQ(east.estates_started, 3);
  EXPECT_EQ(east.households_started, 180);
  EXPECT_EQ(east.estates_completed, 1);
  EXPECT_EQ(PercentText(east.start_rate_estates()), "100.00");
  // End of February: P-1's two estates (150 户) of three (180 户).
  EXPECT_EQ(PointsText(east.start_rate_estates(), east.previous_start_rate_estates()), "+33.33");
  EXPECT_EQ(PointsText(east.start_rate_households(), east.previous_start_rate_households()),
            "+16.67");
  EXPECT_EQ(east.estates_started_in_period, 1);
  EXPECT_EQ(east.households_started_in_period, 30);
  EXPECT_EQ(east.received_total, Money::Fen(100000));
  EXPECT_EQ(east.paid_total, Money::Fen(60000));
  EXPECT_EQ(east.unspent(), Money::Fen(40000));
  EXPECT_EQ(east.received[static_cast<std::size_t>(FundSource::kCentralSubsidy)]
                         [static_cast<std::size_t>(FundChannel::kHousing)],
            Money::Fen(100000));
  const ReportRow& west = r.rows[1];
  EXPECT_EQ(west.estates_planned, 2);  // P-5 is in the 2023 plan
  EXPECT_EQ(west.households_planned, 100);
  EXPECT_EQ(PercentText(west.start_rate_estates()), "50.00");
  EXPECT_EQ(PercentText(west.start_rate_households()), "40.00");
  EXPECT_EQ(PointsText(west.start_rate_households(), west.previous_start_rate_households()),
            "+40.00");
  EXPECT_EQ(r.total.estates_planned, 5);
  EXPECT_EQ(r.total.households_started, 220);
  EXPECT_EQ(PercentText(r.total.start_rate_households()), "78.57");  // 220/280
  EXPECT_EQ(r.total.estates_completed_in_period, 1);
  // The April receipt is outside March.
  EXPECT_EQ(r.total.received_total, Money::Fen(100000));
  const std::string json = ReportToJson(r);
  EXPECT_THAT(json, HasSubstr(R"("start_rate_estates":{"num":3,"den":3,"percent":"100.00"})"));
  EXPECT_THAT(json, HasSubstr(R"("start_rate_estates_change_points":"+33.33")"));
  EXPECT_THAT(json, HasSubstr(R"("received_not_spent":"400.00")"));
}

TEST(ProgressReport, EstatesOfAMergedProjectCarryNoAmounts) {
  const Programme p = Small();
  const ProgressReport r = *BuildReport(p, *ParsePeriod("2024"), ReportLevel::kEstate);
  ASSERT_EQ(r.rows.size(), 5u);
  EXPECT_EQ(r.rows[0].estate, "E-1");
  EXPECT_EQ(r.rows[0].project, "P-1");
  EXPECT_EQ(r.rows[0].households_planned, 100);
  EXPECT_FALSE(r.rows[0].has_amounts);
  EXPECT_TRUE(r.rows[2].has_amounts);  // E-3, P-2 alone
  // The total still has P-1's April receipt, once.
  EXPECT_EQ(r.total.received_total, Money::Fen(105000));
}

TEST(ProgressReport, CumulativeCountsEveryProjectByItsEnd) {
  const Programme p = Small();
  const ProgressReport r = *BuildReport(p, *ParsePeriod("cumulative", 20231231), ReportLevel::kCity);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].estates_planned, 6);  // all created 2023-01-05
  EXPECT_EQ(r.rows[0].estates_started, 1);  // P-5
  EXPECT_THAT(ReportToJson(r), HasSubstr(R"("start_rate_estates_change_points":null)"));
}

TEST(ProgressRank, DefaultMeasureAndTieBreak) {
  const Programme p = Small();
  const Ranking march = *RankDistricts(p, *ParsePeriod("2024-03"));
  ASSERT_EQ(march.entries.size(), 2u);
  EXPECT_EQ(march.entries[0].row.district, "城东区");  // 100% against 50%
  EXPECT_FALSE(march.entries[1].tied);
  EXPECT_EQ(march.tie_break_en,
            "by start rate by estates, then start rate by households, highest first (a rate with "
            "nothing planned comes last); equal on all, by province, city and district name");
  EXPECT_THAT(march.tie_break_zh, HasSubstr("先按开工率（按小区数），其次按开工率（按户数）从高到低排序"));
  // January: nothing started anywhere, both 0: the names decide (城东 < 城西).
  const Ranking january = *RankDistricts(p, *ParsePeriod("2024-01"));
  EXPECT_EQ(january.entries[0].row.district, "城东区");
  EXPECT_TRUE(january.entries[1].tied);
  EXPECT_EQ(january.entries[1].rank, 2);
  // By money paid: 城西区 paid nothing.
  const Ranking paid = *RankDistricts(p, *ParsePeriod("2024-03"), *ParseRankMeasures("paid"));
  EXPECT_EQ(paid.entries[0].row.district, "城东区");
  EXPECT_FALSE(ParseRankMeasures("speed").ok());
  EXPECT_THAT(RankingToJson(march), HasSubstr(R"("rank":1,"tied":false)"));
}

TEST(ProgressOverdue, HeldLongerThanTheLimit) {
  const Programme p = Small();
  const OverduePolicy limits = *ParseOverdueLimits("started=20");
  const std::vector<OverdueProject> o = FindOverdue(p, limits, 20240331);
  ASSERT_EQ(o.size(), 2u);
  // P-5 at 开工 since 2023-06-01: 304 days (2023-06-01 to 2024-03-31, 2024 a leap year).
  EXPECT_EQ(o[0].project, "P-5");
  EXPECT_EQ(o[0].days, 304);
  EXPECT_EQ(o[0].reason_zh, "自2023-06-01起处于「开工」阶段已304天，超过规定的20天");
  EXPECT_EQ(o[0].reason_en, "at started since 2023-06-01: 304 days, over the 20-day limit");
  // P-1 since 2024-02-10: 50 days. P-4 (0 days) and P-2 (completed) are not overdue.
  EXPECT_EQ(o[1].project, "P-1");
  EXPECT_EQ(o[1].days, 50);
  // Exactly at the limit is not over it.
  EXPECT_EQ(FindOverdue(p, *ParseOverdueLimits("started=50"), 20240331).size(), 1u);
  EXPECT_THAT(OverdueToJson(o, 20240331), HasSubstr(R"("days":304,"limit_days":20)"));
}

TEST(ProgressReport, OverflowingQuantitiesAreOutOfRange) {
  Programme p(*GuardPreset("national"));
  for (const char* id : {"P-1", "P-2"}) {
    ASSERT_TRUE(p.Apply(Create(id, "城东区", 2024, {{std::string("E") + id, 10}})).ok());
    Start(p, id, 20240201, 20240301);
    Event o = MakeEvent(EventKind::kOutcomes, id, 20240301);
    o.outcomes.elevators = std::numeric_limits<std::int64_t>::max() / 2 + 1;
    ASSERT_TRUE(p.Apply(o).ok());
  }
  EXPECT_EQ(BuildReport(p, *ParsePeriod("2024"), ReportLevel::kCity).status().code(),
            absl::StatusCode::kOutOfRange);
  // Each alone fits: a report of 2023 (neither is in that plan) is fine.
  EXPECT_TRUE(BuildReport(p, *ParsePeriod("2023"), ReportLevel::kCity).ok());
}

TEST(ProgressSeed003, ReportPrintsTheReportsFigures) {
  // 《关于城镇老旧小区改造工作专题调研报告》: 1233 estates eligible, 16.68万户; by the end of
  // 2022, 759 completed, 11.2万户 benefited, 15.5亿元 invested; by April 2023, 15.76亿元
  // of central and provincial awards (住建口 8.12亿元, 发改口 7.64亿元) and 3.28亿元 of
  // special bonds received.
  Programme p(*GuardPreset("national"));
  for (const Event& e : test_support::Seed003Events()) ASSERT_TRUE(p.Apply(e).ok()) << e.project;
  const ProgressReport end2022 =
      *BuildReport(p, *ParsePeriod("cumulative", 20221231), ReportLevel::kCity);
  const ReportRow& t = end2022.total;
  EXPECT_EQ(t.estates_planned, 1233);
  EXPECT_EQ(t.households_planned, 166800);
  EXPECT_EQ(t.estates_completed, 759);
  EXPECT_EQ(t.outcomes.households_benefited, 112000);
  EXPECT_EQ(t.paid_total, *Money::Yuan(1'550'000'000));
  const ProgressReport april2023 =
      *BuildReport(p, *ParsePeriod("cumulative", 20230430), ReportLevel::kCity);
  const auto received = [&](FundSource s, FundChannel c) {
    return april2023.total.received[static_cast<std::size_t>(s)][static_cast<std::size_t>(c)];
  };
  EXPECT_EQ(received(FundSource::kCentralSubsidy, FundChannel::kHousing), *Money::Yuan(812'000'000));
  EXPECT_EQ(received(FundSource::kCentralBudgetInvestment, FundChannel::kDevelopmentReform),
            *Money::Yuan(764'000'000));
  EXPECT_EQ(received(FundSource::kSpecialBonds, FundChannel::kFinance), *Money::Yuan(328'000'000));
  EXPECT_EQ(april2023.total.received_total, *Money::Yuan(1'576'000'000 + 328'000'000));
  // The bonds arrived in 2023: not in the 2022 figures.
  EXPECT_EQ(t.received_total, *Money::Yuan(1'576'000'000));
}

}  // namespace
}  // namespace renewal
