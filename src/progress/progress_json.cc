// Events to and from JSON (docs/schemas/progress-event.schema.json).
#include "renewal/progress/progress_json.h"

#include <limits>

#include "renewal/base/json_fields.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/json_write.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

namespace json = boost::json;
using internal::Fields;

constexpr std::int64_t kMaxCount = std::numeric_limits<std::int64_t>::max() / 4;

std::string Hundredths(std::int64_t centi) { return Money::Fen(centi).ToYuanString(); }

void Key(std::string& out, std::string_view k) {
  if (out.back() != '{') out += ',';
  internal::AppendJsonString(out, k);
  out += ':';
}
void Str(std::string& out, std::string_view k, std::string_view v) {
  Key(out, k);
  internal::AppendJsonString(out, v);
}
void Int(std::string& out, std::string_view k, std::int64_t v) {
  Key(out, k);
  out += std::to_string(v);
}
void Strings(std::string& out, std::string_view k, const std::vector<std::string>& v) {
  Key(out, k);
  out += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += ',';
    internal::AppendJsonString(out, v[i]);
  }
  out += ']';
}

// A non-negative quantity in hundredths written "1234.56" (or an integer).
absl::Status ReadHundredths(Fields& f, std::string_view key, std::string_view unit,
                            std::int64_t* out) {
  const json::value* v = f.Find(key);
  if (v == nullptr) return absl::OkStatus();
  absl::StatusOr<Money> m = absl::InvalidArgumentError("");
  if (v->is_string()) {
    m = Money::Parse(internal::ToStd(v->get_string()));
  } else if (v->is_int64()) {
    m = Money::Yuan(v->get_int64());
  }
  if (!m.ok()) {
    return f.Invalid(key, StrCat("expected ", unit, " as a string like \"1234.56\" or an integer, got ",
                                 internal::Describe(*v)));
  }
  if (m->is_negative()) return f.Invalid(key, StrCat("must be >= 0, got ", m->ToYuanString()));
  *out = m->fen();
  return absl::OkStatus();
}

absl::Status Count(Fields& f, std::string_view key, std::int64_t* out) {
  std::optional<std::int64_t> v;
  RENEWAL_RETURN_IF_ERROR(f.Int(key, 0, kMaxCount, &v));
  if (v) *out = *v;
  return absl::OkStatus();
}

absl::Status ReadInfo(Fields& f, Event* e) {
  ProjectInfo& i = e->info;
  i.id = e->project;
  RENEWAL_RETURN_IF_ERROR(f.String("name", false, &i.name));
  const json::array* estates = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Array("estates", true, &estates));
  for (std::size_t k = 0; k < estates->size(); ++k) {
    RENEWAL_ASSIGN_OR_RETURN(Fields ef, Fields::Element((*estates)[k], StrCat(f.path(), " estates"), k));
    PlannedEstate est;
    RENEWAL_RETURN_IF_ERROR(ef.String("id", true, &est.id));
    std::optional<std::int64_t> h;
    RENEWAL_RETURN_IF_ERROR(ef.Int("households", 0, kMaxCount, &h));
    if (!h) return ef.Invalid("households", "required field is missing");
    est.households = *h;
    RENEWAL_RETURN_IF_ERROR(ef.NoUnknownFields());
    i.estates.push_back(std::move(est));
  }
  const json::object* plan = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Object("plan", &plan));
  if (plan != nullptr) {
    Fields pf = f.Nested(*plan, "plan");
    std::optional<std::int64_t> year, batch;
    RENEWAL_RETURN_IF_ERROR(pf.Int("year", 1990, 2100, &year));
    RENEWAL_RETURN_IF_ERROR(pf.Int("batch", 1, 99, &batch));
    if (!year) return pf.Invalid("year", "required field is missing");
    i.plan_year = static_cast<int>(*year);
    i.plan_batch = batch ? static_cast<int>(*batch) : 1;
    RENEWAL_RETURN_IF_ERROR(pf.NoUnknownFields());
  }
  RENEWAL_RETURN_IF_ERROR(f.String("province", true, &i.province));
  RENEWAL_RETURN_IF_ERROR(f.String("city", true, &i.city));
  RENEWAL_RETURN_IF_ERROR(f.String("district", true, &i.district));
  RENEWAL_RETURN_IF_ERROR(f.String("street", false, &i.street));
  RENEWAL_RETURN_IF_ERROR(Count(f, "buildings", &i.buildings));
  RENEWAL_RETURN_IF_ERROR(ReadHundredths(f, "floor_area_m2", "m²", &i.floor_area_centi_m2));
  const json::array* items = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Array("items", false, &items));
  if (items != nullptr) {
    for (std::size_t k = 0; k < items->size(); ++k) {
      if (!(*items)[k].is_string()) {
        return f.Invalid(StrCat("items[", k, "]"), StrCat("expected a string, got ",
                                                           internal::Describe((*items)[k])));
      }
      i.items.emplace_back(internal::ToStd((*items)[k].get_string()));
    }
  }
  RENEWAL_RETURN_IF_ERROR(f.Yuan("investment", false, &i.investment));
  if (i.investment.is_negative()) {
    return f.Invalid("investment", StrCat("must be >= 0, got ", i.investment.ToYuanString()));
  }
  return absl::OkStatus();
}

