// The events of the works, one struct each: what a street office, a contractor or a
// supervisor records while an estate is renovated. They are the journal's records
// (works_journal.h, JSON per docs/schemas/works-event.schema.json) and the arguments
// of Works::Apply.
#ifndef RENEWAL_WORKS_WORKS_EVENTS_H_
#define RENEWAL_WORKS_WORKS_EVENTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "renewal/base/labels.h"
#include "renewal/base/money.h"
#include "renewal/calendar/date.h"
#include "renewal/funding/cost.h"

namespace renewal {

/// Where a complaint came in (seed 000, seed 001).
enum class ComplaintChannel : std::uint8_t {
  kHotline, kSnapshot, kWechatGroup, kNoticeBoard, kSupervisor, kVisit
};
template <>
struct LabelTable<ComplaintChannel> {
  static constexpr std::array<Label<ComplaintChannel>, 6> kLabels{{
      {ComplaintChannel::kHotline, "hotline", "热线电话", "hotline"},
      {ComplaintChannel::kSnapshot, "snapshot", "随手拍", "photo report"},
      {ComplaintChannel::kWechatGroup, "wechat_group", "微信群", "WeChat group"},
      {ComplaintChannel::kNoticeBoard, "notice_board", "公示牌", "notice board"},
      {ComplaintChannel::kSupervisor, "supervisor", "义务监督员", "volunteer supervisor"},
      {ComplaintChannel::kVisit, "visit", "来访", "visit"},
  }};
};

/// The roles of appointments per estate.
enum class AppointmentRole : std::uint8_t { kSupervisor, kCouncilMember };
template <>
struct LabelTable<AppointmentRole> {
  static constexpr std::array<Label<AppointmentRole>, 2> kLabels{{
      {AppointmentRole::kSupervisor, "supervisor", "特邀义务监督员", "volunteer supervisor"},
      {AppointmentRole::kCouncilMember, "council_member", "居民理事会成员", "residents' council member"},
  }};
};

/// Who signs a change order (Huitong, seed 000).
enum class ChangeRole : std::uint8_t {
  kProjectOffice, kResidents, kConstruction, kDesign, kSupervision, kContractor, kOwnerReps,
  kFinance, kApproval
};
template <>
struct LabelTable<ChangeRole> {
  static constexpr std::array<Label<ChangeRole>, 9> kLabels{{
      {ChangeRole::kProjectOffice, "project_office", "项目指挥部", "project office"},
      {ChangeRole::kResidents, "residents", "居民", "residents"},
      {ChangeRole::kConstruction, "construction", "建设单位", "client"},
      {ChangeRole::kDesign, "design", "设计单位", "designer"},
      {ChangeRole::kSupervision, "supervision", "监理单位", "site supervisor"},
      {ChangeRole::kContractor, "contractor", "施工单位", "contractor"},
      {ChangeRole::kOwnerReps, "owner_reps", "业主代表", "owner representatives"},
      {ChangeRole::kFinance, "finance", "财政预算评审", "finance bureau budget review"},
      {ChangeRole::kApproval, "approval", "政府审批", "government approval"},
  }};
};

/// Who signs the joint completion acceptance form (seed 000, seed 002).
enum class AcceptanceParty : std::uint8_t {
  kConstruction, kDesign, kSupervision, kContractor, kOwnerReps, kStreetOffice
};
template <>
struct LabelTable<AcceptanceParty> {
  static constexpr std::array<Label<AcceptanceParty>, 6> kLabels{{
      {AcceptanceParty::kConstruction, "construction", "建设单位", "client"},
      {AcceptanceParty::kDesign, "design", "设计单位", "designer"},
      {AcceptanceParty::kSupervision, "supervision", "监理单位", "site supervisor"},
      {AcceptanceParty::kContractor, "contractor", "施工单位", "contractor"},
      {AcceptanceParty::kOwnerReps, "owner_reps", "业主代表", "owner representatives"},
      {AcceptanceParty::kStreetOffice, "street_office", "街道办事处", "street office"},
  }};
};
inline constexpr std::size_t kAcceptancePartyCount = 6;

/// A complaint is filed (date of acceptance counts from here).
struct ComplaintFiled {
  std::string id;
  std::string estate;
  std::string project;   // optional: the works it is about (gives the contractor)
  std::string building;  // optional
  std::string dwelling;  // optional
  ComplaintChannel channel = ComplaintChannel::kHotline;
  std::string category;  // "quality", "noise", … as the city classifies them
  std::string text;
  std::string complainant;
  std::string supervisor;  // the appointment ID when filed by a volunteer supervisor
  Date on;
};

/// The steps after filing. Accept, handle and revisit name the person doing them.
enum class ComplaintAction : std::uint8_t { kAccept, kHandle, kRevisit, kEscalate, kConfirm };
template <>
struct LabelTable<ComplaintAction> {
  static constexpr std::array<Label<ComplaintAction>, 5> kLabels{{
      {ComplaintAction::kAccept, "accept", "受理", "accept"},
      {ComplaintAction::kHandle, "handle", "化解处理", "handle"},
      {ComplaintAction::kRevisit, "revisit", "回访核实", "revisit"},
      {ComplaintAction::kEscalate, "escalate", "上提一级", "escalate"},
      {ComplaintAction::kConfirm, "confirm", "反映人签字认可", "complainant confirms"},
  }};
};

struct ComplaintStepDone {
  std::string complaint;
  ComplaintAction action = ComplaintAction::kAccept;
  std::string person;
  Date on;
  std::string note;       // the handling result, the revisit's finding, the reason to escalate
  bool resolved = false;  // revisit: the problem is solved
  bool upheld = false;    // handle: the complaint was justified (counts on the contractor)
};

struct AppointmentMade {
  std::string id;
  std::string estate;
  AppointmentRole role = AppointmentRole::kSupervisor;
  std::string person;
  Date from;
};

struct AppointmentEnded {
  std::string id;
  Date on;
};

/// One edit of a project's cost items.
struct ItemEdit {
  enum class Op : std::uint8_t { kAdd, kModify, kRemove };
  Op op = Op::kModify;
  /// The item as it is to be (for add and modify: its ID names the item; for
  /// remove only the ID is read).
  CostItem item;
};

struct ChangeOrderRaised {
  std::string id;
  std::string project;
  Date on;
  std::string reason;
  std::vector<ItemEdit> edits;
  /// What the order says the cost changes by (negative: a saving); must equal what
  /// the edits add up to, to the fen.
  Money stated_change;
};

struct ChangeOrderSigned {
  std::string order;
  ChangeRole role = ChangeRole::kProjectOffice;
  std::string person;
  Date on;
};

/// A step inspection (举牌验收) of a key step or concealed work (seed 001, Beijing).
struct InspectionRecorded {
  std::string id;
  std::string project;
  std::string item;      // 分项工程名称
  std::string location;  // 验收部位
  std::string content;   // 验收内容
  bool passed = false;   // 验收结论
  std::string conclusion;
  std::string inspector;
  Date on;
  std::vector<std::string> evidence;  // photo IDs or "sha256:<64 hex>"
};

/// The residents' satisfaction vote before completion acceptance, as tallied by
/// the votes area.
struct SatisfactionVoteRecorded {
  std::string project;
  std::string vote;   // the vote's ID
  std::string rule;   // the rule it was tallied under ("hebei_80_acceptance")
  bool passed = false;
  std::int64_t agree = 0;
  std::int64_t total = 0;
  Date on;
};

struct AcceptanceSigned {
  std::string project;
  AcceptanceParty party = AcceptanceParty::kConstruction;
  std::string person;
  Date on;
};

/// A defect reported after completion acceptance.
struct DefectReported {
  std::string id;
  std::string project;
  std::string item_kind;  // a kind of the warranty policy
  std::string text;
  Date on;
};

/// A penalty on a contractor (credit record, seed 001).
struct PenaltyRecorded {
  std::string id;
  std::string contractor;
  std::string project;  // optional
  Money amount;
  std::string reason;
  Date on;
};

using WorksEvent =
    std::variant<ComplaintFiled, ComplaintStepDone, AppointmentMade, AppointmentEnded,
                 ChangeOrderRaised, ChangeOrderSigned, InspectionRecorded,
                 SatisfactionVoteRecorded, AcceptanceSigned, DefectReported, PenaltyRecorded>;

}  // namespace renewal

#endif  // RENEWAL_WORKS_WORKS_EVENTS_H_
