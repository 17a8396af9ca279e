// What the works report: open and overdue complaints, on-time rates and average
// time per step by district or contractor, the public list with names masked,
// warranty revisits due, appointment gaps and the contractors' credit records.
#ifndef RENEWAL_WORKS_WORKS_REPORT_H_
#define RENEWAL_WORKS_WORKS_REPORT_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/calendar/date.h"
#include "renewal/works/works.h"

namespace renewal {

/// A complaint not yet closed, as of a date.
struct OpenCase {
  std::uint32_t complaint = 0;
  ComplaintState state = ComplaintState::kFiled;
  std::uint32_t tier = 0;
  /// The step now due and its deadline; a case awaiting the complainant's
  /// confirmation has no deadline (`has_deadline` false) and is never overdue.
  bool has_deadline = true;
  ComplaintStep step = ComplaintStep::kAccept;
  Date due;
  /// Calendar days past the deadline as of the date (0: not overdue).
  std::int32_t days_overdue = 0;
  /// Where the case stands, each wholly in its language.
  std::string reason_zh;  // "待化解处理，期限2025-02-10，已逾期3天"
  std::string reason_en;  // "awaiting handling, due 2025-02-10, 3 days overdue"
};

/// The open cases as of `as_of` (overdue ones only when `overdue_only`), in filing order.
/// A step is overdue when `as_of` is after its deadline.
std::vector<OpenCase> OpenCases(const Works& works, Date as_of, bool overdue_only);

enum class WorksGrouping : std::uint8_t { kDistrict, kContractor };

/// Timeliness of one step in one group.
struct StepStats {
  std::uint32_t done = 0;
  std::uint32_t on_time = 0;          // done on or before the deadline
  std::uint32_t overdue_pending = 0;  // not done, deadline passed as of the date
  std::int64_t total_days = 0;        // calendar days from start to done, summed
  /// on_time / (done + overdue_pending); 1 when there is nothing to count.
  double on_time_rate() const;
  /// total_days / done; 0 when none was done.
  double average_days() const;
};

struct GroupStats {
  std::string key;   // district ID or contractor ID ("" for complaints without a project)
  std::uint32_t complaints = 0;
  std::uint32_t open = 0;
  std::array<StepStats, kComplaintStepCount> steps{};  // by ComplaintStep
};

/// Per district (directory order) or per contractor (directory order, then "" for
/// complaints that name no project), as of `as_of`.
std::vector<GroupStats> StepStatsBy(const Works& works, WorksGrouping grouping, Date as_of);

/// A name for the public: its first character kept, every other character "*"
/// ("张三丰" → "张**", "Li" → "L*"); empty stays empty.
std::string MaskName(std::string_view name);

struct PublicComplaint {
  std::string id;
  std::string estate;
  ComplaintChannel channel = ComplaintChannel::kHotline;
  std::string category;
  ComplaintState state = ComplaintState::kFiled;
  Date filed;
  std::string complainant;  // masked
};
/// Every complaint for publication (names masked, no text, no phone), in filing order.
std::vector<PublicComplaint> PublicComplaintList(const Works& works);

/// A warranty revisit due: every `revisit_months` from acceptance while the longest
/// warranty of the policy runs.
struct WarrantyRevisit {
  std::string project;
  Date due;
};
/// The revisits due in [from, to], by date then project.
std::vector<WarrantyRevisit> WarrantyRevisitsDue(const Works& works, Date from, Date to);

/// An estate with works projects whose appointments fall short of the policy.
struct AppointmentGap {
  std::string estate;
  AppointmentRole role = AppointmentRole::kSupervisor;
  std::int32_t have = 0;
  std::int32_t need = 0;
};
/// Estates that have a project and fewer active appointments than the policy's minimum.
std::vector<AppointmentGap> AppointmentGaps(const Works& works, Date as_of);

/// A contractor's credit record (seed 001): what went wrong on its projects.
struct ContractorRecord {
  std::string contractor;
  std::string name;
  std::uint32_t projects = 0;
  std::uint32_t projects_accepted = 0;
  std::uint32_t inspections = 0;
  std::uint32_t inspections_failed = 0;
  std::uint32_t complaints = 0;
  std::uint32_t complaints_upheld = 0;
  std::uint32_t defects_in_warranty = 0;
  std::uint32_t penalties = 0;
  Money penalty_total;
};
/// One record per contractor, directory order; OutOfRange if penalties overflow.
absl::StatusOr<std::vector<ContractorRecord>> ContractorRecords(const Works& works);

}  // namespace renewal

#endif  // RENEWAL_WORKS_WORKS_REPORT_H_