absl::Status ReadEvidence(Fields& f, Event* e) {
  const json::object* o = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Object("evidence", &o));
  if (o == nullptr) return f.Invalid("evidence", "required field is missing");
  Fields vf = f.Nested(*o, "evidence");
  Evidence& v = e->evidence;
  RENEWAL_RETURN_IF_ERROR(vf.Enum("kind", true, &v.kind));
  RENEWAL_RETURN_IF_ERROR(vf.String("id", true, &v.id));
  std::optional<bool> passed;
  RENEWAL_RETURN_IF_ERROR(vf.Bool("passed", &passed));
  if (!passed) return vf.Invalid("passed", "required field is missing");
  v.passed = *passed;
  RENEWAL_RETURN_IF_ERROR(vf.String("rule", false, &v.rule));
  RENEWAL_RETURN_IF_ERROR(vf.String("note", false, &v.note));
  const json::object* c = nullptr;
  RENEWAL_RETURN_IF_ERROR(vf.Object("counts", &c));
  if (c != nullptr) {
    Fields cf = vf.Nested(*c, "counts");
    VoteCounts counts;
    RENEWAL_RETURN_IF_ERROR(ReadHundredths(cf, "area_agree_m2", "m²", &counts.area_agree));
    RENEWAL_RETURN_IF_ERROR(ReadHundredths(cf, "area_total_m2", "m²", &counts.area_total));
    RENEWAL_RETURN_IF_ERROR(Count(cf, "heads_agree", &counts.heads_agree));
    RENEWAL_RETURN_IF_ERROR(Count(cf, "heads_total", &counts.heads_total));
    RENEWAL_RETURN_IF_ERROR(cf.NoUnknownFields());
    v.counts = counts;
  }
  return vf.NoUnknownFields();
}

absl::Status ReadOutcomes(Fields& f, Event* e) {
  const json::object* o = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Object("outcomes", &o));
  if (o == nullptr) return f.Invalid("outcomes", "required field is missing");
  Fields of = f.Nested(*o, "outcomes");
  Outcomes& out = e->outcomes;
  const json::object* pipes = nullptr;
  RENEWAL_RETURN_IF_ERROR(of.Object("pipelines_m", &pipes));
  if (pipes != nullptr) {
    Fields pf = of.Nested(*pipes, "pipelines_m");
    for (std::size_t k = 0; k < kPipelineKindCount; ++k) {
      RENEWAL_RETURN_IF_ERROR(Count(pf, KeyOf(static_cast<PipelineKind>(k)), &out.pipelines_m[k]));
    }
    RENEWAL_RETURN_IF_ERROR(pf.NoUnknownFields());
  }
  RENEWAL_RETURN_IF_ERROR(Count(of, "elevators", &out.elevators));
  RENEWAL_RETURN_IF_ERROR(Count(of, "parking_spaces", &out.parking_spaces));
  RENEWAL_RETURN_IF_ERROR(Count(of, "car_chargers", &out.car_chargers));
  RENEWAL_RETURN_IF_ERROR(Count(of, "ebike_chargers", &out.ebike_chargers));
  RENEWAL_RETURN_IF_ERROR(Count(of, "elderly_care_facilities", &out.elderly_care_facilities));
  RENEWAL_RETURN_IF_ERROR(Count(of, "childcare_facilities", &out.childcare_facilities));
  RENEWAL_RETURN_IF_ERROR(Count(of, "other_service_facilities", &out.other_service_facilities));
  RENEWAL_RETURN_IF_ERROR(ReadHundredths(of, "energy_retrofit_m2", "m²", &out.energy_retrofit_centi_m2));
  RENEWAL_RETURN_IF_ERROR(ReadHundredths(of, "fitness_space_m2", "m²", &out.fitness_space_centi_m2));
  RENEWAL_RETURN_IF_ERROR(Count(of, "households_benefited", &out.households_benefited));
  return of.NoUnknownFields();
}

