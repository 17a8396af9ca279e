// The works' events as JSON. Cost items inside change orders use the funding area's
// item format (docs/schemas/funding_plan.schema.json) and its reader.
#include "renewal/works/works_json.h"

#include <cstdio>

#include "renewal/base/json_fields.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/json_write.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/funding/funding_json.h"

namespace renewal {
namespace {

namespace json = boost::json;
using internal::Fields;

// ---------------------------------------------------------------------------
// Writing

class Writer {
 public:
  Writer& Str(std::string_view key, std::string_view v, bool skip_empty = false) {
    if (skip_empty && v.empty()) return *this;
    Key(key);
    internal::AppendJsonString(out_, v);
    return *this;
  }
  Writer& Day(std::string_view key, Date d) { return Str(key, d.ToString()); }
  Writer& Bool(std::string_view key, bool v) {
    Key(key);
    out_ += v ? "true" : "false";
    return *this;
  }
  Writer& Int(std::string_view key, std::int64_t v) {
    Key(key);
    out_ += StrCat(v);
    return *this;
  }
  Writer& Raw(std::string_view key, std::string_view raw) {
    Key(key);
    out_ += raw;
    return *this;
  }
  std::string Done() { return out_ + "}"; }

 private:
  void Key(std::string_view key) {
    out_ += out_.size() == 1 ? "" : ",";
    internal::AppendJsonString(out_, key);
    out_ += ":";
  }
  std::string out_ = "{";
};

std::string QuantityText(std::int64_t milli) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%lld.%03lld", static_cast<long long>(milli / 1000),
                static_cast<long long>(milli % 1000));
  return buf;
}

std::string ItemJson(const CostItem& item) {
  Writer w;
  w.Str("id", item.id).Str("name", item.name, true);
  w.Str("category", KeyOf(item.category)).Str("facility", KeyOf(item.facility));
  if (item.lump_sum) {
    w.Str("lump_sum", item.cost.ToYuanString());
  } else {
    w.Str("quantity", QuantityText(item.quantity_milli)).Str("unit_price", item.unit_price.ToYuanString());
  }
  w.Str("asset_owner", KeyOf(item.asset_owner));
  if (item.utility) w.Str("utility", KeyOf(*item.utility));
  w.Str("scope", KeyOf(item.scope)).Str("building", item.building, true).Str("entrance", item.entrance, true);
  if (item.tags != 0) {
    std::string tags = "[";
    for (const auto& l : Labels<CostTag>()) {
      if (!HasTag(item.tags, l.value)) continue;
      if (tags.size() > 1) tags += ",";
      internal::AppendJsonString(tags, l.key);
    }
    w.Raw("tags", tags + "]");
  }
  if (item.elevators != 0) w.Int("elevators", item.elevators);
  return w.Done();
}

