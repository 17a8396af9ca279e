// The review presets (docs/scheme.md "Review"), each check cited.
#include "renewal/base/strcat.h"
#include "renewal/scheme/review.h"

namespace renewal {
namespace {

constexpr std::string_view kNational =
    "《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》（国办发〔2020〕23号）";
constexpr std::string_view kHunan =
    "《湖南省城镇老旧小区改造“解难题、建机制”可复制经验做法清单（第一批）》（湘建城函〔2021〕161号）";
constexpr std::string_view kFourth = "《城镇老旧小区改造可复制政策机制清单（第四批）》";

ReviewCheck Check(std::string id, CheckKind kind, std::string_view zh, std::string_view en,
                  std::string_view source) {
  ReviewCheck c;
  c.id = std::move(id);
  c.kind = kind;
  c.zh = std::string(zh);
  c.en = std::string(en);
  c.source = std::string(source);
  return c;
}

// 长沙 "八不通过": the four conditions the seed states, and completeness.
ReviewPolicy ChangshaEightNo() {
  ReviewPolicy p;
  p.name = "changsha_eight_no";
  p.zh = "长沙改造方案“八不通过”审查";
  p.en = "Changsha plan review (\"eight fails\")";
  p.completeness = "changsha";
  p.checks.push_back(Check("survey_done", CheckKind::kSurveyDone, "开展现状调研（未开展的不通过）",
                           "survey of the present state (without one the plan fails)", kHunan));
  ReviewCheck consulted =
      Check("residents_consulted", CheckKind::kResidentsConsulted,
            "征求居民意见并达到“两个80%”（未征求的不通过）",
            "residents consulted, \"two 80%\" met (otherwise the plan fails)", kHunan);
  consulted.rule = "changsha_two_80";
  p.checks.push_back(std::move(consulted));
  p.checks.push_back(Check("fire_lane_and_ageing", CheckKind::kFireLaneAndAgeing,
                           "畅通消防通道及适老设施（未畅通的不通过）",
                           "fire lanes and ageing-friendly facilities opened up (otherwise the plan fails)",
                           kHunan));
  p.checks.push_back(Check("contributions_disclosed", CheckKind::kContributionsDisclosed,
                           "告知社会出资与居民出资（未告知的不通过）",
                           "residents' and social contributions disclosed (otherwise the plan fails)", kHunan));
  p.checks.push_back(Check("complete", CheckKind::kComplete,
                           "落实“基础类应改尽改”（未落实的不通过）",
                           "every deficient basic item covered (otherwise the plan fails)", kHunan));
  return p;
}

ReviewPolicy National() {
  ReviewPolicy p;
  p.name = "national";
  p.zh = "改造方案基本审查";
  p.en = "basic plan review";
  p.completeness = "national";
  p.checks.push_back(Check("survey_done", CheckKind::kSurveyDone, "摸清小区现状",
                           "the estate's present state surveyed", kNational));
  p.checks.push_back(Check("residents_consulted", CheckKind::kResidentsConsulted,
                           "征求居民意见并达到表决规则",
                           "residents consulted and the rule met", kNational));
  p.checks.push_back(Check("complete", CheckKind::kComplete, "基础类应改尽改",
                           "every deficient basic item covered", kNational));
  p.checks.push_back(Check("management_mode", CheckKind::kManagementMode,
                           "明确改造后长效管理模式", "management after renovation chosen",
                           kNational));
  return p;
}

// 武汉 joint review: each department's sign-off.
ReviewPolicy WuhanJointReview() {
  ReviewPolicy p;
  p.name = "wuhan_joint_review";
  p.zh = "武汉改造方案联席会议集中联审";
  p.en = "Wuhan joint review by departments";
  p.completeness = "national";
  for (const Label<Department>& l : Labels<Department>()) {
    ReviewCheck c = Check(StrCat("signoff_", l.key), CheckKind::kDepartmentSignOff,
                          StrCat(l.zh, "联审同意"), StrCat(l.en, " signs the plan off"), kFourth);
    c.department = l.value;
    p.checks.push_back(std::move(c));
  }
  return p;
}

// 长沙 "两轮征询、两轮公示": two rounds, two notices, every opinion answered.
ReviewPolicy ChangshaTwoRounds() {
  ReviewPolicy p;
  p.name = "changsha_two_rounds";
  p.zh = "长沙“两轮征询、两轮公示”";
  p.en = "Changsha: two consultation rounds and two public notices";
  p.completeness = "changsha";
  ReviewCheck rounds = Check("two_consultations", CheckKind::kConsultationRounds, "两轮征询",
                             "two consultation rounds", kHunan);
  rounds.count = 2;
  p.checks.push_back(std::move(rounds));
  ReviewCheck notices = Check("two_notices", CheckKind::kNoticeRounds, "两轮公示",
                              "two public notices", kHunan);
  notices.count = 2;
  notices.min_days = 1;
  p.checks.push_back(std::move(notices));
  p.checks.push_back(Check("opinions_answered", CheckKind::kOpinionsAnswered,
                           "反对意见吸纳修改或予以说明",
                           "objections adopted or explained", kHunan));
  return p;
}

}  // namespace

std::vector<std::string_view> ReviewPresetNames() {
  return {"changsha_eight_no", "national", "wuhan_joint_review", "changsha_two_rounds"};
}

absl::StatusOr<ReviewPolicy> ReviewPreset(std::string_view name) {
  if (name == "changsha_eight_no") return ChangshaEightNo();
  if (name == "national") return National();
  if (name == "wuhan_joint_review") return WuhanJointReview();
  if (name == "changsha_two_rounds") return ChangshaTwoRounds();
  return absl::NotFoundError(StrCat("review policy: no preset named \"", name,
                                    "\" (presets: changsha_eight_no, national, "
                                    "wuhan_joint_review, changsha_two_rounds)"));
}

}  // namespace renewal
