// The works' reports, computed from the state in one pass each.
#include "renewal/works/works_report.h"

#include <algorithm>

#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "works_internal.h"

namespace renewal {
namespace {

ComplaintStep StepDue(ComplaintState s) {
  switch (s) {
    case ComplaintState::kFiled: return ComplaintStep::kAccept;
    case ComplaintState::kHandled: return ComplaintStep::kRevisit;
    default: return ComplaintStep::kHandle;
  }
}

bool HasDeadline(ComplaintState s) {
  return s == ComplaintState::kFiled || s == ComplaintState::kAccepted ||
         s == ComplaintState::kHandled;
}

}  // namespace

double StepStats::on_time_rate() const {
  const std::uint32_t counted = done + overdue_pending;
  return counted == 0 ? 1.0 : static_cast<double>(on_time) / counted;
}

double StepStats::average_days() const {
  return done == 0 ? 0.0 : static_cast<double>(total_days) / done;
}

std::vector<OpenCase> OpenCases(const Works& works, Date as_of, bool overdue_only) {
  std::vector<OpenCase> out;
  for (std::size_t i = 0; i < works.complaint_count(); ++i) {
    const Complaint& c = works.complaint(i);
    if (c.state == ComplaintState::kClosed || as_of < c.filed) continue;
    OpenCase oc;
    oc.complaint = static_cast<std::uint32_t>(i);
    oc.state = c.state;
    oc.tier = c.tier;
    oc.has_deadline = HasDeadline(c.state);
    oc.step = StepDue(c.state);
    oc.due = c.due;
    oc.days_overdue = oc.has_deadline && as_of > c.due ? as_of.DaysSince(c.due) : 0;
    if (overdue_only && oc.days_overdue == 0) continue;
    if (!oc.has_deadline) {
      oc.reason_zh = StrCat(ZhOf(c.state), "，无期限");
      oc.reason_en = StrCat(EnOf(c.state), ", no deadline");
    } else if (oc.days_overdue > 0) {
      oc.reason_zh = StrCat(ZhOf(c.state), "，期限", c.due.ToString(), "，已逾期", oc.days_overdue, "天");
      oc.reason_en = StrCat(EnOf(c.state), ", due ", c.due.ToString(), ", ", oc.days_overdue,
                            oc.days_overdue == 1 ? " day" : " days", " overdue");
    } else {
      oc.reason_zh = StrCat(ZhOf(c.state), "，期限", c.due.ToString());
      oc.reason_en = StrCat(EnOf(c.state), ", due ", c.due.ToString());
    }
    out.push_back(std::move(oc));
  }
  return out;
}

std::vector<GroupStats> StepStatsBy(const Works& works, WorksGrouping grouping, Date as_of) {
  const WorksDirectory& dir = works.directory();
  std::vector<GroupStats> groups;
  if (grouping == WorksGrouping::kDistrict) {
    for (const std::string& d : dir.districts()) groups.push_back({d});
  } else {
    for (const Contractor& c : dir.contractors()) groups.push_back({c.id});
    groups.push_back({""});
  }
  // The group of each complaint, computed once.
  std::vector<std::uint32_t> group_of(works.complaint_count());
  const std::uint32_t no_project = static_cast<std::uint32_t>(groups.size() - 1);
  for (std::size_t i = 0; i < works.complaint_count(); ++i) {
    const Complaint& c = works.complaint(i);
    std::uint32_t g;
    if (grouping == WorksGrouping::kDistrict) {
      g = dir.estate_district(c.estate);
    } else {
      const std::uint32_t k = works.complaint_contractor(i);
      g = k == kNone ? no_project : k;
    }
    group_of[i] = g;
    GroupStats& gs = groups[g];
    ++gs.complaints;
    if (c.state != ComplaintState::kClosed) {
      ++gs.open;
      if (HasDeadline(c.state) && as_of > c.due) {
        ++gs.steps[static_cast<std::size_t>(StepDue(c.state))].overdue_pending;
      }
    }
  }
  for (const StepRecord& r : works.step_log()) {
    if (as_of < r.done) continue;
    StepStats& s = groups[group_of[r.complaint]].steps[static_cast<std::size_t>(r.step)];
    ++s.done;
    if (r.done <= r.due) ++s.on_time;
    s.total_days += r.done.DaysSince(r.started);
  }
  if (grouping == WorksGrouping::kContractor && groups.back().complaints == 0) groups.pop_back();
  return groups;
}

std::string MaskName(std::string_view name) {
  std::string out;
  std::size_t i = 0;
  bool first = true;
  while (i < name.size()) {
    // One UTF-8 character: a lead byte and its continuation bytes.
    std::size_t n = 1;
    while (i + n < name.size() && (static_cast<unsigned char>(name[i + n]) & 0xC0) == 0x80) ++n;
    if (first) {
      out.append(name.substr(i, n));
      first = false;
    } else {
      out += '*';
    }
    i += n;
  }
  return out;
}

std::vector<PublicComplaint> PublicComplaintList(const Works& works) {
  std::vector<PublicComplaint> out;
  out.reserve(works.complaint_count());
  for (std::size_t i = 0; i < works.complaint_count(); ++i) {
    const Complaint& c = works.complaint(i);
    out.push_back({std::string(works.complaint_id(i)), works.directory().estates()[c.estate].id,
                   c.channel, std::string(works.complaint_category(i)), c.state, c.filed,
                   MaskName(works.complainant(i))});
  }
  return out;
}

std::vector<WarrantyRevisit> WarrantyRevisitsDue(const Works& works, Date from, Date to) {
  std::int32_t longest = 0;
  for (const WarrantyPeriod& w : works.policy().warranty.periods) longest = std::max(longest, w.months);
  const std::int32_t step = works.policy().warranty.revisit_months;
  std::vector<WarrantyRevisit> out;
  for (std::size_t p = 0; p < works.directory().projects().size(); ++p) {
    const auto& accepted = works.project(static_cast<std::uint32_t>(p)).accepted_on;
    if (!accepted) continue;
    for (std::int32_t m = step; m <= longest; m += step) {
      const Date due = works_internal::AddMonths(*accepted, m);
      if (due > to) break;
      if (due >= from) out.push_back({works.directory().projects()[p].id, due});
    }
  }
  std::sort(out.begin(), out.end(), [](const WarrantyRevisit& a, const WarrantyRevisit& b) {
    return a.due != b.due ? a.due < b.due : a.project < b.project;
  });
  return out;
}

std::vector<AppointmentGap> AppointmentGaps(const Works& works, Date as_of) {
  const WorksDirectory& dir = works.directory();
  std::vector<std::array<std::int32_t, 2>> have(dir.estates().size(), {0, 0});
  std::vector<bool> has_project(dir.estates().size(), false);
  for (const WorksProject& p : dir.projects()) has_project[*dir.FindEstate(p.estate)] = true;
  for (const Appointment& a : works.appointments()) {
    if (a.made.from <= as_of && !(a.ended && *a.ended <= as_of)) {
      ++have[*dir.FindEstate(a.made.estate)][static_cast<std::size_t>(a.made.role)];
    }
  }
  const AppointmentPolicy& pol = works.policy().appointments;
  std::vector<AppointmentGap> out;
  for (std::size_t e = 0; e < dir.estates().size(); ++e) {
    if (!has_project[e]) continue;
    if (have[e][0] < pol.supervisors.min) {
      out.push_back({dir.estates()[e].id, AppointmentRole::kSupervisor, have[e][0], pol.supervisors.min});
    }
    if (have[e][1] < pol.council.min) {
      out.push_back({dir.estates()[e].id, AppointmentRole::kCouncilMember, have[e][1], pol.council.min});
    }
  }
  return out;
}

absl::StatusOr<std::vector<ContractorRecord>> ContractorRecords(const Works& works) {
  const WorksDirectory& dir = works.directory();
  std::vector<ContractorRecord> out;
  for (const Contractor& c : dir.contractors()) {
    ContractorRecord r;
    r.contractor = c.id;
    r.name = c.name;
    out.push_back(std::move(r));
  }
  for (std::size_t p = 0; p < dir.projects().size(); ++p) {
    ContractorRecord& r = out[*dir.FindContractor(dir.projects()[p].contractor)];
    const ProjectWorks& pw = works.project(static_cast<std::uint32_t>(p));
    ++r.projects;
    if (pw.accepted_on) ++r.projects_accepted;
    r.inspections += pw.inspections;
    r.inspections_failed += pw.inspections_failed;
  }
  for (std::size_t i = 0; i < works.complaint_count(); ++i) {
    const std::uint32_t k = works.complaint_contractor(i);
    if (k == kNone) continue;
    ++out[k].complaints;
    if (works.complaint(i).upheld) ++out[k].complaints_upheld;
  }
  for (std::size_t d = 0; d < works.defects().size(); ++d) {
    if (!works.defect_in_warranty(d)) continue;
    const auto p = dir.FindProject(works.defects()[d].project);
    ++out[*dir.FindContractor(dir.projects()[*p].contractor)].defects_in_warranty;
  }
  for (const PenaltyRecorded& pen : works.penalties()) {
    ContractorRecord& r = out[*dir.FindContractor(pen.contractor)];
    ++r.penalties;
    RENEWAL_ASSIGN_OR_RETURN(r.penalty_total, Add(r.penalty_total, pen.amount));
  }
  return out;
}

}  // namespace renewal
