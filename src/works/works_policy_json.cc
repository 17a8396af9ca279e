// The works policies as JSON: presets by name or the policy spelled out.
#include "renewal/works/works_policy_json.h"

#include "renewal/base/file.h"
#include "renewal/base/json_fields.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/json_write.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

namespace json = boost::json;
using internal::Fields;

// Reads a section: a preset's name (matched against `preset`), or an object read by
// `read`; absent, the preset.
template <class Policy, class Read>
absl::Status Section(Fields& top, std::string_view key, const Policy& preset, Policy* out,
                     Read read) {
  *out = preset;
  const json::value* v = top.Find(key);
  if (v == nullptr) return absl::OkStatus();
  if (v->is_string()) {
    if (v->get_string() != preset.name) {
      return top.Invalid(key, StrCat("unknown preset \"", std::string_view(v->get_string()),
                                     "\" (expected ", preset.name, " or an object)"));
    }
    return absl::OkStatus();
  }
  if (!v->is_object()) {
    return top.Invalid(key, StrCat("expected a preset name or an object, got ", internal::Describe(*v)));
  }
  Fields f = top.Nested(v->get_object(), key);
  *out = Policy{};
  RENEWAL_RETURN_IF_ERROR(f.String("name", true, &out->name));
  RENEWAL_RETURN_IF_ERROR(f.String("source", false, &out->source));
  RENEWAL_RETURN_IF_ERROR(read(f, out));
  return f.NoUnknownFields();
}

absl::Status Deadline(Fields& f, std::string_view key, DeadlineRule* out) {
  const json::object* o = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Object(key, &o));
  if (o == nullptr) return absl::OkStatus();  // the struct's default
  Fields d = f.Nested(*o, key);
  std::optional<std::int64_t> amount;
  RENEWAL_RETURN_IF_ERROR(d.Int("amount", 0, 3650, &amount));
  if (!amount) return d.Invalid("amount", "required");
  out->amount = static_cast<std::int32_t>(*amount);
  RENEWAL_RETURN_IF_ERROR(d.Enum("unit", true, &out->unit));
  std::optional<bool> roll;
  RENEWAL_RETURN_IF_ERROR(d.Bool("roll_to_workday", &roll));
  out->roll_to_workday = roll.value_or(false);
  return d.NoUnknownFields();
}

absl::Status Limit(Fields& f, std::string_view key, AppointmentLimit* out) {
  const json::object* o = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Object(key, &o));
  if (o == nullptr) return absl::OkStatus();
  Fields l = f.Nested(*o, key);
  std::optional<std::int64_t> min, max;
  RENEWAL_RETURN_IF_ERROR(l.Int("min", 0, 1000, &min));
  RENEWAL_RETURN_IF_ERROR(l.Int("max", 0, 1000, &max));
  if (!min) return l.Invalid("min", "required");
  if (!max) return l.Invalid("max", "required");
  out->min = static_cast<std::int32_t>(*min);
  out->max = static_cast<std::int32_t>(*max);
  return l.NoUnknownFields();
}

absl::Status Complaints(Fields& f, ComplaintPolicy* p) {
  RENEWAL_RETURN_IF_ERROR(Deadline(f, "accept", &p->accept));
  RENEWAL_RETURN_IF_ERROR(Deadline(f, "handle", &p->handle));
  RENEWAL_RETURN_IF_ERROR(Deadline(f, "revisit", &p->revisit));
  const json::array* tiers = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Array("tiers", true, &tiers));
  for (std::size_t i = 0; i < tiers->size(); ++i) {
    const std::string field = StrCat("tiers[", i, "]");
    if (!(*tiers)[i].is_object()) return f.Invalid(field, "expected an object");
    Fields t = f.Nested((*tiers)[i].get_object(), field);
    ComplaintTier tier;
    RENEWAL_RETURN_IF_ERROR(t.String("key", true, &tier.key));
    RENEWAL_RETURN_IF_ERROR(t.String("zh", true, &tier.zh));
    RENEWAL_RETURN_IF_ERROR(t.String("en", true, &tier.en));
    RENEWAL_RETURN_IF_ERROR(t.NoUnknownFields());
    p->tiers.push_back(std::move(tier));
  }
  return absl::OkStatus();
}

