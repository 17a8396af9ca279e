// The works of a renovation programme: complaints and disputes with deadlines,
// appointments of supervisors and council members, change orders, inspections,
// completion acceptance, warranty defects and penalties. Every change goes through
// `Apply(event)`, which either applies the whole event or returns an error naming
// the record and field and changes nothing. Durable storage: works_journal.h.
#ifndef RENEWAL_WORKS_WORKS_H_
#define RENEWAL_WORKS_WORKS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/base/string_column.h"
#include "renewal/calendar/calendar.h"
#include "renewal/funding/funding_source.h"
#include "renewal/votes/vote.h"
#include "renewal/works/works_directory.h"
#include "renewal/works/works_events.h"
#include "renewal/works/works_policy.h"

namespace renewal {

/// Where a complaint stands.
enum class ComplaintState : std::uint8_t { kFiled, kAccepted, kHandled, kRevisited, kClosed };
template <>
struct LabelTable<ComplaintState> {
  static constexpr std::array<Label<ComplaintState>, 5> kLabels{{
      {ComplaintState::kFiled, "filed", "待受理", "awaiting acceptance"},
      {ComplaintState::kAccepted, "accepted", "待化解处理", "awaiting handling"},
      {ComplaintState::kHandled, "handled", "待回访核实", "awaiting revisit"},
      {ComplaintState::kRevisited, "revisited", "待反映人签字认可", "awaiting confirmation"},
      {ComplaintState::kClosed, "closed", "已办结", "closed"},
  }};
};

/// The three timed steps.
enum class ComplaintStep : std::uint8_t { kAccept, kHandle, kRevisit };
template <>
struct LabelTable<ComplaintStep> {
  static constexpr std::array<Label<ComplaintStep>, 3> kLabels{{
      {ComplaintStep::kAccept, "accept", "受理", "acceptance"},
      {ComplaintStep::kHandle, "handle", "化解处理", "handling"},
      {ComplaintStep::kRevisit, "revisit", "回访核实", "revisit"},
  }};
};
inline constexpr std::size_t kComplaintStepCount = 3;
inline constexpr std::uint32_t kNone = UINT32_MAX;

/// One complaint (strings live in the Works; read them through Works accessors).
struct Complaint {
  std::uint32_t estate = 0;
  std::uint32_t project = kNone;
  std::uint32_t tier = 0;
  ComplaintChannel channel = ComplaintChannel::kHotline;
  ComplaintState state = ComplaintState::kFiled;
  bool upheld = false;
  std::uint16_t reopened = 0;
  Date filed;
  Date step_started;  // when the step now due began (filing, acceptance, handling, reopening)
  Date due;           // the deadline of the step now due (unused when closed)
  Date closed;
};

/// One timed step as it happened.
struct StepRecord {
  std::uint32_t complaint = 0;
  ComplaintStep step = ComplaintStep::kAccept;
  Date started;
  Date due;
  Date done;
  std::uint32_t person = 0;  // row in the name column
};

/// The money a change order moves, per funding source.
struct ChangeImpact {
  bool major = false;
  Money cost_before;
  Money cost_after;
  Money change;  // after − before
  /// What the project's funding sources pay before and after (all zero when the
  /// project names no funding policy) and the difference, to the fen.
  std::array<Money, kFundingSourceCount> before{};
  std::array<Money, kFundingSourceCount> after{};
  std::array<Money, kFundingSourceCount> difference{};
  std::string reason_zh;  // why the order is minor or major
  std::string reason_en;
};

struct ChangeOrder {
  ChangeOrderRaised raised;
  ChangeImpact impact;
  CostPlan plan_after;
  std::vector<ChangeOrderSigned> signatures;
  bool effective = false;
  Date effective_on;
};

struct Appointment {
  AppointmentMade made;
  std::optional<Date> ended;
};

struct ProjectWorks {
  CostPlan plan;                       // as changed by effective change orders
  std::uint32_t open_change = kNone;   // a change order not yet effective
  std::array<std::optional<AcceptanceSigned>, kAcceptancePartyCount> acceptance{};
  std::optional<SatisfactionVoteRecorded> satisfaction;
  std::optional<Date> accepted_on;     // all parties signed
  std::uint32_t inspections = 0, inspections_failed = 0;
};

/// The record of a satisfaction vote tallied by the votes area: its rule, whether it
/// passed and the heads agreeing out of all heads in scope.
SatisfactionVoteRecorded SatisfactionFromOutcome(std::string project, const VoteOutcome& outcome,
                                                 Date on);

/// The works of one programme.
class Works {
 public:
  /// InvalidArgument when the policy is invalid.
  static absl::StatusOr<Works> Create(WorksDirectory directory, WorkCalendar calendar,
                                      WorksPolicy policy);