absl::Status ReadMoney(Fields& f, Event* e) {
  RENEWAL_RETURN_IF_ERROR(f.Enum("source", true, &e->source));
  RENEWAL_RETURN_IF_ERROR(f.Enum("channel", true, &e->channel));
  if (e->kind == EventKind::kPaid) RENEWAL_RETURN_IF_ERROR(f.Enum("instalment", true, &e->instalment));
  RENEWAL_RETURN_IF_ERROR(f.Yuan("amount", true, &e->amount));
  if (e->amount.fen() <= 0) {
    return f.Invalid("amount", StrCat("must be > 0, got ", e->amount.ToYuanString()));
  }
  return absl::OkStatus();
}

absl::Status ReadEvent(const json::value& v, std::string_view where, Event* e) {
  if (!v.is_object()) {
    return absl::InvalidArgumentError(StrCat(where, ": expected an object, got ", internal::Describe(v)));
  }
  Fields f(v.get_object(), std::string(where));
  RENEWAL_RETURN_IF_ERROR(f.Enum("kind", true, &e->kind));
  RENEWAL_RETURN_IF_ERROR(f.String("project", true, &e->project));
  std::string date;
  RENEWAL_RETURN_IF_ERROR(f.String("date", true, &date));
  absl::StatusOr<int> d = ParseProgressDate(date);
  if (!d.ok()) return f.Invalid("date", ToStd(d.status().message()));
  e->date = *d;
  switch (e->kind) {
    case EventKind::kCreate:
      RENEWAL_RETURN_IF_ERROR(ReadInfo(f, e));
      break;
    case EventKind::kTransition: {
      RENEWAL_RETURN_IF_ERROR(f.Enum("stage", true, &e->stage));
      const json::array* cites = nullptr;
      RENEWAL_RETURN_IF_ERROR(f.Array("evidence", false, &cites));
      if (cites != nullptr) {
        for (std::size_t k = 0; k < cites->size(); ++k) {
          if (!(*cites)[k].is_string()) {
            return f.Invalid(StrCat("evidence[", k, "]"), StrCat("expected an evidence id, got ",
                                                                  internal::Describe((*cites)[k])));
          }
          e->cites.emplace_back(internal::ToStd((*cites)[k].get_string()));
        }
      }
      RENEWAL_RETURN_IF_ERROR(f.Enum("management_mode", &e->mode));
      break;
    }
    case EventKind::kCorrection:
      RENEWAL_RETURN_IF_ERROR(f.Enum("stage", true, &e->stage));
      RENEWAL_RETURN_IF_ERROR(f.String("reason", true, &e->reason));
      break;
    case EventKind::kEvidence:
      RENEWAL_RETURN_IF_ERROR(ReadEvidence(f, e));
      break;
    case EventKind::kOutcomes:
      RENEWAL_RETURN_IF_ERROR(ReadOutcomes(f, e));
      break;
    case EventKind::kReceived:
    case EventKind::kPaid:
      RENEWAL_RETURN_IF_ERROR(ReadMoney(f, e));
      break;
  }
  return f.NoUnknownFields();
}

}  // namespace