absl::Status Changes(Fields& f, ChangePolicy* p) {
  Money amount;
  bool present = false;
  RENEWAL_RETURN_IF_ERROR(f.Yuan("major_amount", false, &amount, &present));
  if (present) p->major_amount = amount;
  if (f.Find("major_share") != nullptr) {
    Ratio share;
    RENEWAL_RETURN_IF_ERROR(f.Percent("major_share", &share));
    p->major_share = share;
  }
  return absl::OkStatus();
}

absl::Status Acceptance(Fields& f, AcceptancePolicy* p) {
  return f.String("satisfaction_rule", false, &p->satisfaction_rule);
}

absl::Status Warranty(Fields& f, WarrantyPolicy* p) {
  const json::array* periods = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Array("periods", true, &periods));
  for (std::size_t i = 0; i < periods->size(); ++i) {
    const std::string field = StrCat("periods[", i, "]");
    if (!(*periods)[i].is_object()) return f.Invalid(field, "expected an object");
    Fields w = f.Nested((*periods)[i].get_object(), field);
    WarrantyPeriod period;
    RENEWAL_RETURN_IF_ERROR(w.String("item_kind", true, &period.item_kind));
    std::optional<std::int64_t> months;
    RENEWAL_RETURN_IF_ERROR(w.Int("months", 1, 1200, &months));
    if (!months) return w.Invalid("months", "required");
    period.months = static_cast<std::int32_t>(*months);
    RENEWAL_RETURN_IF_ERROR(w.NoUnknownFields());
    p->periods.push_back(std::move(period));
  }
  std::optional<std::int64_t> revisit;
  RENEWAL_RETURN_IF_ERROR(f.Int("revisit_months", 1, 1200, &revisit));
  if (revisit) p->revisit_months = static_cast<std::int32_t>(*revisit);
  return absl::OkStatus();
}

absl::Status Appointments(Fields& f, AppointmentPolicy* p) {
  RENEWAL_RETURN_IF_ERROR(Limit(f, "supervisors", &p->supervisors));
  return Limit(f, "council", &p->council);
}

// Writing: one object per section.
void Key(std::string& out, std::string_view key) {
  if (out.back() != '{') out += ',';
  internal::AppendJsonString(out, key);
  out += ':';
}
void Str(std::string& out, std::string_view key, std::string_view v) {
  Key(out, key);
  internal::AppendJsonString(out, v);
}
void Deadline(std::string& out, std::string_view key, const DeadlineRule& r) {
  Key(out, key);
  out += StrCat("{\"amount\":", r.amount, ",\"unit\":\"", KeyOf(r.unit), "\"");
  if (r.roll_to_workday) out += ",\"roll_to_workday\":true";
  out += '}';
}

}  // namespace

absl::StatusOr<WorksPolicy> ParseWorksPolicyJson(std::string_view text) {
  absl::StatusOr<json::value> doc = internal::ParseJson(text);
  if (!doc.ok()) {
    return absl::InvalidArgumentError(StrCat("works policy: ", doc.status().message()));
  }
  if (!doc->is_object()) {
    return absl::InvalidArgumentError(
        StrCat("works policy: expected an object, got ", internal::Describe(*doc)));
  }
  Fields top(doc->get_object(), std::string("works policy"));
  WorksPolicy p;
  RENEWAL_RETURN_IF_ERROR(Section(top, "complaints", LiuyangHuitongComplaints(), &p.complaints, Complaints));
  RENEWAL_RETURN_IF_ERROR(Section(top, "changes", HuitongChanges(), &p.changes, Changes));
  RENEWAL_RETURN_IF_ERROR(Section(top, "acceptance", Hebei80Acceptance(), &p.acceptance, Acceptance));
  RENEWAL_RETURN_IF_ERROR(Section(top, "warranty", DefaultWarranty(), &p.warranty, Warranty));
  RENEWAL_RETURN_IF_ERROR(
      Section(top, "appointments", DaoxianSuiningAppointments(), &p.appointments, Appointments));
  std::string_view schema;
  RENEWAL_RETURN_IF_ERROR(top.String("$schema", false, &schema));
  RENEWAL_RETURN_IF_ERROR(top.NoUnknownFields());
  RENEWAL_RETURN_IF_ERROR(ValidateWorksPolicy(p));
  return p;
}

