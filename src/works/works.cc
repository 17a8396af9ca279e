// The works: the state and the events that change it. Each `Do` checks everything
// first and mutates only when `commit` is set and every check passed, so a failing
// event changes nothing and `Check` is the same code without the mutation.
#include "renewal/works/works.h"

#include <algorithm>

#include "renewal/base/ids.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/funding/funding.h"
#include "works_internal.h"

namespace renewal {

using works_internal::Invalid;
using works_internal::Missing;
using works_internal::Precondition;
using works_internal::Where;

namespace works_internal {

Date AddMonths(Date d, int months) {
  int y = d.year(), m = d.month() + months;
  y += (m - 1) / 12;
  m = (m - 1) % 12 + 1;
  int day = d.day();
  for (; day > 28; --day) {
    if (Date::FromYmd(y, m, day).ok()) break;
  }
  return *Date::FromYmd(y, m, day);
}

}  // namespace works_internal

namespace {

absl::Status CheckNewId(std::string_view what, const std::string& id,
                        const std::unordered_map<std::string, std::uint32_t>& index) {
  if (absl::Status s = CheckId(id); !s.ok()) return Invalid(what, id, "id", ToStd(s.message()));
  if (index.count(id) != 0) {
    return absl::AlreadyExistsError(StrCat(Where(what, id, "id"), ": recorded already"));
  }
  return absl::OkStatus();
}

absl::Status Required(std::string_view what, std::string_view id, std::string_view field,
                      std::string_view value) {
  if (value.empty()) return Invalid(what, id, field, "required field is missing");
  return absl::OkStatus();
}

std::optional<std::uint32_t> Lookup(const std::unordered_map<std::string, std::uint32_t>& index,
                                    std::string_view id) {
  auto it = index.find(std::string(id));
  if (it == index.end()) return std::nullopt;
  return it->second;
}

bool IsHex64(std::string_view s) {
  if (s.size() != 64) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// |a| >= threshold.num/threshold.den × b, in 128 bits.
bool ShareAtLeast(Money a, Ratio threshold, Money b) {
  const __int128 abs_a = a.fen() < 0 ? -static_cast<__int128>(a.fen()) : a.fen();
  return abs_a * threshold.den() >= static_cast<__int128>(threshold.num()) * b.fen();
}

Money Abs(Money m) { return Money::Fen(m.fen() < 0 ? -m.fen() : m.fen()); }

}  // namespace

SatisfactionVoteRecorded SatisfactionFromOutcome(std::string project, const VoteOutcome& outcome,
                                                 Date on) {
  SatisfactionVoteRecorded r;
  r.project = std::move(project);
  r.vote = outcome.vote_id;
  r.rule = outcome.rule_name;
  r.passed = outcome.passed;
  r.agree = outcome.totals.heads_agree;
  r.total = outcome.totals.heads_total;
  r.on = on;
  return r;
}

Works::Works(WorksDirectory directory, WorkCalendar calendar, WorksPolicy policy)
    : directory_(std::move(directory)), calendar_(std::move(calendar)), policy_(std::move(policy)) {
  projects_.resize(directory_.projects().size());
  for (std::size_t p = 0; p < projects_.size(); ++p) projects_[p].plan = directory_.projects()[p].plan;
}

absl::StatusOr<Works> Works::Create(WorksDirectory directory, WorkCalendar calendar,
                                    WorksPolicy policy) {
  RENEWAL_RETURN_IF_ERROR(ValidateWorksPolicy(policy));
  return Works(std::move(directory), std::move(calendar), std::move(policy));
}

absl::Status Works::Apply(const WorksEvent& event) { return Do(event, true); }
absl::Status Works::Check(const WorksEvent& event) const {
  return const_cast<Works*>(this)->Do(event, false);  // commit = false never mutates
}

absl::Status Works::Do(const WorksEvent& event, bool commit) {
  return std::visit([&](const auto& e) { return Do(e, commit); }, event);
}

std::uint32_t Works::Name(std::string_view s) {
  names_.push_back(s);
  return static_cast<std::uint32_t>(names_.size() - 1);
}

void Works::ReserveComplaints(std::size_t n) {
  complaints_.reserve(n);
  complaint_index_.reserve(n);
  steps_.reserve(3 * n);
}

std::optional<std::uint32_t> Works::FindComplaint(std::string_view id) const {
  return Lookup(complaint_index_, id);
}

std::optional<std::uint32_t> Works::FindInspection(std::string_view id) const {
  return Lookup(inspection_index_, id);
}

std::uint32_t Works::complaint_contractor(std::size_t i) const {
  const std::uint32_t p = complaints_[i].project;
  if (p == kNone) return kNone;
  return directory_.project_contractor(p);
}

absl::StatusOr<Date> Works::DueFrom(Date start, const DeadlineRule& rule,
                                    std::string_view what) const {
  auto due = Deadline(calendar_, start, rule);
  if (!due.ok()) return absl::Status(due.status().code(), StrCat(what, ": ", ToStd(due.status().message())));
  return due;
}

// ---------------------------------------------------------------------------
// Complaints

absl::Status Works::Do(const ComplaintFiled& e, bool commit) {
  constexpr std::string_view kWhat = "complaint";
  RENEWAL_RETURN_IF_ERROR(CheckNewId(kWhat, e.id, complaint_index_));
  const auto estate = directory_.FindEstate(e.estate);
  if (!estate) return Missing(kWhat, e.id, "estate", "estate", e.estate);
  std::uint32_t project = kNone;
  if (!e.project.empty()) {
    const auto p = directory_.FindProject(e.project);
    if (!p) return Missing(kWhat, e.id, "project", "project", e.project);
    if (directory_.projects()[*p].estate != e.estate) {
      return Invalid(kWhat, e.id, "project",
                     StrCat("project \"", e.project, "\" is in estate \"",
                            directory_.projects()[*p].estate, "\", not \"", e.estate, "\""));
    }
    project = *p;
  }
  RENEWAL_RETURN_IF_ERROR(Required(kWhat, e.id, "category", e.category));
  RENEWAL_RETURN_IF_ERROR(Required(kWhat, e.id, "complainant", e.complainant));
  if ((e.channel == ComplaintChannel::kSupervisor) != !e.supervisor.empty()) {
    return Invalid(kWhat, e.id, "supervisor",
                   "a complaint by a volunteer supervisor names the supervisor's appointment, "
                   "and only such a complaint does");
  }
  if (!e.supervisor.empty()) {
    const auto a = Lookup(appointment_index_, e.supervisor);
    if (!a) return Missing(kWhat, e.id, "supervisor", "appointment", e.supervisor);
    const Appointment& ap = appointments_[*a];
    if (ap.made.role != AppointmentRole::kSupervisor || ap.made.estate != e.estate ||
        e.on < ap.made.from || (ap.ended && *ap.ended <= e.on)) {
      return Precondition(kWhat, e.id, "supervisor",
                          StrCat("appointment \"", e.supervisor,
                                 "\" is not a supervisor of this estate on ", e.on.ToString()));
    }
  }
  if (!ids_.fits(e.id) || !texts_.fits(e.text) || !names_.fits(e.complainant)) {
    return absl::ResourceExhaustedError(StrCat(Where(kWhat, e.id, "text"), ": string store full"));
  }
  RENEWAL_ASSIGN_OR_RETURN(
      Date due, DueFrom(e.on, policy_.complaints.accept, Where(kWhat, e.id, "accept deadline")));
  if (!commit) return absl::OkStatus();
  Complaint c;
  c.estate = *estate;
  c.project = project;
  c.channel = e.channel;
  c.filed = c.step_started = e.on;
  c.due = due;
  complaint_index_.emplace(e.id, static_cast<std::uint32_t>(complaints_.size()));
  complaints_.push_back(c);
  ids_.push_back(e.id);
  categories_.push_back(e.category);
  texts_.push_back(e.text);
  complainants_.push_back(e.complainant);
  return absl::OkStatus();
}

absl::Status Works::Do(const ComplaintStepDone& e, bool commit) {
  constexpr std::string_view kWhat = "complaint";
  const auto i = FindComplaint(e.complaint);
  if (!i) return Missing("complaint step", e.complaint, "complaint", "complaint", e.complaint);
  const Complaint& c = complaints_[*i];
  const std::string_view action = KeyOf(e.action);
  RENEWAL_RETURN_IF_ERROR(Required(kWhat, e.complaint, StrCat(action, ".person"), e.person));
  auto out_of_order = [&](ComplaintState needed) {
    return Precondition(kWhat, e.complaint, action,
                        StrCat("the case is ", EnOf(c.state), ", a ", EnOf(e.action),
                               " needs it ", EnOf(needed)));
  };
  if (c.state == ComplaintState::kClosed) {
    return Precondition(kWhat, e.complaint, action, "the case is closed");
  }
  if (e.on < c.step_started) {
    return Invalid(kWhat, e.complaint, StrCat(action, ".on"),
                   StrCat(e.on.ToString(), " is before the step began on ", c.step_started.ToString()));
  }
  Complaint next = c;
  std::optional<StepRecord> record;
  auto timed = [&](ComplaintStep step) {
    record = StepRecord{*i, step, c.step_started, c.due, e.on, 0};
  };
  switch (e.action) {
    case ComplaintAction::kAccept: {
      if (c.state != ComplaintState::kFiled) return out_of_order(ComplaintState::kFiled);
      timed(ComplaintStep::kAccept);
      next.state = ComplaintState::kAccepted;
      RENEWAL_ASSIGN_OR_RETURN(next.due, DueFrom(e.on, policy_.complaints.handle,
                                                 Where(kWhat, e.complaint, "handle deadline")));
      break;
    }
    case ComplaintAction::kHandle: {
      if (c.state != ComplaintState::kAccepted) return out_of_order(ComplaintState::kAccepted);
      timed(ComplaintStep::kHandle);
      next.state = ComplaintState::kHandled;
      next.upheld = c.upheld || e.upheld;
      RENEWAL_ASSIGN_OR_RETURN(next.due, DueFrom(e.on, policy_.complaints.revisit,
                                                 Where(kWhat, e.complaint, "revisit deadline")));
      break;
    }
    case ComplaintAction::kRevisit: {
      if (c.state != ComplaintState::kHandled) return out_of_order(ComplaintState::kHandled);
      timed(ComplaintStep::kRevisit);
      if (e.resolved) {
        next.state = ComplaintState::kRevisited;
        next.due = e.on;  // no deadline: the complainant's signature closes it
      } else {
        // Unresolved: back to handling, with a fresh handling deadline.
        next.state = ComplaintState::kAccepted;
        ++next.reopened;
        RENEWAL_ASSIGN_OR_RETURN(next.due, DueFrom(e.on, policy_.complaints.handle,
                                                   Where(kWhat, e.complaint, "handle deadline")));
      }
      break;
    }
    case ComplaintAction::kEscalate: {
      if (c.state != ComplaintState::kAccepted) return out_of_order(ComplaintState::kAccepted);
      if (c.tier + 1 >= policy_.complaints.tiers.size()) {
        return Precondition(kWhat, e.complaint, action,
                            StrCat("already at the top tier (",
                                   policy_.complaints.tiers[c.tier].en, ")"));
      }
      ++next.tier;
      RENEWAL_ASSIGN_OR_RETURN(next.due, DueFrom(e.on, policy_.complaints.handle,
                                                 Where(kWhat, e.complaint, "handle deadline")));
      break;
    }
    case ComplaintAction::kConfirm: {
      if (c.state != ComplaintState::kRevisited) return out_of_order(ComplaintState::kRevisited);
      next.state = ComplaintState::kClosed;
      next.closed = e.on;
      break;
    }
  }
  if (!commit) return absl::OkStatus();
  next.step_started = e.on;
  complaints_[*i] = next;
  if (record) {
    record->person = Name(e.person);
    steps_.push_back(*record);
  }
  return absl::OkStatus();
}

// ---------------------------------------------------------------------------
// Appointments

absl::Status Works::Do(const AppointmentMade& e, bool commit) {
  constexpr std::string_view kWhat = "appointment";
  RENEWAL_RETURN_IF_ERROR(CheckNewId(kWhat, e.id, appointment_index_));
  if (!directory_.FindEstate(e.estate)) return Missing(kWhat, e.id, "estate", "estate", e.estate);
  RENEWAL_RETURN_IF_ERROR(Required(kWhat, e.id, "person", e.person));
  const AppointmentLimit& limit = e.role == AppointmentRole::kSupervisor
                                     ? policy_.appointments.supervisors
                                     : policy_.appointments.council;
  std::int32_t active = 0;
  for (const Appointment& a : appointments_) {
    if (a.made.estate == e.estate && a.made.role == e.role && a.made.from <= e.from &&
        !(a.ended && *a.ended <= e.from)) {
      ++active;
    }
  }
  if (active >= limit.max) {
    return Precondition(kWhat, e.id, "estate",
                        StrCat("estate \"", e.estate, "\" has ", active, " ", EnOf(e.role),
                               "s on ", e.from.ToString(), "; policy ", policy_.appointments.name,
                               " allows at most ", limit.max));
  }
  if (!commit) return absl::OkStatus();
  appointment_index_.emplace(e.id, static_cast<std::uint32_t>(appointments_.size()));
  appointments_.push_back({e, std::nullopt});
  return absl::OkStatus();
}

absl::Status Works::Do(const AppointmentEnded& e, bool commit) {
  const auto a = Lookup(appointment_index_, e.id);
  if (!a) return Missing("appointment end", e.id, "id", "appointment", e.id);
  if (appointments_[*a].ended) return Precondition("appointment", e.id, "end", "ended already");
  if (e.on < appointments_[*a].made.from) {
    return Invalid("appointment", e.id, "end.on",
                   StrCat(e.on.ToString(), " is before the appointment began"));
  }
  if (commit) appointments_[*a].ended = e.on;
  return absl::OkStatus();
}

// ---------------------------------------------------------------------------
// Change orders

absl::StatusOr<ChangeOrder> Works::PreviewChangeOrder(const ChangeOrderRaised& e) const {
  constexpr std::string_view kWhat = "change order";
  RENEWAL_RETURN_IF_ERROR(CheckNewId(kWhat, e.id, change_index_));
  const auto p = directory_.FindProject(e.project);
  if (!p) return Missing(kWhat, e.id, "project", "project", e.project);
  const WorksProject& project = directory_.projects()[*p];
  if (projects_[*p].open_change != kNone) {
    return Precondition(kWhat, e.id, "project",
                        StrCat("change order \"", changes_[projects_[*p].open_change].raised.id,
                               "\" of project \"", e.project, "\" is not yet effective"));
  }
  if (projects_[*p].accepted_on) {
    return Precondition(kWhat, e.id, "project", "the project has passed completion acceptance");
  }
  RENEWAL_RETURN_IF_ERROR(Required(kWhat, e.id, "reason", e.reason));
  if (e.edits.empty()) return Invalid(kWhat, e.id, "edits", "at least one edit is needed");
  ChangeOrder order;
  order.raised = e;
  const CostPlan& before = projects_[*p].plan;
  CostPlan after = before;
  for (std::size_t k = 0; k < e.edits.size(); ++k) {
    const ItemEdit& edit = e.edits[k];
    const std::string field = StrCat("edits[", k, "] \"", edit.item.id, "\"");
    auto it = std::find_if(after.items.begin(), after.items.end(),
                           [&](const CostItem& c) { return c.id == edit.item.id; });
    switch (edit.op) {
      case ItemEdit::Op::kAdd:
        if (it != after.items.end()) return Invalid(kWhat, e.id, field, "the item exists already");
        after.items.push_back(edit.item);
        break;
      case ItemEdit::Op::kModify:
        if (it == after.items.end()) return Invalid(kWhat, e.id, field, "no such item in the project");
        *it = edit.item;
        break;
      case ItemEdit::Op::kRemove:
        if (it == after.items.end()) return Invalid(kWhat, e.id, field, "no such item in the project");
        after.items.erase(it);
        break;
    }
  }
  if (absl::Status s = ComputeCosts(after); !s.ok()) {
    return absl::Status(s.code(), StrCat(Where(kWhat, e.id, "edits"), ": ", ToStd(s.message())));
  }
  ChangeImpact& im = order.impact;
  {
    std::vector<Money> costs_before, costs_after;
    for (const CostItem& c : before.items) costs_before.push_back(c.cost);
    for (const CostItem& c : after.items) costs_after.push_back(c.cost);
    RENEWAL_ASSIGN_OR_RETURN(im.cost_before, Sum(costs_before));
    RENEWAL_ASSIGN_OR_RETURN(im.cost_after, Sum(costs_after));
    RENEWAL_ASSIGN_OR_RETURN(im.change, Subtract(im.cost_after, im.cost_before));
  }
  if (im.change != e.stated_change) {
    return Invalid(kWhat, e.id, "stated_change",
                   StrCat("the order says ", e.stated_change.ToYuanString(),
                          " but its edits change the cost by ", im.change.ToYuanString(), " (",
                          im.cost_before.ToYuanString(), " → ", im.cost_after.ToYuanString(), ")"));
  }
  // Major or minor (以上 includes the boundary).
  const ChangePolicy& cp = policy_.changes;
  const Money amount = Abs(im.change);
  if (cp.major_amount && amount >= *cp.major_amount) {
    im.major = true;
    im.reason_zh = StrCat("变更金额", amount.ToYuanString(), "元，达到重大变更标准",
                          cp.major_amount->ToYuanString(), "元");
    im.reason_en = StrCat("the change of ", amount.ToYuanString(), " yuan reaches the major-change amount of ",
                          cp.major_amount->ToYuanString(), " yuan");
  } else if (cp.major_share && project.contract_amount.fen() > 0 &&
             ShareAtLeast(im.change, *cp.major_share, project.contract_amount)) {
    im.major = true;
    im.reason_zh = StrCat("变更金额", amount.ToYuanString(), "元，达到合同价",
                          project.contract_amount.ToYuanString(), "元的",
                          cp.major_share->ToPercentString(), "以上");
    im.reason_en = StrCat("the change of ", amount.ToYuanString(), " yuan is at least ",
                          cp.major_share->ToPercentString(), " of the contract amount of ",
                          project.contract_amount.ToYuanString(), " yuan");
  } else {
    im.reason_zh = StrCat("变更金额", amount.ToYuanString(), "元，未达到重大变更标准，由项目指挥部会同居民现场签证");
    im.reason_en = StrCat("the change of ", amount.ToYuanString(),
                          " yuan is below the major-change thresholds: confirmed on site by the "
                          "project office with the residents");
  }
  if (!project.funding_policy.empty()) {
    RENEWAL_ASSIGN_OR_RETURN(FundingPolicy fp, FundingPreset(project.funding_policy));
    RENEWAL_ASSIGN_OR_RETURN(FundingAllocation a0, Allocate(fp, before));
    RENEWAL_ASSIGN_OR_RETURN(FundingAllocation a1, Allocate(fp, after));
    for (std::size_t s = 0; s < kFundingSourceCount; ++s) {
      im.before[s] = a0.by_source[s];
      im.after[s] = a1.by_source[s];
      RENEWAL_ASSIGN_OR_RETURN(im.difference[s], Subtract(im.after[s], im.before[s]));
    }
  }
  order.plan_after = std::move(after);
  return order;
}

absl::Status Works::Do(const ChangeOrderRaised& e, bool commit) {
  RENEWAL_ASSIGN_OR_RETURN(ChangeOrder order, PreviewChangeOrder(e));
  if (!commit) return absl::OkStatus();
  const std::uint32_t p = *directory_.FindProject(e.project);
  projects_[p].open_change = static_cast<std::uint32_t>(changes_.size());
  change_index_.emplace(e.id, static_cast<std::uint32_t>(changes_.size()));
  changes_.push_back(std::move(order));
  return absl::OkStatus();
}

absl::Status Works::Do(const ChangeOrderSigned& e, bool commit) {
  constexpr std::string_view kWhat = "change order";
  const auto o = Lookup(change_index_, e.order);
  if (!o) return Missing("change order signature", e.order, "order", "change order", e.order);
  const ChangeOrder& order = changes_[*o];
  const std::string field = StrCat("signatures.", KeyOf(e.role));
  if (order.effective) return Precondition(kWhat, e.order, field, "the order is effective already");
  RENEWAL_RETURN_IF_ERROR(Required(kWhat, e.order, StrCat(field, ".person"), e.person));
  if (e.on < order.raised.on) {
    return Invalid(kWhat, e.order, StrCat(field, ".on"),
                   StrCat(e.on.ToString(), " is before the order was raised on ", order.raised.on.ToString()));
  }
  auto signed_by = [&](ChangeRole r) {
    return std::any_of(order.signatures.begin(), order.signatures.end(),
                       [r](const ChangeOrderSigned& s) { return s.role == r; });
  };
  if (signed_by(e.role)) return Precondition(kWhat, e.order, field, "signed already");
  static constexpr ChangeRole kMinor[] = {ChangeRole::kProjectOffice, ChangeRole::kResidents};
  static constexpr ChangeRole kReview[] = {ChangeRole::kConstruction, ChangeRole::kDesign,
                                           ChangeRole::kSupervision, ChangeRole::kContractor,
                                           ChangeRole::kOwnerReps};
  bool complete = false;
  if (!order.impact.major) {
    if (std::find(std::begin(kMinor), std::end(kMinor), e.role) == std::end(kMinor)) {
      return Invalid(kWhat, e.order, field,
                     "a minor change is confirmed on site by the project office and the residents only");
    }
    complete = signed_by(e.role == ChangeRole::kProjectOffice ? ChangeRole::kResidents
                                                              : ChangeRole::kProjectOffice);
  } else if (e.role == ChangeRole::kProjectOffice || e.role == ChangeRole::kResidents) {
    return Invalid(kWhat, e.order, field,
                   "a major change is reviewed jointly, then by the finance bureau, then approved");
  } else if (e.role == ChangeRole::kFinance) {
    std::string missing;
    for (ChangeRole r : kReview) {
      if (!signed_by(r)) missing += StrCat(missing.empty() ? "" : ", ", KeyOf(r));
    }
    if (!missing.empty()) {
      return Precondition(kWhat, e.order, field,
                          StrCat("the joint review is not complete (missing: ", missing, ")"));
    }
  } else if (e.role == ChangeRole::kApproval) {
    if (!signed_by(ChangeRole::kFinance)) {
      return Precondition(kWhat, e.order, field, "the finance bureau's budget review comes first");
    }
    complete = true;
  } else if (signed_by(ChangeRole::kFinance)) {
    return Precondition(kWhat, e.order, field, "the budget review is done; the joint review is closed");
  }
  if (!commit) return absl::OkStatus();
  ChangeOrder& mut = changes_[*o];
  mut.signatures.push_back(e);
  if (complete) {
    mut.effective = true;
    mut.effective_on = e.on;
    const std::uint32_t p = *directory_.FindProject(mut.raised.project);
    projects_[p].plan = mut.plan_after;
    projects_[p].open_change = kNone;
  }
  return absl::OkStatus();
}

// ---------------------------------------------------------------------------
// Inspections, acceptance, warranty, penalties

absl::Status Works::Do(const InspectionRecorded& e, bool commit) {
  constexpr std::string_view kWhat = "inspection";
  RENEWAL_RETURN_IF_ERROR(CheckNewId(kWhat, e.id, inspection_index_));
  const auto p = directory_.FindProject(e.project);
  if (!p) return Missing(kWhat, e.id, "project", "project", e.project);
  RENEWAL_RETURN_IF_ERROR(Required(kWhat, e.id, "item", e.item));
  RENEWAL_RETURN_IF_ERROR(Required(kWhat, e.id, "location", e.location));
  RENEWAL_RETURN_IF_ERROR(Required(kWhat, e.id, "content", e.content));
  RENEWAL_RETURN_IF_ERROR(Required(kWhat, e.id, "inspector", e.inspector));
  if (e.evidence.empty()) {
    return Invalid(kWhat, e.id, "evidence", "a step inspection keeps its photos: at least one reference");
  }
  for (std::size_t k = 0; k < e.evidence.size(); ++k) {
    const std::string& ref = e.evidence[k];
    const std::string field = StrCat("evidence[", k, "]");
    if (absl::Status s = CheckId(ref); !s.ok()) return Invalid(kWhat, e.id, field, ToStd(s.message()));
    if (ref.rfind("sha256:", 0) == 0 && !IsHex64(std::string_view(ref).substr(7))) {
      return Invalid(kWhat, e.id, field, "a sha256: reference needs 64 lowercase hex digits");
    }
  }
  if (!commit) return absl::OkStatus();
  ++projects_[*p].inspections;
  if (!e.passed) ++projects_[*p].inspections_failed;
  inspection_index_.emplace(e.id, static_cast<std::uint32_t>(inspections_.size()));
  inspections_.push_back(e);
  return absl::OkStatus();
}

absl::Status Works::Do(const SatisfactionVoteRecorded& e, bool commit) {
  constexpr std::string_view kWhat = "satisfaction vote";
  const auto p = directory_.FindProject(e.project);
  if (!p) return Missing(kWhat, e.vote, "project", "project", e.project);
  RENEWAL_RETURN_IF_ERROR(Required(kWhat, e.vote, "vote", e.vote));
  if (projects_[*p].accepted_on) {
    return Precondition(kWhat, e.vote, "project", "the project has passed completion acceptance");
  }
  const std::string& rule = policy_.acceptance.satisfaction_rule;
  if (!rule.empty() && e.rule != rule) {
    return Invalid(kWhat, e.vote, "rule",
                   StrCat("policy ", policy_.acceptance.name, " asks for rule \"", rule, "\", got \"",
                          e.rule, "\""));
  }
  if (e.total <= 0 || e.agree < 0 || e.agree > e.total) {
    return Invalid(kWhat, e.vote, "agree",
                   StrCat("need 0 <= agree <= total and total > 0, got ", e.agree, " of ", e.total));
  }
  if (commit) projects_[*p].satisfaction = e;
  return absl::OkStatus();
}

absl::Status Works::Do(const AcceptanceSigned& e, bool commit) {
  constexpr std::string_view kWhat = "acceptance of project";
  const auto p = directory_.FindProject(e.project);
  if (!p) return Missing(kWhat, e.project, "project", "project", e.project);
  const ProjectWorks& pw = projects_[*p];
  const std::string field = StrCat("signatures.", KeyOf(e.party));
  RENEWAL_RETURN_IF_ERROR(Required(kWhat, e.project, StrCat(field, ".person"), e.person));
  if (pw.accepted_on) return Precondition(kWhat, e.project, field, "accepted already");
  if (pw.acceptance[static_cast<std::size_t>(e.party)]) {
    return Precondition(kWhat, e.project, field, "signed already");
  }
  if (pw.open_change != kNone) {
    return Precondition(kWhat, e.project, field,
                        StrCat("change order \"", changes_[pw.open_change].raised.id, "\" is still open"));
  }
  const std::string& rule = policy_.acceptance.satisfaction_rule;
  if (!rule.empty() && !(pw.satisfaction && pw.satisfaction->passed)) {
    return Precondition(kWhat, e.project, field,
                        StrCat("the residents' satisfaction vote under \"", rule, "\" has not passed"));
  }
  if (!commit) return absl::OkStatus();
  ProjectWorks& mut = projects_[*p];
  mut.acceptance[static_cast<std::size_t>(e.party)] = e;
  Date last = e.on;
  for (const auto& s : mut.acceptance) {
    if (!s) return absl::OkStatus();
    last = std::max(last, s->on);
  }
  mut.accepted_on = last;
  return absl::OkStatus();
}

absl::Status Works::Do(const DefectReported& e, bool commit) {
  constexpr std::string_view kWhat = "defect";
  RENEWAL_RETURN_IF_ERROR(CheckNewId(kWhat, e.id, defect_index_));
  const auto p = directory_.FindProject(e.project);
  if (!p) return Missing(kWhat, e.id, "project", "project", e.project);
  const auto& periods = policy_.warranty.periods;
  auto w = std::find_if(periods.begin(), periods.end(),
                        [&](const WarrantyPeriod& x) { return x.item_kind == e.item_kind; });
  if (w == periods.end()) {
    return Invalid(kWhat, e.id, "item_kind",
                   StrCat("\"", e.item_kind, "\" has no warranty period in policy ",
                          policy_.warranty.name));
  }
  const auto& accepted = projects_[*p].accepted_on;
  if (!accepted) {
    return Precondition(kWhat, e.id, "project",
                        "the project has not passed completion acceptance (report it as a complaint)");
  }
  if (e.on < *accepted) {
    return Invalid(kWhat, e.id, "on", StrCat(e.on.ToString(), " is before acceptance on ", accepted->ToString()));
  }
  if (!commit) return absl::OkStatus();
  defect_index_.emplace(e.id, static_cast<std::uint32_t>(defects_.size()));
  defects_.push_back(e);
  defect_in_warranty_.push_back(e.on < works_internal::AddMonths(*accepted, w->months));
  return absl::OkStatus();
}

absl::Status Works::Do(const PenaltyRecorded& e, bool commit) {
  constexpr std::string_view kWhat = "penalty";
  RENEWAL_RETURN_IF_ERROR(CheckNewId(kWhat, e.id, penalty_index_));
  if (!directory_.FindContractor(e.contractor)) {
    return Missing(kWhat, e.id, "contractor", "contractor", e.contractor);
  }
  if (!e.project.empty()) {
    const auto p = directory_.FindProject(e.project);
    if (!p) return Missing(kWhat, e.id, "project", "project", e.project);
    if (directory_.projects()[*p].contractor != e.contractor) {
      return Invalid(kWhat, e.id, "project",
                     StrCat("project \"", e.project, "\" is built by \"",
                            directory_.projects()[*p].contractor, "\""));
    }
  }
  if (e.amount.is_negative()) {
    return Invalid(kWhat, e.id, "amount", StrCat("must be >= 0, got ", e.amount.ToYuanString()));
  }
  RENEWAL_RETURN_IF_ERROR(Required(kWhat, e.id, "reason", e.reason));
  if (!commit) return absl::OkStatus();
  penalty_index_.emplace(e.id, static_cast<std::uint32_t>(penalties_.size()));
  penalties_.push_back(e);
  return absl::OkStatus();
}

}  // namespace renewal