  /// Applies one event, or changes nothing and returns why not: NotFound for an
  /// unknown estate, project, contractor, complaint or order; FailedPrecondition for a
  /// step out of order (a revisit before handling); OutOfRange for a deadline outside
  /// the calendar; InvalidArgument for a bad field (amounts that do not add up).
  /// Messages name the record and the field.
  absl::Status Apply(const WorksEvent& event);
  /// As Apply, but only checks (the journal checks before it writes).
  absl::Status Check(const WorksEvent& event) const;

  const WorksDirectory& directory() const { return directory_; }
  const WorkCalendar& calendar() const { return calendar_; }
  const WorksPolicy& policy() const { return policy_; }

  // Complaints.
  std::size_t complaint_count() const { return complaints_.size(); }
  const Complaint& complaint(std::size_t i) const { return complaints_[i]; }
  std::optional<std::uint32_t> FindComplaint(std::string_view id) const;
  std::string_view complaint_id(std::size_t i) const { return ids_[i]; }
  std::string_view complaint_category(std::size_t i) const { return categories_[i]; }
  std::string_view complaint_text(std::size_t i) const { return texts_[i]; }
  std::string_view complainant(std::size_t i) const { return complainants_[i]; }
  const std::vector<StepRecord>& step_log() const { return steps_; }
  std::string_view name(std::uint32_t row) const { return names_[row]; }
  /// The contractor index of a complaint (kNone when it names no project).
  std::uint32_t complaint_contractor(std::size_t i) const;
  /// Reserves room for `n` complaints (bulk loads).
  void ReserveComplaints(std::size_t n);

  // Appointments, change orders, projects, defects, penalties.
  const std::vector<Appointment>& appointments() const { return appointments_; }
  const std::vector<ChangeOrder>& change_orders() const { return changes_; }
  const ProjectWorks& project(std::uint32_t p) const { return projects_[p]; }
  const std::vector<InspectionRecorded>& inspections() const { return inspections_; }
  std::optional<std::uint32_t> FindInspection(std::string_view id) const;
  const std::vector<DefectReported>& defects() const { return defects_; }
  /// Whether defect i was reported within its item's warranty.
  bool defect_in_warranty(std::size_t i) const { return defect_in_warranty_[i]; }
  const std::vector<PenaltyRecorded>& penalties() const { return penalties_; }

  /// The impact a change order would have, without recording it.
  absl::StatusOr<ChangeOrder> PreviewChangeOrder(const ChangeOrderRaised& order) const;

 private:
  Works(WorksDirectory directory, WorkCalendar calendar, WorksPolicy policy);
  absl::Status Do(const WorksEvent& event, bool commit);
  absl::Status Do(const ComplaintFiled& e, bool commit);
  absl::Status Do(const ComplaintStepDone& e, bool commit);
  absl::Status Do(const AppointmentMade& e, bool commit);
  absl::Status Do(const AppointmentEnded& e, bool commit);
  absl::Status Do(const ChangeOrderRaised& e, bool commit);
  absl::Status Do(const ChangeOrderSigned& e, bool commit);
  absl::Status Do(const InspectionRecorded& e, bool commit);
  absl::Status Do(const SatisfactionVoteRecorded& e, bool commit);
  absl::Status Do(const AcceptanceSigned& e, bool commit);
  absl::Status Do(const DefectReported& e, bool commit);
  absl::Status Do(const PenaltyRecorded& e, bool commit);
  std::uint32_t Name(std::string_view s);
  absl::StatusOr<Date> DueFrom(Date start, const DeadlineRule& rule, std::string_view what) const;

  WorksDirectory directory_;
  WorkCalendar calendar_;
  WorksPolicy policy_;

  std::vector<Complaint> complaints_;
  StringColumn ids_, categories_, texts_, complainants_, names_;
  std::unordered_map<std::string, std::uint32_t> complaint_index_;
  std::vector<StepRecord> steps_;

  std::vector<Appointment> appointments_;
  std::unordered_map<std::string, std::uint32_t> appointment_index_;
  std::vector<ChangeOrder> changes_;
  std::unordered_map<std::string, std::uint32_t> change_index_;
  std::vector<ProjectWorks> projects_;
  std::vector<InspectionRecorded> inspections_;
  std::unordered_map<std::string, std::uint32_t> inspection_index_;
  std::vector<DefectReported> defects_;
  std::vector<bool> defect_in_warranty_;
  std::unordered_map<std::string, std::uint32_t> defect_index_;
  std::vector<PenaltyRecorded> penalties_;
  std::unordered_map<std::string, std::uint32_t> penalty_index_;
};

}  // namespace renewal

#endif  // RENEWAL_WORKS_WORKS_H_