absl::StatusOr<WorksPolicy> LoadWorksPolicyFile(const std::string& path) {
  RENEWAL_ASSIGN_OR_RETURN(std::string text, internal::ReadFileToString(path));
  absl::StatusOr<WorksPolicy> p = ParseWorksPolicyJson(text);
  if (!p.ok()) return absl::Status(p.status().code(), StrCat(path, ": ", p.status().message()));
  return p;
}

absl::StatusOr<WorksPolicy> WorksPolicyFromOption(std::string_view preset_or_file) {
  if (preset_or_file == "default") return DefaultWorksPolicy();
  if (preset_or_file.size() > 5 && preset_or_file.substr(preset_or_file.size() - 5) == ".json") {
    return LoadWorksPolicyFile(std::string(preset_or_file));
  }
  return absl::InvalidArgumentError(StrCat("policy: expected \"default\" or a .json file, got \"",
                                           preset_or_file, "\""));
}

std::string WorksPolicyToJson(const WorksPolicy& p) {
  std::string out = "{";
  Key(out, "complaints");
  out += '{';
  Str(out, "name", p.complaints.name);
  Deadline(out, "accept", p.complaints.accept);
  Deadline(out, "handle", p.complaints.handle);
  Deadline(out, "revisit", p.complaints.revisit);
  Key(out, "tiers");
  out += '[';
  for (std::size_t i = 0; i < p.complaints.tiers.size(); ++i) {
    const ComplaintTier& t = p.complaints.tiers[i];
    out += i ? ",{" : "{";
    Str(out, "key", t.key);
    Str(out, "zh", t.zh);
    Str(out, "en", t.en);
    out += '}';
  }
  out += ']';
  Str(out, "source", p.complaints.source);
  out += '}';

  Key(out, "changes");
  out += '{';
  Str(out, "name", p.changes.name);
  if (p.changes.major_amount) Str(out, "major_amount", p.changes.major_amount->ToYuanString());
  if (p.changes.major_share) {
    std::string pct = p.changes.major_share->ToPercentString();
    if (!pct.empty() && pct.back() == '%') pct.pop_back();
    Str(out, "major_share", pct);
  }
  Str(out, "source", p.changes.source);
  out += '}';

  Key(out, "acceptance");
  out += '{';
  Str(out, "name", p.acceptance.name);
  if (!p.acceptance.satisfaction_rule.empty()) {
    Str(out, "satisfaction_rule", p.acceptance.satisfaction_rule);
  }
  Str(out, "source", p.acceptance.source);
  out += '}';

  Key(out, "warranty");
  out += '{';
  Str(out, "name", p.warranty.name);
  Key(out, "periods");
  out += '[';
  for (std::size_t i = 0; i < p.warranty.periods.size(); ++i) {
    out += i ? ",{" : "{";
    Str(out, "item_kind", p.warranty.periods[i].item_kind);
    out += StrCat(",\"months\":", p.warranty.periods[i].months, "}");
  }
  out += StrCat("],\"revisit_months\":", p.warranty.revisit_months);
  Str(out, "source", p.warranty.source);
  out += '}';

  Key(out, "appointments");
  out += '{';
  Str(out, "name", p.appointments.name);
  out += StrCat(",\"supervisors\":{\"min\":", p.appointments.supervisors.min, ",\"max\":",
                p.appointments.supervisors.max, "},\"council\":{\"min\":", p.appointments.council.min,
                ",\"max\":", p.appointments.council.max, "}");
  Str(out, "source", p.appointments.source);
  out += "}}";
  return out;
}

}  // namespace renewal