std::string Encode(const ComplaintFiled& e) {
  Writer w;
  w.Str("event", "complaint_filed").Str("id", e.id).Str("estate", e.estate);
  w.Str("project", e.project, true).Str("building", e.building, true).Str("dwelling", e.dwelling, true);
  w.Str("channel", KeyOf(e.channel)).Str("category", e.category).Str("text", e.text);
  w.Str("complainant", e.complainant).Str("supervisor", e.supervisor, true).Day("on", e.on);
  return w.Done();
}
std::string Encode(const ComplaintStepDone& e) {
  Writer w;
  w.Str("event", "complaint_step").Str("complaint", e.complaint).Str("action", KeyOf(e.action));
  w.Str("person", e.person).Day("on", e.on).Str("note", e.note, true);
  if (e.action == ComplaintAction::kRevisit) w.Bool("resolved", e.resolved);
  if (e.action == ComplaintAction::kHandle) w.Bool("upheld", e.upheld);
  return w.Done();
}
std::string Encode(const AppointmentMade& e) {
  Writer w;
  w.Str("event", "appointment").Str("id", e.id).Str("estate", e.estate).Str("role", KeyOf(e.role));
  return w.Str("person", e.person).Day("from", e.from).Done();
}
std::string Encode(const AppointmentEnded& e) {
  return Writer().Str("event", "appointment_end").Str("id", e.id).Day("on", e.on).Done();
}
std::string Encode(const ChangeOrderRaised& e) {
  Writer w;
  w.Str("event", "change_order").Str("id", e.id).Str("project", e.project).Day("on", e.on);
  w.Str("reason", e.reason).Str("stated_change", e.stated_change.ToYuanString());
  std::string edits = "[";
  for (const ItemEdit& edit : e.edits) {
    if (edits.size() > 1) edits += ",";
    static constexpr std::string_view kOps[] = {"add", "modify", "remove"};
    Writer ew;
    ew.Str("op", kOps[static_cast<std::size_t>(edit.op)]);
    if (edit.op == ItemEdit::Op::kRemove) {
      ew.Str("item_id", edit.item.id);
    } else {
      ew.Raw("item", ItemJson(edit.item));
    }
    edits += ew.Done();
  }
  return w.Raw("edits", edits + "]").Done();
}
std::string Encode(const ChangeOrderSigned& e) {
  Writer w;
  w.Str("event", "change_signature").Str("order", e.order).Str("role", KeyOf(e.role));
  return w.Str("person", e.person).Day("on", e.on).Done();
}
std::string Encode(const InspectionRecorded& e) {
  Writer w;
  w.Str("event", "inspection").Str("id", e.id).Str("project", e.project).Str("item", e.item);
  w.Str("location", e.location).Str("content", e.content).Bool("passed", e.passed);
  w.Str("conclusion", e.conclusion, true).Str("inspector", e.inspector).Day("on", e.on);
  std::string ev = "[";
  for (const std::string& r : e.evidence) {
    if (ev.size() > 1) ev += ",";
    internal::AppendJsonString(ev, r);
  }
  return w.Raw("evidence", ev + "]").Done();
}
std::string Encode(const SatisfactionVoteRecorded& e) {
  Writer w;
  w.Str("event", "satisfaction_vote").Str("project", e.project).Str("vote", e.vote).Str("rule", e.rule);
  return w.Bool("passed", e.passed).Int("agree", e.agree).Int("total", e.total).Day("on", e.on).Done();
}
std::string Encode(const AcceptanceSigned& e) {
  Writer w;
  w.Str("event", "acceptance_signature").Str("project", e.project).Str("party", KeyOf(e.party));
  return w.Str("person", e.person).Day("on", e.on).Done();
}
std::string Encode(const DefectReported& e) {
  Writer w;
  w.Str("event", "defect").Str("id", e.id).Str("project", e.project).Str("item_kind", e.item_kind);
  return w.Str("text", e.text).Day("on", e.on).Done();
}
std::string Encode(const PenaltyRecorded& e) {
  Writer w;
  w.Str("event", "penalty").Str("id", e.id).Str("contractor", e.contractor).Str("project", e.project, true);
  return w.Str("amount", e.amount.ToYuanString()).Str("reason", e.reason).Day("on", e.on).Done();
}

// ---------------------------------------------------------------------------
// Reading

absl::Status ReadDate(Fields& f, std::string_view key, Date* out) {
  std::string text;
  RENEWAL_RETURN_IF_ERROR(f.String(key, true, &text));
  auto d = Date::Parse(text);
  if (!d.ok()) return f.Invalid(key, ToStd(d.status().message()));
  *out = *d;
  return absl::OkStatus();
}

absl::Status ReadBool(Fields& f, std::string_view key, bool required, bool* out) {
  std::optional<bool> b;
  RENEWAL_RETURN_IF_ERROR(f.Bool(key, &b));
  if (!b && required) return f.Invalid(key, "required field is missing");
  *out = b.value_or(false);
  return absl::OkStatus();
}

absl::StatusOr<CostItem> ReadItem(Fields& f, const json::value& v, std::string_view field) {
  if (!v.is_object()) {
    return f.Invalid(field, StrCat("expected an object, got ", internal::Describe(v)));
  }
  // The funding area's reader, on a plan of this one item.
  json::object plan;
  plan["id"] = "change";
  json::array items;
  items.push_back(v);
  plan["items"] = std::move(items);
  auto parsed = ParseCostPlanJson(json::serialize(plan));
  if (!parsed.ok()) return f.Invalid(field, ToStd(parsed.status().message()));
  return parsed->items[0];
}

