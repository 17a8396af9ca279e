// The programme's state: checking an event against it, then applying it.
#include <algorithm>
#include <string>
#include <utility>

#include "renewal/base/ids.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/progress/progress_store.h"

namespace renewal {
namespace {

std::string Where(const Event& e) {
  return StrCat(KeyOf(e.kind), " event, project \"", e.project, "\"");
}

absl::Status Invalid(const Event& e, std::string_view field, std::string_view what) {
  return absl::InvalidArgumentError(StrCat(Where(e), " ", field, ": ", what));
}

std::string StageName(Stage s) { return StrCat(KeyOf(s), " (", ZhOf(s), ")"); }

absl::Status CheckInfo(const Event& e) {
  const ProjectInfo& i = e.info;
  if (i.id != e.project) return Invalid(e, "id", StrCat("\"", i.id, "\" is not the event's project"));
  if (absl::Status s = CheckId(i.id); !s.ok()) return Invalid(e, "id", ToStd(s.message()));
  if (i.estates.empty()) return Invalid(e, "estates", "at least one estate is required");
  for (std::size_t k = 0; k < i.estates.size(); ++k) {
    const PlannedEstate& est = i.estates[k];
    const std::string f = StrCat("estates[", k, "]");
    if (absl::Status s = CheckId(est.id); !s.ok()) return Invalid(e, StrCat(f, ".id"), ToStd(s.message()));
    if (est.households < 0 || est.households > 1'000'000'000) {
      return Invalid(e, StrCat(f, ".households"),
                     StrCat("must be 0 to 1000000000, got ", est.households));
    }
    for (std::size_t j = 0; j < k; ++j) {
      if (i.estates[j].id == est.id) return Invalid(e, StrCat(f, ".id"), StrCat("\"", est.id, "\" is listed twice"));
    }
  }
  if (i.plan_year != 0 && (i.plan_year < 1990 || i.plan_year > 2100)) {
    return Invalid(e, "plan.year", StrCat("must be 1990 to 2100, got ", i.plan_year));
  }
  if (i.plan_year == 0 ? i.plan_batch != 0 : (i.plan_batch < 1 || i.plan_batch > 99)) {
    return Invalid(e, "plan.batch", StrCat("must be 1 to 99 within a plan year, got ", i.plan_batch));
  }
  if (i.province.empty()) return Invalid(e, "province", "required");
  if (i.city.empty()) return Invalid(e, "city", "required");
  if (i.district.empty()) return Invalid(e, "district", "required");
  if (i.buildings < 0) return Invalid(e, "buildings", StrCat("must be >= 0, got ", i.buildings));
  if (i.floor_area_centi_m2 < 0) return Invalid(e, "floor_area_m2", "must be >= 0");
  if (i.investment.is_negative()) {
    return Invalid(e, "investment", StrCat("must be >= 0, got ", i.investment.ToYuanString()));
  }
  return absl::OkStatus();
}

absl::Status CheckEvidence(const Event& e) {
  const Evidence& v = e.evidence;
  if (absl::Status s = CheckId(v.id); !s.ok()) return Invalid(e, "evidence.id", ToStd(s.message()));
  if (v.kind == EvidenceKind::kVote) {
    if (v.rule.empty()) return Invalid(e, "evidence.rule", "a vote names the rule it was counted under");
  } else if (v.kind == EvidenceKind::kAcceptance && !v.counts) {
    if (!v.rule.empty() && v.rule != kJointAcceptanceRule && v.rule != kStepInspectionRule) {
      return Invalid(e, "evidence.rule",
                     StrCat("an acceptance record's rule is ", kJointAcceptanceRule, " or ",
                            kStepInspectionRule, ", got \"", v.rule, "\""));
    }
  } else if (!v.rule.empty() || v.counts) {
    return Invalid(e, "evidence.rule", "only a vote has counts, and only votes and acceptance records a rule");
  }
  if (v.counts) {
    const VoteCounts& c = *v.counts;
    if (c.area_agree < 0 || c.area_total < c.area_agree) {
      return Invalid(e, "evidence.counts.area_agree", "must be 0 to area_total");
    }
    if (c.heads_agree < 0 || c.heads_total < c.heads_agree) {
      return Invalid(e, "evidence.counts.heads_agree", "must be 0 to heads_total");
    }
  }
  return absl::OkStatus();
}

absl::Status CheckOutcomes(const Event& e) {
  const Outcomes& o = e.outcomes;
  for (std::size_t k = 0; k < kPipelineKindCount; ++k) {
    if (o.pipelines_m[k] < 0) {
      return Invalid(e, StrCat("outcomes.pipelines_m.", KeyOf(static_cast<PipelineKind>(k))), "must be >= 0");
    }
  }
  const std::pair<std::string_view, std::int64_t> counts[] = {
      {"elevators", o.elevators}, {"parking_spaces", o.parking_spaces},
      {"car_chargers", o.car_chargers}, {"ebike_chargers", o.ebike_chargers},
      {"elderly_care_facilities", o.elderly_care_facilities},
      {"childcare_facilities", o.childcare_facilities},
      {"other_service_facilities", o.other_service_facilities},
      {"energy_retrofit_m2", o.energy_retrofit_centi_m2},
      {"fitness_space_m2", o.fitness_space_centi_m2},
      {"households_benefited", o.households_benefited}};
  for (const auto& [name, v] : counts) {
    if (v < 0) return Invalid(e, StrCat("outcomes.", name), StrCat("must be >= 0, got ", v));
  }
  return absl::OkStatus();
}

bool Meets(const EvidenceRequirement& r, const Evidence& v) {
  if (v.kind != r.kind || !v.passed) return false;
  return r.rules.empty() || std::find(r.rules.begin(), r.rules.end(), v.rule) != r.rules.end();
}

}  // namespace

std::optional<Stage> ProjectState::StageAt(int date) const {
  if (date < created) return std::nullopt;
  Stage s = Stage::kSurvey;
  for (const StageChange& c : history) {
    if (c.date > date) break;
    s = c.stage;
  }
  return s;
}

const Evidence* ProjectState::FindEvidence(std::string_view id) const {
  for (const Evidence& v : evidence) {
    if (v.id == id) return &v;
  }
  return nullptr;
}

Programme::Programme(GuardPolicy policy) : policy_(std::move(policy)) {}

void Programme::Reserve(std::size_t projects) {
  projects_.reserve(projects);
  index_.reserve(projects);
}

const ProjectState* Programme::Find(std::string_view project) const {
  auto it = index_.find(ToAbsl(project));
  return it == index_.end() ? nullptr : &projects_[it->second];
}

absl::Status Programme::CheckTransition(const ProjectState& p, const Event& e) const {
  const std::size_t current = static_cast<std::size_t>(p.stage);
  if (current + 1 >= kStageCount) {
    return absl::FailedPreconditionError(StrCat(Where(e), " stage: the project is at ",
                                                StageName(p.stage), ", the last stage"));
  }
  const Stage next = static_cast<Stage>(current + 1);
  if (e.stage != next) {
    return absl::FailedPreconditionError(
        StrCat(Where(e), " stage: ", StageName(e.stage), " is out of order: the project is at ",
               StageName(p.stage), " and the next stage is ", StageName(next),
               " (going back needs a correction with a reason)"));
  }
  for (std::size_t k = 0; k < e.cites.size(); ++k) {
    const Evidence* v = p.FindEvidence(e.cites[k]);
    if (v == nullptr) {
      return absl::NotFoundError(StrCat(Where(e), " stage ", StageName(e.stage), " evidence[", k,
                                        "]: no evidence \"", e.cites[k],
                                        "\" was recorded for the project"));
    }
    if (!v->passed) {
      return absl::FailedPreconditionError(
          StrCat(Where(e), " stage ", StageName(e.stage), " evidence[", k, "]: ", KeyOf(v->kind),
                 " \"", v->id, "\" did not pass and cannot be cited"));
    }
  }
  std::string missing_zh, missing_en;
  for (const EvidenceRequirement& r : policy_.requirements[static_cast<std::size_t>(e.stage)]) {
    bool met = false;
    for (const std::string& id : e.cites) met = met || Meets(r, *p.FindEvidence(id));
    for (const std::string& id : p.cited) met = met || Meets(r, *p.FindEvidence(id));
    if (!met) {
      missing_zh += StrCat(missing_zh.empty() ? "" : "；", r.zh);
      missing_en += StrCat(missing_en.empty() ? "" : "; ", r.en);
    }
  }
  if (!missing_zh.empty()) {
    return absl::FailedPreconditionError(
        StrCat(Where(e), " stage ", StageName(e.stage), ": missing evidence under the \"",
               policy_.name, "\" policy: ", missing_en, "（缺少：", missing_zh, "）"));
  }
  if (e.stage == Stage::kLongTermManagement) {
    if (!e.mode) return Invalid(e, "management_mode", "required for long_term_management");
    if (*e.mode == ManagementMode::kUnknown || *e.mode == ManagementMode::kNone) {
      return Invalid(e, "management_mode",
                     StrCat("\"", KeyOf(*e.mode), "\" is not a long-term management mode"));
    }
  } else if (e.mode) {
    return Invalid(e, "management_mode", "only for long_term_management");
  }
  return absl::OkStatus();
}

absl::Status Programme::Check(const Event& e) const {
  if (e.project.empty()) return Invalid(e, "project", "required");
  if (!IsCalendarDay(e.date)) {
    return Invalid(e, "date", StrCat("not a calendar day: ", e.date));
  }
  const ProjectState* p = Find(e.project);
  if (e.kind == EventKind::kCreate) {
    if (p != nullptr) {
      return absl::AlreadyExistsError(StrCat(Where(e), ": the project already exists"));
    }
    return CheckInfo(e);
  }
  if (p == nullptr) {
    return absl::NotFoundError(StrCat(Where(e), ": no such project (create it first)"));
  }
  if (e.date < p->last_date) {
    return Invalid(e, "date", StrCat(FormatProgressDate(e.date),
                                     " is before the project's last event (",
                                     FormatProgressDate(p->last_date), ")"));
  }
  switch (e.kind) {
    case EventKind::kCreate:
      break;
    case EventKind::kTransition:
      return CheckTransition(*p, e);
    case EventKind::kCorrection:
      if (e.stage >= p->stage) {
        return absl::FailedPreconditionError(
            StrCat(Where(e), " stage: a correction goes back to an earlier stage; the project is at ",
                   StageName(p->stage), ", not after ", StageName(e.stage)));
      }
      if (e.reason.empty()) return Invalid(e, "reason", "a correction needs a reason");
      break;
    case EventKind::kEvidence:
      RENEWAL_RETURN_IF_ERROR(CheckEvidence(e));
      if (p->FindEvidence(e.evidence.id) != nullptr) {
        return absl::AlreadyExistsError(StrCat(Where(e), " evidence.id: \"", e.evidence.id,
                                               "\" is already recorded"));
      }
      break;
    case EventKind::kOutcomes:
      if (p->stage < Stage::kCompleted) {
        return absl::FailedPreconditionError(
            StrCat(Where(e), " stage ", StageName(p->stage),
                   ": outcomes are recorded at completion (completed or later)"));
      }
      if (p->outcomes) {
        return absl::AlreadyExistsError(StrCat(Where(e), ": outcomes are already recorded (",
                                               FormatProgressDate(p->outcomes_date), ")"));
      }
      return CheckOutcomes(e);
    case EventKind::kReceived:
    case EventKind::kPaid:
      if (e.amount.fen() <= 0) {
        return Invalid(e, "amount", StrCat("must be > 0, got ", e.amount.ToYuanString()));
      }
      if (e.kind == EventKind::kPaid) {
        bool first_seen = false;
        for (const MoneyEntry& m : p->money) first_seen = first_seen || (m.paid && m.source == e.source);
        if (e.instalment == Instalment::kFirst && first_seen) {
          return Invalid(e, "instalment", StrCat("the first instalment from ", KeyOf(e.source),
                                                 " was already paid; this one is \"later\""));
        }
        if (e.instalment == Instalment::kLater && !first_seen) {
          return Invalid(e, "instalment", StrCat("no first instalment from ", KeyOf(e.source),
                                                 " was paid before this later one"));
        }
      }
      break;
  }
  return absl::OkStatus();
}

absl::Status Programme::Apply(const Event& e) {
  RENEWAL_RETURN_IF_ERROR(Check(e));
  ++events_;
  if (e.kind == EventKind::kCreate) {
    index_.emplace(e.project, static_cast<std::uint32_t>(projects_.size()));
    ProjectState& p = projects_.emplace_back();
    p.info = e.info;
    p.created = p.stage_date = p.last_date = e.date;
    p.history.push_back(StageChange{e.date, Stage::kSurvey, false, {}});
    return absl::OkStatus();
  }
  ProjectState& p = projects_[index_.find(e.project)->second];
  p.last_date = e.date;
  switch (e.kind) {
    case EventKind::kCreate:
      break;
    case EventKind::kTransition:
      p.stage = e.stage;
      p.stage_date = e.date;
      p.history.push_back(StageChange{e.date, e.stage, false, {}});
      for (const std::string& id : e.cites) {
        if (std::find(p.cited.begin(), p.cited.end(), id) == p.cited.end()) p.cited.push_back(id);
      }
      if (e.mode) p.mode = e.mode;
      break;
    case EventKind::kCorrection:
      p.stage = e.stage;
      p.stage_date = e.date;
      p.history.push_back(StageChange{e.date, e.stage, true, e.reason});
      if (e.stage < Stage::kLongTermManagement) p.mode.reset();
      break;
    case EventKind::kEvidence:
      p.evidence.push_back(e.evidence);
      p.evidence_dates.push_back(e.date);
      break;
    case EventKind::kOutcomes:
      p.outcomes = e.outcomes;
      p.outcomes_date = e.date;
      break;
    case EventKind::kReceived:
    case EventKind::kPaid:
      p.money.push_back(MoneyEntry{e.date, e.kind == EventKind::kPaid, e.source, e.channel,
                                   e.instalment, e.amount});
      break;
  }
  return absl::OkStatus();
}

}  // namespace renewal