std::string EventToJson(const Event& e) {
  std::string out = "{";
  Str(out, "kind", KeyOf(e.kind));
  Str(out, "project", e.project);
  Str(out, "date", FormatProgressDate(e.date));
  switch (e.kind) {
    case EventKind::kCreate: {
      const ProjectInfo& i = e.info;
      if (!i.name.empty()) Str(out, "name", i.name);
      Key(out, "estates");
      out += '[';
      for (std::size_t k = 0; k < i.estates.size(); ++k) {
        out += k > 0 ? ",{" : "{";
        Str(out, "id", i.estates[k].id);
        Int(out, "households", i.estates[k].households);
        out += '}';
      }
      out += ']';
      if (i.plan_year != 0) {
        Key(out, "plan");
        out += "{";
        Int(out, "year", i.plan_year);
        Int(out, "batch", i.plan_batch);
        out += '}';
      }
      Str(out, "province", i.province);
      Str(out, "city", i.city);
      Str(out, "district", i.district);
      if (!i.street.empty()) Str(out, "street", i.street);
      Int(out, "buildings", i.buildings);
      Str(out, "floor_area_m2", Hundredths(i.floor_area_centi_m2));
      if (!i.items.empty()) Strings(out, "items", i.items);
      Str(out, "investment", i.investment.ToYuanString());
      break;
    }
    case EventKind::kTransition:
      Str(out, "stage", KeyOf(e.stage));
      if (!e.cites.empty()) Strings(out, "evidence", e.cites);
      if (e.mode) Str(out, "management_mode", KeyOf(*e.mode));
      break;
    case EventKind::kCorrection:
      Str(out, "stage", KeyOf(e.stage));
      Str(out, "reason", e.reason);
      break;
    case EventKind::kEvidence: {
      const Evidence& v = e.evidence;
      Key(out, "evidence");
      out += '{';
      Str(out, "kind", KeyOf(v.kind));
      Str(out, "id", v.id);
      Key(out, "passed");
      out += v.passed ? "true" : "false";
      if (!v.rule.empty()) Str(out, "rule", v.rule);
      if (v.counts) {
        Key(out, "counts");
        out += '{';
        Str(out, "area_agree_m2", Hundredths(v.counts->area_agree));
        Str(out, "area_total_m2", Hundredths(v.counts->area_total));
        Int(out, "heads_agree", v.counts->heads_agree);
        Int(out, "heads_total", v.counts->heads_total);
        out += '}';
      }
      if (!v.note.empty()) Str(out, "note", v.note);
      out += '}';
      break;
    }
    case EventKind::kOutcomes: {
      const Outcomes& o = e.outcomes;
      Key(out, "outcomes");
      out += "{";
      Key(out, "pipelines_m");
      out += '{';
      for (std::size_t k = 0; k < kPipelineKindCount; ++k) {
        Int(out, KeyOf(static_cast<PipelineKind>(k)), o.pipelines_m[k]);
      }
      out += '}';
      Int(out, "elevators", o.elevators);
      Int(out, "parking_spaces", o.parking_spaces);
      Int(out, "car_chargers", o.car_chargers);
      Int(out, "ebike_chargers", o.ebike_chargers);
      Int(out, "elderly_care_facilities", o.elderly_care_facilities);
      Int(out, "childcare_facilities", o.childcare_facilities);
      Int(out, "other_service_facilities", o.other_service_facilities);
      Str(out, "energy_retrofit_m2", Hundredths(o.energy_retrofit_centi_m2));
      Str(out, "fitness_space_m2", Hundredths(o.fitness_space_centi_m2));
      Int(out, "households_benefited", o.households_benefited);
      out += '}';
      break;
    }
    case EventKind::kReceived:
    case EventKind::kPaid:
      Str(out, "source", KeyOf(e.source));
      Str(out, "channel", KeyOf(e.channel));
      if (e.kind == EventKind::kPaid) Str(out, "instalment", KeyOf(e.instalment));
      Str(out, "amount", e.amount.ToYuanString());
      break;
  }
  out += '}';
  return out;
}

absl::StatusOr<Event> ParseEventJson(std::string_view text, std::string_view where) {
  absl::StatusOr<json::value> v = internal::ParseJson(text);
  if (!v.ok()) return absl::InvalidArgumentError(StrCat(where, ": ", v.status().message()));
  Event e;
  RENEWAL_RETURN_IF_ERROR(ReadEvent(*v, where, &e));
  return e;
}

std::string EventsToJsonLines(std::span<const Event> events) {
  std::string out;
  for (const Event& e : events) {
    out += EventToJson(e);
    out += '\n';
  }
  return out;
}

std::string RecordsToJsonLines(std::span<const ProgrammeRecord> records) {
  std::string out;
  for (const ProgrammeRecord& r : records) {
    if (const auto* e = std::get_if<Event>(&r)) {
      out += EventToJson(*e);
    } else {
      out += std::get<ExtensionRecord>(r).json;
    }
    out += '\n';
  }
  return out;
}

absl::StatusOr<std::vector<Event>> ParseEventJsonLines(std::string_view text) {
  std::vector<Event> out;
  RENEWAL_RETURN_IF_ERROR(internal::ForEachJsonLine(
      text, [&out](std::string_view line, std::size_t number) -> absl::Status {
        RENEWAL_ASSIGN_OR_RETURN(Event e, ParseEventJson(line, StrCat("line ", number)));
        out.push_back(std::move(e));
        return absl::OkStatus();
      }));
  return out;
}

}  // namespace renewal