absl::StatusOr<WorksEvent> ReadEvent(Fields& f, std::string_view kind) {
  if (kind == "complaint_filed") {
    ComplaintFiled e;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &e.id));
    RENEWAL_RETURN_IF_ERROR(f.String("estate", true, &e.estate));
    RENEWAL_RETURN_IF_ERROR(f.String("project", false, &e.project));
    RENEWAL_RETURN_IF_ERROR(f.String("building", false, &e.building));
    RENEWAL_RETURN_IF_ERROR(f.String("dwelling", false, &e.dwelling));
    RENEWAL_RETURN_IF_ERROR(f.Enum("channel", true, &e.channel));
    RENEWAL_RETURN_IF_ERROR(f.String("category", true, &e.category));
    RENEWAL_RETURN_IF_ERROR(f.String("text", false, &e.text));
    RENEWAL_RETURN_IF_ERROR(f.String("complainant", true, &e.complainant));
    RENEWAL_RETURN_IF_ERROR(f.String("supervisor", false, &e.supervisor));
    RENEWAL_RETURN_IF_ERROR(ReadDate(f, "on", &e.on));
    return e;
  }
  if (kind == "complaint_step") {
    ComplaintStepDone e;
    RENEWAL_RETURN_IF_ERROR(f.String("complaint", true, &e.complaint));
    RENEWAL_RETURN_IF_ERROR(f.Enum("action", true, &e.action));
    RENEWAL_RETURN_IF_ERROR(f.String("person", true, &e.person));
    RENEWAL_RETURN_IF_ERROR(ReadDate(f, "on", &e.on));
    RENEWAL_RETURN_IF_ERROR(f.String("note", false, &e.note));
    RENEWAL_RETURN_IF_ERROR(ReadBool(f, "resolved", e.action == ComplaintAction::kRevisit, &e.resolved));
    RENEWAL_RETURN_IF_ERROR(ReadBool(f, "upheld", false, &e.upheld));
    return e;
  }
  if (kind == "appointment") {
    AppointmentMade e;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &e.id));
    RENEWAL_RETURN_IF_ERROR(f.String("estate", true, &e.estate));
    RENEWAL_RETURN_IF_ERROR(f.Enum("role", true, &e.role));
    RENEWAL_RETURN_IF_ERROR(f.String("person", true, &e.person));
    RENEWAL_RETURN_IF_ERROR(ReadDate(f, "from", &e.from));
    return e;
  }
  if (kind == "appointment_end") {
    AppointmentEnded e;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &e.id));
    RENEWAL_RETURN_IF_ERROR(ReadDate(f, "on", &e.on));
    return e;
  }
  if (kind == "change_order") {
    ChangeOrderRaised e;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &e.id));
    RENEWAL_RETURN_IF_ERROR(f.String("project", true, &e.project));
    RENEWAL_RETURN_IF_ERROR(ReadDate(f, "on", &e.on));
    RENEWAL_RETURN_IF_ERROR(f.String("reason", true, &e.reason));
    RENEWAL_RETURN_IF_ERROR(f.Yuan("stated_change", true, &e.stated_change));
    const json::array* edits = nullptr;
    RENEWAL_RETURN_IF_ERROR(f.Array("edits", true, &edits));
    for (std::size_t k = 0; k < edits->size(); ++k) {
      const std::string field = StrCat("edits[", k, "]");
      const json::value& v = (*edits)[k];
      if (!v.is_object()) return f.Invalid(field, StrCat("expected an object, got ", internal::Describe(v)));
      Fields ef = f.Nested(v.get_object(), field);
      std::string op;
      RENEWAL_RETURN_IF_ERROR(ef.String("op", true, &op));
      ItemEdit edit;
      if (op == "remove") {
        edit.op = ItemEdit::Op::kRemove;
        RENEWAL_RETURN_IF_ERROR(ef.String("item_id", true, &edit.item.id));
      } else if (op == "add" || op == "modify") {
        edit.op = op == "add" ? ItemEdit::Op::kAdd : ItemEdit::Op::kModify;
        const json::value* item = nullptr;
        RENEWAL_RETURN_IF_ERROR(ef.Required("item", &item));
        RENEWAL_ASSIGN_OR_RETURN(edit.item, ReadItem(ef, *item, "item"));
      } else {
        return ef.Invalid("op", StrCat("unknown value \"", op, "\" (expected one of add, modify, remove)"));
      }
      RENEWAL_RETURN_IF_ERROR(ef.NoUnknownFields());
      e.edits.push_back(std::move(edit));
    }
    return e;
  }
  if (kind == "change_signature") {
    ChangeOrderSigned e;
    RENEWAL_RETURN_IF_ERROR(f.String("order", true, &e.order));
    RENEWAL_RETURN_IF_ERROR(f.Enum("role", true, &e.role));
    RENEWAL_RETURN_IF_ERROR(f.String("person", true, &e.person));
    RENEWAL_RETURN_IF_ERROR(ReadDate(f, "on", &e.on));
    return e;
  }
  if (kind == "inspection") {
    InspectionRecorded e;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &e.id));
    RENEWAL_RETURN_IF_ERROR(f.String("project", true, &e.project));
    RENEWAL_RETURN_IF_ERROR(f.String("item", true, &e.item));
    RENEWAL_RETURN_IF_ERROR(f.String("location", true, &e.location));
    RENEWAL_RETURN_IF_ERROR(f.String("content", true, &e.content));
    RENEWAL_RETURN_IF_ERROR(ReadBool(f, "passed", true, &e.passed));
    RENEWAL_RETURN_IF_ERROR(f.String("conclusion", false, &e.conclusion));
    RENEWAL_RETURN_IF_ERROR(f.String("inspector", true, &e.inspector));
    RENEWAL_RETURN_IF_ERROR(ReadDate(f, "on", &e.on));
    const json::array* ev = nullptr;
    RENEWAL_RETURN_IF_ERROR(f.Array("evidence", true, &ev));
    for (std::size_t k = 0; k < ev->size(); ++k) {
      if (!(*ev)[k].is_string()) {
        return f.Invalid(StrCat("evidence[", k, "]"), StrCat("expected a string, got ", internal::Describe((*ev)[k])));
      }
      e.evidence.emplace_back(internal::ToStd((*ev)[k].get_string()));
    }
    return e;
  }
  if (kind == "satisfaction_vote") {
    SatisfactionVoteRecorded e;
    RENEWAL_RETURN_IF_ERROR(f.String("project", true, &e.project));
    RENEWAL_RETURN_IF_ERROR(f.String("vote", true, &e.vote));
    RENEWAL_RETURN_IF_ERROR(f.String("rule", true, &e.rule));
    RENEWAL_RETURN_IF_ERROR(ReadBool(f, "passed", true, &e.passed));
    std::optional<std::int64_t> agree, total;
    RENEWAL_RETURN_IF_ERROR(f.Int("agree", 0, INT64_MAX, &agree));
    RENEWAL_RETURN_IF_ERROR(f.Int("total", 0, INT64_MAX, &total));
    if (!agree) return f.Invalid("agree", "required field is missing");
    if (!total) return f.Invalid("total", "required field is missing");
    e.agree = *agree;
    e.total = *total;
    RENEWAL_RETURN_IF_ERROR(ReadDate(f, "on", &e.on));
    return e;
  }
  if (kind == "acceptance_signature") {
    AcceptanceSigned e;
    RENEWAL_RETURN_IF_ERROR(f.String("project", true, &e.project));
    RENEWAL_RETURN_IF_ERROR(f.Enum("party", true, &e.party));
    RENEWAL_RETURN_IF_ERROR(f.String("person", true, &e.person));
    RENEWAL_RETURN_IF_ERROR(ReadDate(f, "on", &e.on));
    return e;
  }
  if (kind == "defect") {
    DefectReported e;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &e.id));
    RENEWAL_RETURN_IF_ERROR(f.String("project", true, &e.project));
    RENEWAL_RETURN_IF_ERROR(f.String("item_kind", true, &e.item_kind));
    RENEWAL_RETURN_IF_ERROR(f.String("text", false, &e.text));
    RENEWAL_RETURN_IF_ERROR(ReadDate(f, "on", &e.on));
    return e;
  }
  if (kind == "penalty") {
    PenaltyRecorded e;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &e.id));
    RENEWAL_RETURN_IF_ERROR(f.String("contractor", true, &e.contractor));
    RENEWAL_RETURN_IF_ERROR(f.String("project", false, &e.project));
    RENEWAL_RETURN_IF_ERROR(f.Yuan("amount", true, &e.amount));
    RENEWAL_RETURN_IF_ERROR(f.String("reason", true, &e.reason));
    RENEWAL_RETURN_IF_ERROR(ReadDate(f, "on", &e.on));
    return e;
  }
  return f.Invalid("event",
                   StrCat("unknown event \"", kind,
                          "\" (expected one of complaint_filed, complaint_step, appointment, "
                          "appointment_end, change_order, change_signature, inspection, "
                          "satisfaction_vote, acceptance_signature, defect, penalty)"));
}

