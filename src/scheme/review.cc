// Review of a plan: each check's outcome with the values compared, in Chinese and
// English (docs/scheme.md "Review").
#include "renewal/scheme/review.h"

#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

// Days since 1970-01-01 of a valid PlanDate (H. Hinnant's days_from_civil).
std::int64_t Days(const PlanDate& d) {
  int y = std::stoi(d.text.substr(0, 4));
  const int m = std::stoi(d.text.substr(5, 2)), day = std::stoi(d.text.substr(8, 2));
  y -= m <= 2;
  const int era = y / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

struct Context {
  const SchemePlan& plan;
  const Registry& registry;
  Index estate;
  const CompletenessPolicy& completeness_policy;
  const CompletenessResult& completeness;
  bool texts;
};

struct Detail {
  CheckOutcome outcome = CheckOutcome::kUnknown;
  std::string actual, expected, zh, en;
};

Detail SurveyDone(const Context& c) {
  int read = 0, unknown = 0;
  std::string zh, en;
  const EstateFacts& facts = c.registry.estate(c.estate).facts;
  for (const CompletenessRule& r : c.completeness_policy.rules) {
    if (r.min_floors) continue;
    ++read;
    if (facts.condition(r.facility) == Condition::kUnknown) {
      ++unknown;
      if (c.texts) {
        zh += StrCat(zh.empty() ? "" : "、", ZhOf(r.facility));
        en += StrCat(en.empty() ? "" : ", ", EnOf(r.facility));
      }
    }
  }
  Detail d;
  d.outcome = unknown == 0 ? CheckOutcome::kPass
              : unknown == read ? CheckOutcome::kFail : CheckOutcome::kUnknown;
  if (!c.texts) return d;
  d.actual = StrCat(read - unknown, "/", read, " surveyed");
  d.expected = StrCat(read, "/", read, " surveyed");
  if (unknown == 0) {
    d.zh = StrCat("台账记录了全部", read, "项设施的现状");
    d.en = StrCat("the survey records all ", read, " facilities");
  } else if (unknown == read) {
    d.zh = "台账没有任何设施现状记录，未开展现状调研";
    d.en = "the survey records no facility: no survey of the present state";
  } else {
    d.zh = StrCat(read, "项设施中", unknown, "项未调查：", zh);
    d.en = StrCat(unknown, " of ", read, " facilities not surveyed: ", en);
  }
  return d;
}

Detail ResidentsConsulted(const Context& c, const ReviewCheck& check) {
  Detail d;
  d.expected = check.rule.empty() ? "a round passing its rule" : check.rule;
  if (c.plan.consultations.empty()) {
    d.outcome = CheckOutcome::kFail;
    d.actual = "no consultation";
    d.zh = "方案没有征求居民意见的记录";
    d.en = "the plan records no consultation of residents";
    return d;
  }
  const ConsultationRecord& last = c.plan.consultations.back();
  if (!check.rule.empty() && last.rule != check.rule) {
    d.outcome = CheckOutcome::kFail;
    d.actual = last.rule;
    d.zh = StrCat("第", last.round, "轮征询所用规则与审查要求的规则不同");
    d.en = StrCat("round ", last.round, " was counted under rule ", last.rule, ", not ", check.rule);
    return d;
  }
  absl::StatusOr<RoundEvaluation> e = EvaluateConsultationRound(last);
  if (!e.ok()) {  // the reader admits preset rules only; an API caller may not
    d.outcome = CheckOutcome::kUnknown;
    d.actual = last.rule;
    d.zh = "征询规则无法识别";
    d.en = StrCat("unknown consultation rule ", last.rule);
    return d;
  }
  d.outcome = e->passed ? CheckOutcome::kPass : CheckOutcome::kFail;
  if (!c.texts) return d;
  std::string zh, en;
  for (const ThresholdResult& t : e->tests) {
    d.actual += StrCat(d.actual.empty() ? "" : "; ", t.test.name, " ", t.numerator, "/",
                       t.denominator);
    zh += StrCat(zh.empty() ? "" : "；", ExplainThresholdZh(t));
    en += StrCat(en.empty() ? "" : "; ", t.test.name, " ", t.numerator, "/", t.denominator,
                 t.passed ? " meets " : " falls short of ",
                 ThresholdToString(t.test.threshold));
  }
  d.zh = StrCat("第", last.round, "轮征询（", e->rule.title, "）：", zh);
  d.en = StrCat("round ", last.round, " (", e->rule.name, "): ", en);
  return d;
}

Detail FireLaneAndAgeing(const Context& c) {
  Detail d;
  d.outcome = CheckOutcome::kPass;
  d.expected = "item, waiver or good/fair survey for fire_safety and accessibility";
  const EstateFacts& facts = c.registry.estate(c.estate).facts;
  std::string zh, en;
  for (Facility f : {Facility::kFireSafety, Facility::kAccessibility}) {
    std::string item;
    for (const SchemeItem& it : c.plan.items) {
      if (it.facility == f && item.empty()) item = it.id;
    }
    bool waived = false;
    for (const Waiver& w : c.plan.waivers) waived = waived || w.facility == f;
    const Condition cond = facts.condition(f);
    CheckOutcome o = CheckOutcome::kPass;
    if (item.empty() && !waived) {
      if (cond == Condition::kUnknown) o = CheckOutcome::kUnknown;
      else if (cond >= Condition::kPoor) o = CheckOutcome::kFail;
    }
    if (o == CheckOutcome::kFail) d.outcome = CheckOutcome::kFail;
    else if (o == CheckOutcome::kUnknown && d.outcome == CheckOutcome::kPass) d.outcome = o;
    if (!c.texts) continue;
    d.actual += StrCat(d.actual.empty() ? "" : "; ", KeyOf(f), ": ",
                       !item.empty() ? StrCat("item ", item) : waived ? "waived"
                                                                      : StrCat(KeyOf(cond)));
    zh += StrCat(zh.empty() ? "" : "；", ZhOf(f),
                 !item.empty() ? StrCat("已纳入方案（", item, "）")
                 : waived      ? std::string("已说明不改")
                 : o == CheckOutcome::kPass ? StrCat("现状", ZhOf(cond), "，无须改造")
                 : o == CheckOutcome::kFail ? StrCat("现状", ZhOf(cond), "，方案未纳入")
                                            : std::string("未调查，方案未纳入"));
    en += StrCat(en.empty() ? "" : "; ", EnOf(f),
                 !item.empty() ? StrCat(" in the plan (", item, ")")
                 : waived      ? std::string(" waived")
                 : o == CheckOutcome::kPass ? StrCat(" surveyed ", EnOf(cond), ", nothing needed")
                 : o == CheckOutcome::kFail ? StrCat(" surveyed ", EnOf(cond), ", not in the plan")
                                            : std::string(" not surveyed and not in the plan"));
  }
  d.zh = zh;
  d.en = en;
  return d;
}

Detail ContributionsDisclosed(const Context& c) {
  Detail d;
  const bool residents = c.plan.funding.residents.has_value();
  const bool social = c.plan.funding.social.has_value();
  d.outcome = residents && social ? CheckOutcome::kPass : CheckOutcome::kFail;
  if (!c.texts) return d;
  d.expected = "residents_fen and social_fen stated";
  d.actual = StrCat("residents_fen ", residents ? "stated" : "not stated", ", social_fen ",
                    social ? "stated" : "not stated");
  const auto zh_amount = [](const std::optional<Money>& m) {
    return m ? StrCat(m->ToYuanString(), "元") : std::string("未告知");
  };
  const auto en_amount = [](const std::optional<Money>& m) {
    return m ? StrCat(m->ToYuanString(), " yuan") : std::string("not stated");
  };
  d.zh = StrCat("居民出资", zh_amount(c.plan.funding.residents), "，社会出资",
                zh_amount(c.plan.funding.social));
  d.en = StrCat("residents' contribution ", en_amount(c.plan.funding.residents),
                ", social contribution ", en_amount(c.plan.funding.social));
  return d;
}

Detail Complete(const Context& c) {
  const CompletenessResult& r = c.completeness;
  Detail d;
  d.outcome = r.missing > 0        ? CheckOutcome::kFail
              : r.not_surveyed > 0 ? CheckOutcome::kUnknown
                                   : CheckOutcome::kPass;
  if (!c.texts) return d;
  std::string missing_zh, missing_en, unknown_zh, unknown_en;
  for (const Need& n : r.needs) {
    if (n.kind != NeedKind::kRequired) continue;
    if (n.status == NeedStatus::kMissing) {
      missing_zh += StrCat(missing_zh.empty() ? "" : "、", ZhOf(n.facility));
      missing_en += StrCat(missing_en.empty() ? "" : ", ", EnOf(n.facility));
    } else if (n.status == NeedStatus::kNotSurveyed) {
      unknown_zh += StrCat(unknown_zh.empty() ? "" : "、", ZhOf(n.facility));
      unknown_en += StrCat(unknown_en.empty() ? "" : ", ", EnOf(n.facility));
    }
  }
  d.actual = StrCat("required ", r.required, ", covered ", r.covered, ", waived ", r.waived,
                    ", missing ", r.missing, ", not surveyed ", r.not_surveyed);
  d.expected = "missing 0, not surveyed 0";
  d.zh = StrCat("应改", r.required, "项：已纳入", r.covered, "项，说明不改", r.waived, "项，缺",
                r.missing, "项", missing_zh.empty() ? "" : StrCat("（", missing_zh, "）"),
                r.not_surveyed > 0 ? StrCat("，未调查", r.not_surveyed, "项（", unknown_zh, "）") : "");
  d.en = StrCat(r.required, " required: ", r.covered, " covered, ", r.waived, " waived, ",
                r.missing, " missing", missing_en.empty() ? "" : StrCat(" (", missing_en, ")"),
                r.not_surveyed > 0 ? StrCat(", ", r.not_surveyed, " not surveyed (", unknown_en, ")")
                                   : "");
  return d;
}

Detail ConsultationRounds(const Context& c, const ReviewCheck& check) {
  Detail d;
  const std::size_t n = c.plan.consultations.size();
  d.outcome = n >= static_cast<std::size_t>(check.count) ? CheckOutcome::kPass : CheckOutcome::kFail;
  if (!c.texts) return d;
  d.actual = StrCat(n, " rounds");
  d.expected = StrCat(">= ", check.count, " rounds");
  d.zh = StrCat("征询", n, "轮，要求至少", check.count, "轮");
  d.en = StrCat(n, " consultation rounds, at least ", check.count, " required");
  return d;
}

Detail NoticeRounds(const Context& c, const ReviewCheck& check) {
  Detail d;
  int long_enough = 0;
  for (const PublicNotice& n : c.plan.notices) {
    if (Days(n.ends) - Days(n.starts) + 1 >= check.min_days) ++long_enough;
  }
  d.outcome = long_enough >= check.count ? CheckOutcome::kPass : CheckOutcome::kFail;
  if (!c.texts) return d;
  d.actual = StrCat(long_enough, " notices");
  d.expected = StrCat(">= ", check.count, " notices of >= ", check.min_days, " days");
  d.zh = StrCat("公示", c.plan.notices.size(), "轮，其中", long_enough, "轮公示期不少于",
                check.min_days, "天，要求至少", check.count, "轮");
  d.en = StrCat(c.plan.notices.size(), " notices, ", long_enough, " of at least ", check.min_days,
                " days; at least ", check.count, " required");
  return d;
}

Detail OpinionsAnswered(const Context& c) {
  Detail d;
  int pending = 0, adopted = 0, explained = 0;
  for (const Opinion& o : c.plan.opinions) {
    if (o.answer == OpinionAnswer::kPending) ++pending;
    if (o.answer == OpinionAnswer::kAdopted) ++adopted;
    if (o.answer == OpinionAnswer::kNotAdopted) ++explained;
  }
  d.outcome = pending == 0 ? CheckOutcome::kPass : CheckOutcome::kFail;
  if (!c.texts) return d;
  d.actual = StrCat(pending, " pending");
  d.expected = "0 pending";
  d.zh = StrCat("意见", c.plan.opinions.size(), "条：采纳", adopted, "条，不予采纳并说明", explained,
                "条，待答复", pending, "条");
  d.en = StrCat(c.plan.opinions.size(), " opinions: ", adopted, " adopted, ", explained,
                " not adopted with an explanation, ", pending, " pending");
  return d;
}

Detail DepartmentSignOff(const Context& c, const ReviewCheck& check) {
  Detail d;
  const SignOff* s = nullptr;
  for (const SignOff& x : c.plan.signoffs) {
    if (x.department == check.department) s = &x;  // the latest recorded counts
  }
  d.outcome = s == nullptr ? CheckOutcome::kUnknown
              : s->approved ? CheckOutcome::kPass : CheckOutcome::kFail;
  if (!c.texts) return d;
  d.expected = StrCat(KeyOf(check.department), " approved");
  d.actual = s == nullptr ? "no sign-off" : s->approved ? "approved" : "not approved";
  const std::string_view zh = ZhOf(check.department), en = EnOf(check.department);
  if (s == nullptr) {
    d.zh = StrCat(zh, "尚无联审意见");
    d.en = StrCat(en, ": no sign-off recorded");
  } else {
    d.zh = StrCat(zh, s->date.text, (s->approved ? "同意" : "不同意"),
                  s->opinion.empty() ? "" : StrCat("：", s->opinion));
    d.en = StrCat(en, " ", s->approved ? "approved" : "did not approve", " on ", s->date.text,
                  s->opinion.empty() ? "" : " (opinion recorded in the plan)");
  }
  return d;
}

Detail Management(const Context& c) {
  Detail d;
  const ManagementMode m = c.plan.management_mode;
  d.outcome = m == ManagementMode::kUnknown || m == ManagementMode::kNone ? CheckOutcome::kFail
                                                                          : CheckOutcome::kPass;
  if (!c.texts) return d;
  d.actual = std::string(KeyOf(m));
  d.expected = "a management mode";
  d.zh = StrCat("改造后管理模式：", ZhOf(m));
  d.en = StrCat("management after renovation: ", EnOf(m));
  return d;
}

Detail Evaluate(const Context& c, const ReviewCheck& check) {
  switch (check.kind) {
    case CheckKind::kSurveyDone: return SurveyDone(c);
    case CheckKind::kResidentsConsulted: return ResidentsConsulted(c, check);
    case CheckKind::kFireLaneAndAgeing: return FireLaneAndAgeing(c);
    case CheckKind::kContributionsDisclosed: return ContributionsDisclosed(c);
    case CheckKind::kComplete: return Complete(c);
    case CheckKind::kConsultationRounds: return ConsultationRounds(c, check);
    case CheckKind::kNoticeRounds: return NoticeRounds(c, check);
    case CheckKind::kOpinionsAnswered: return OpinionsAnswered(c);
    case CheckKind::kDepartmentSignOff: return DepartmentSignOff(c, check);
    case CheckKind::kManagementMode: return Management(c);
  }
  return {};
}

ReviewStatus Combine(const std::vector<CheckOutcome>& outcomes) {
  bool unknown = false;
  for (CheckOutcome o : outcomes) {
    if (o == CheckOutcome::kFail) return ReviewStatus::kFailed;
    unknown = unknown || o == CheckOutcome::kUnknown;
  }
  return unknown ? ReviewStatus::kUndetermined : ReviewStatus::kPassed;
}

}  // namespace