absl::StatusOr<WorksEvent> ReadEventValue(const json::value& v, std::string path) {
  if (!v.is_object()) {
    return absl::InvalidArgumentError(StrCat(path, ": expected an object, got ", internal::Describe(v)));
  }
  Fields f(v.get_object(), std::move(path));
  std::string kind;
  RENEWAL_RETURN_IF_ERROR(f.String("event", true, &kind));
  RENEWAL_ASSIGN_OR_RETURN(WorksEvent e, ReadEvent(f, kind));
  RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
  return e;
}

}  // namespace

absl::StatusOr<WorksEvent> ParseWorksEventJson(std::string_view text) {
  RENEWAL_ASSIGN_OR_RETURN(json::value doc, internal::ParseJson(text));
  return ReadEventValue(doc, "works event");
}

absl::StatusOr<std::vector<WorksEvent>> ParseWorksEventsJson(std::string_view text) {
  RENEWAL_ASSIGN_OR_RETURN(json::value doc, internal::ParseJson(text));
  if (!doc.is_array()) {
    return absl::InvalidArgumentError(StrCat("works events: expected an array, got ", internal::Describe(doc)));
  }
  std::vector<WorksEvent> out;
  for (std::size_t i = 0; i < doc.get_array().size(); ++i) {
    RENEWAL_ASSIGN_OR_RETURN(WorksEvent e, ReadEventValue(doc.get_array()[i], StrCat("events[", i, "]")));
    out.push_back(std::move(e));
  }
  return out;
}