absl::StatusOr<ReviewStatus> ReviewPlanFast(const SchemePlan& plan, const Registry& registry,
                                            Index estate, const ReviewPolicy& policy,
                                            const CompletenessPolicy& completeness,
                                            std::vector<CheckOutcome>* outcomes) {
  const CompletenessResult r = CheckCompletenessFast(plan, registry, estate, completeness, false);
  const Context c{plan, registry, estate, completeness, r, false};
  outcomes->clear();
  for (const ReviewCheck& check : policy.checks) outcomes->push_back(Evaluate(c, check).outcome);
  return Combine(*outcomes);
}

absl::StatusOr<ReviewResult> ReviewPlan(const SchemePlan& plan, const Registry& registry,
                                        const ReviewPolicy& policy) {
  RENEWAL_ASSIGN_OR_RETURN(CompletenessPolicy cp, CompletenessPreset(policy.completeness));
  RENEWAL_ASSIGN_OR_RETURN(CompletenessResult completeness, CheckCompleteness(plan, registry, cp));
  ReviewResult r;
  r.plan = plan.id;
  r.estate = plan.estate;
  r.policy = policy.name;
  const Context c{plan, registry, *registry.FindEstate(plan.estate), cp, completeness, true};
  std::vector<CheckOutcome> outcomes;
  for (std::size_t i = 0; i < policy.checks.size(); ++i) {
    const ReviewCheck& check = policy.checks[i];
    Detail d = Evaluate(c, check);
    CheckResult x;
    x.outcome = d.outcome;
    x.actual = std::move(d.actual);
    x.expected = std::move(d.expected);
    x.reason_zh = StrCat(check.zh, "：", ZhOf(d.outcome), "。", d.zh);
    x.reason_en = StrCat(check.en, ": ", EnOf(d.outcome), ". ", d.en);
    if (d.outcome == CheckOutcome::kFail) r.failed.push_back(i);
    outcomes.push_back(d.outcome);
    r.checks.push_back(std::move(x));
  }
  r.status = Combine(outcomes);
  r.completeness = std::move(completeness);
  return r;
}

}  // namespace renewal