absl::StatusOr<WorksDirectory> ParseWorksDirectoryJson(std::string_view text) {
  RENEWAL_ASSIGN_OR_RETURN(json::value doc, internal::ParseJson(text));
  if (!doc.is_object()) {
    return absl::InvalidArgumentError(
        StrCat("works directory: expected an object, got ", internal::Describe(doc)));
  }
  Fields top(doc.get_object(), std::string("works directory"));
  WorksDirectory dir;
  const json::array* estates = nullptr;
  RENEWAL_RETURN_IF_ERROR(top.Array("estates", true, &estates));
  for (std::size_t i = 0; i < estates->size(); ++i) {
    RENEWAL_ASSIGN_OR_RETURN(Fields f, Fields::Element((*estates)[i], "estates", i));
    WorksEstate e;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &e.id));
    RENEWAL_RETURN_IF_ERROR(f.String("district", false, &e.district));
    RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
    if (absl::Status s = dir.AddEstate(e); !s.ok()) return f.Error(s.code(), "id", ToStd(s.message()));
  }
  const json::array* contractors = nullptr;
  RENEWAL_RETURN_IF_ERROR(top.Array("contractors", true, &contractors));
  for (std::size_t i = 0; i < contractors->size(); ++i) {
    RENEWAL_ASSIGN_OR_RETURN(Fields f, Fields::Element((*contractors)[i], "contractors", i));
    Contractor c;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &c.id));
    RENEWAL_RETURN_IF_ERROR(f.String("name", false, &c.name));
    RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
    if (absl::Status s = dir.AddContractor(c); !s.ok()) return f.Error(s.code(), "id", ToStd(s.message()));
  }
  const json::array* projects = nullptr;
  RENEWAL_RETURN_IF_ERROR(top.Array("projects", false, &projects));
  for (std::size_t i = 0; projects != nullptr && i < projects->size(); ++i) {
    RENEWAL_ASSIGN_OR_RETURN(Fields f, Fields::Element((*projects)[i], "projects", i));
    WorksProject p;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &p.id));
    RENEWAL_RETURN_IF_ERROR(f.String("estate", true, &p.estate));
    RENEWAL_RETURN_IF_ERROR(f.String("contractor", true, &p.contractor));
    RENEWAL_RETURN_IF_ERROR(f.Yuan("contract_amount", false, &p.contract_amount));
    RENEWAL_RETURN_IF_ERROR(f.String("funding_policy", false, &p.funding_policy));
    const json::array* items = nullptr;
    RENEWAL_RETURN_IF_ERROR(f.Array("items", false, &items));
    for (std::size_t k = 0; items != nullptr && k < items->size(); ++k) {
      RENEWAL_ASSIGN_OR_RETURN(CostItem item, ReadItem(f, (*items)[k], StrCat("items[", k, "]")));
      p.plan.items.push_back(std::move(item));
    }
    RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
    if (absl::Status s = dir.AddProject(std::move(p)); !s.ok()) {
      return absl::Status(s.code(), StrCat(f.path(), ": ", ToStd(s.message())));
    }
  }
  RENEWAL_RETURN_IF_ERROR(top.NoUnknownFields());
  return dir;
}

std::string WorksEventToJson(const WorksEvent& event) {
  return std::visit([](const auto& e) { return Encode(e); }, event);
}

}  // namespace renewal
