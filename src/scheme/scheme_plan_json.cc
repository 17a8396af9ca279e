// The plan document's JSON (docs/schemas/scheme-plan.schema.json): read all or
// nothing through internal::Fields, written back field for field.
#include <string>

#include "renewal/base/file.h"
#include "renewal/base/json_fields.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/scheme/scheme_plan.h"

namespace renewal {
namespace {

namespace json = boost::json;
using internal::Fields;
using internal::ToStd;

constexpr std::string_view kFormat = "renewal.scheme-plan";

// An element of an array whose records have no "id": named `array[i]`.
absl::StatusOr<Fields> Plain(const json::value& v, std::string_view array, std::size_t i) {
  if (!v.is_object()) {
    return absl::InvalidArgumentError(
        StrCat(array, "[", i, "]: expected an object, got ", internal::Describe(v)));
  }
  return Fields(v.get_object(), StrCat(array, "[", i, "]"));
}

absl::Status Date(Fields& f, std::string_view key, PlanDate* out) {
  std::string text;
  RENEWAL_RETURN_IF_ERROR(f.String(key, true, &text));
  absl::StatusOr<PlanDate> d = ParsePlanDate(text);
  if (!d.ok()) return f.Invalid(key, std::string(d.status().message()));
  *out = *std::move(d);
  return absl::OkStatus();
}

absl::Status IntIn(Fields& f, std::string_view key, bool required, std::int64_t min,
                   std::int64_t max, std::int64_t* out) {
  std::optional<std::int64_t> v;
  RENEWAL_RETURN_IF_ERROR(f.Int(key, min, max, &v));
  if (!v) return required ? f.Invalid(key, "required field is missing") : absl::OkStatus();
  *out = *v;
  return absl::OkStatus();
}

absl::Status Round(Fields& f, int* out) {
  std::int64_t r = 0;
  RENEWAL_RETURN_IF_ERROR(IntIn(f, "round", true, 1, 100, &r));
  *out = static_cast<int>(r);
  return absl::OkStatus();
}

// A quantity: an integer or a decimal string with at most three decimals, >= 0,
// as thousandths of the unit.
absl::Status Quantity(Fields& f, std::int64_t* out) {
  const json::value* v = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Required("quantity", &v));
  constexpr std::int64_t kMax = INT64_MAX / 1000;
  if (v->is_int64() || v->is_uint64()) {
    if (v->is_uint64() || v->get_int64() > kMax) {
      return f.Invalid("quantity", StrCat("too large, got ", internal::Describe(*v)));
    }
    if (v->get_int64() < 0) {
      return f.Invalid("quantity", StrCat("must be >= 0, got ", v->get_int64()));
    }
    *out = v->get_int64() * 1000;
    return absl::OkStatus();
  }
  if (!v->is_string()) {
    return f.Invalid("quantity", StrCat("expected an integer or a decimal string, got ",
                                        internal::Describe(*v)));
  }
  const std::string_view s = ToStd(v->get_string());
  const auto bad = [&] {
    return f.Invalid("quantity", StrCat("expected a number with at most 3 decimals, got \"", s,
                                        "\""));
  };
  std::size_t i = 0;
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) ++i;
  std::int64_t whole = 0, frac = 0;
  int digits = 0, decimals = -1;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.' && decimals < 0 && digits > 0) {
      decimals = 0;
      continue;
    }
    if (c < '0' || c > '9') return bad();
    if (decimals >= 0) {
      if (++decimals > 3) return bad();
      frac = frac * 10 + (c - '0');
    } else {
      if (++digits > 15) return f.Invalid("quantity", StrCat("too large, got \"", s, "\""));
      whole = whole * 10 + (c - '0');
    }
  }
  if (digits == 0 || decimals == 0) return bad();
  for (int d = decimals < 0 ? 0 : decimals; d < 3; ++d) frac *= 10;
  const std::int64_t milli = whole * 1000 + frac;
  if (negative) return f.Invalid("quantity", StrCat("must be >= 0, got ", s));
  *out = milli;
  return absl::OkStatus();
}

absl::Status Fen(Fields& f, std::string_view key, bool required, std::optional<renewal::Money>* out) {
  std::optional<std::int64_t> v;
  RENEWAL_RETURN_IF_ERROR(f.Int(key, INT64_MIN, INT64_MAX, &v));
  if (!v) return required ? f.Invalid(key, "required field is missing") : absl::OkStatus();
  if (*v < 0) return f.Invalid(key, StrCat("must be >= 0, got ", *v));
  *out = renewal::Money::Fen(*v);
  return absl::OkStatus();
}

absl::StatusOr<SchemeItem> ReadItem(Fields& f) {
  SchemeItem item;
  RENEWAL_RETURN_IF_ERROR(f.String("id", true, &item.id));
  if (item.id.empty()) return f.Invalid("id", "must not be empty");
  RENEWAL_RETURN_IF_ERROR(f.String("catalogue", true, &item.catalogue));
  const CatalogueEntry* entry = FindCatalogueEntry(item.catalogue);
  if (entry == nullptr) {
    return f.Error(absl::StatusCode::kNotFound, "catalogue",
                   StrCat("unknown catalogue key \"", item.catalogue, "\""));
  }
  item.category = entry->category;
  item.facility = entry->facility;
  item.scope = entry->scope;
  item.unit = std::string(entry->unit_zh);
  RENEWAL_RETURN_IF_ERROR(f.Enum("category", false, &item.category));
  RENEWAL_RETURN_IF_ERROR(f.Enum("facility", false, &item.facility));
  RENEWAL_RETURN_IF_ERROR(Quantity(f, &item.quantity_milli));
  RENEWAL_RETURN_IF_ERROR(f.String("unit", false, &item.unit));
  if (item.unit.empty()) item.unit = std::string(entry->unit_zh);
  std::optional<renewal::Money> cost;
  RENEWAL_RETURN_IF_ERROR(Fen(f, "unit_cost_fen", true, &cost));
  item.unit_cost = *cost;
  RENEWAL_RETURN_IF_ERROR(f.Enum("scope", false, &item.scope));
  RENEWAL_RETURN_IF_ERROR(f.String("building", item.scope != CostScope::kEstate, &item.building));
  RENEWAL_RETURN_IF_ERROR(f.String("entrance", item.scope == CostScope::kEntrance, &item.entrance));
  if (item.scope == CostScope::kEstate && !(item.building.empty() && item.entrance.empty())) {
    return f.Invalid("building", "an estate-scope item names no building or entrance");
  }
  if (item.scope == CostScope::kBuilding && !item.entrance.empty()) {
    return f.Invalid("entrance", "a building-scope item names no entrance");
  }
  RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
  return item;
}

absl::Status ReadTotals(Fields& f, VoteTotals* t) {
  struct Key { std::string_view name; std::int64_t* v; };
  const Key keys[] = {{"dwellings", &t->dwellings},
                      {"area_total_centi_m2", &t->area_total},
                      {"area_participating_centi_m2", &t->area_participating},
                      {"area_agree_centi_m2", &t->area_agree},
                      {"area_disagree_centi_m2", &t->area_disagree},
                      {"area_abstain_centi_m2", &t->area_abstain},
                      {"heads_total", &t->heads_total},
                      {"heads_participating", &t->heads_participating},
                      {"heads_agree", &t->heads_agree},
                      {"heads_disagree", &t->heads_disagree},
                      {"heads_abstain", &t->heads_abstain}};
  for (const Key& k : keys) {
    RENEWAL_RETURN_IF_ERROR(IntIn(f, k.name, true, 0, INT64_MAX / 4, k.v));
  }
  RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
  // The count's own invariants: choices within participation within the total.
  if (t->heads_agree + t->heads_disagree + t->heads_abstain > t->heads_participating) {
    return f.Invalid("heads_participating", "less than agree + disagree + abstain");
  }
  if (t->heads_participating > t->heads_total) {
    return f.Invalid("heads_participating", StrCat("more than heads_total ", t->heads_total));
  }
  if (t->area_agree + t->area_disagree + t->area_abstain > t->area_participating) {
    return f.Invalid("area_participating_centi_m2", "less than agree + disagree + abstain");
  }
  if (t->area_participating > t->area_total) {
    return f.Invalid("area_participating_centi_m2",
                     StrCat("more than area_total_centi_m2 ", t->area_total));
  }
  return absl::OkStatus();
}

absl::Status ReadConsultation(Fields& f, ConsultationRecord* r) {
  RENEWAL_RETURN_IF_ERROR(Round(f, &r->round));
  RENEWAL_RETURN_IF_ERROR(Date(f, "opens", &r->opens));
  RENEWAL_RETURN_IF_ERROR(Date(f, "closes", &r->closes));
  if (r->closes < r->opens) {
    return f.Invalid("closes", StrCat("\"", r->closes.text, "\" is before opens \"",
                                      r->opens.text, "\""));
  }
  RENEWAL_RETURN_IF_ERROR(f.String("rule", true, &r->rule));
  if (absl::StatusOr<VoteRule> rule = VoteRulePreset(r->rule); !rule.ok()) {
    return f.Error(rule.status().code(), "rule", std::string(rule.status().message()));
  }
  const json::object* totals = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Object("totals", &totals));
  if (totals == nullptr) return f.Invalid("totals", "required field is missing");
  Fields t = f.Nested(*totals, "totals");
  RENEWAL_RETURN_IF_ERROR(ReadTotals(t, &r->totals));
  return f.NoUnknownFields();
}

absl::Status ReadNotice(Fields& f, PublicNotice* n) {
  RENEWAL_RETURN_IF_ERROR(Round(f, &n->round));
  RENEWAL_RETURN_IF_ERROR(Date(f, "starts", &n->starts));
  RENEWAL_RETURN_IF_ERROR(Date(f, "ends", &n->ends));
  if (n->ends < n->starts) {
    return f.Invalid("ends", StrCat("\"", n->ends.text, "\" is before starts \"",
                                    n->starts.text, "\""));
  }
  RENEWAL_RETURN_IF_ERROR(f.String("place", false, &n->place));
  return f.NoUnknownFields();
}

absl::Status ReadOpinion(Fields& f, Opinion* o) {
  RENEWAL_RETURN_IF_ERROR(f.String("id", true, &o->id));
  if (o->id.empty()) return f.Invalid("id", "must not be empty");
  RENEWAL_RETURN_IF_ERROR(f.String("dwelling", true, &o->dwelling));
  if (o->dwelling.empty()) return f.Invalid("dwelling", "must not be empty");
  RENEWAL_RETURN_IF_ERROR(Date(f, "date", &o->date));
  RENEWAL_RETURN_IF_ERROR(Round(f, &o->round));
  std::optional<bool> objection;
  RENEWAL_RETURN_IF_ERROR(f.Bool("objection", &objection));
  o->objection = objection.value_or(false);
  RENEWAL_RETURN_IF_ERROR(f.String("opinion", true, &o->text));
  if (o->text.empty()) return f.Invalid("opinion", "must not be empty");
  RENEWAL_RETURN_IF_ERROR(f.Enum("answer", false, &o->answer));
  RENEWAL_RETURN_IF_ERROR(f.String("change", false, &o->change));
  RENEWAL_RETURN_IF_ERROR(f.String("explanation", false, &o->explanation));
  if (o->answer == OpinionAnswer::kAdopted && o->change.empty()) {
    return f.Invalid("change", "an adopted opinion states the plan change it caused");
  }
  if (o->answer == OpinionAnswer::kNotAdopted && o->explanation.empty()) {
    return f.Invalid("explanation", "an opinion not adopted is explained");
  }
  return f.NoUnknownFields();
}

absl::Status ReadWaiver(Fields& f, Waiver* w) {
  RENEWAL_RETURN_IF_ERROR(f.Enum("facility", true, &w->facility));
  RENEWAL_RETURN_IF_ERROR(f.String("reason", true, &w->reason));
  if (w->reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return f.Invalid("reason", "a waiver states its reason");
  }
  return f.NoUnknownFields();
}

absl::Status ReadElevator(Fields& f, ElevatorDecision* d) {
  RENEWAL_RETURN_IF_ERROR(f.String("building", true, &d->building));
  RENEWAL_RETURN_IF_ERROR(f.String("entrance", true, &d->entrance));
  std::optional<bool> passed;
  RENEWAL_RETURN_IF_ERROR(f.Bool("passed", &passed));
  if (!passed) return f.Invalid("passed", "required field is missing");
  d->passed = *passed;
  return f.NoUnknownFields();
}

absl::Status ReadSignOff(Fields& f, SignOff* s) {
  RENEWAL_RETURN_IF_ERROR(f.Enum("department", true, &s->department));
  RENEWAL_RETURN_IF_ERROR(Date(f, "date", &s->date));
  std::optional<bool> approved;
  RENEWAL_RETURN_IF_ERROR(f.Bool("approved", &approved));
  if (!approved) return f.Invalid("approved", "required field is missing");
  s->approved = *approved;
  RENEWAL_RETURN_IF_ERROR(f.String("opinion", false, &s->opinion));
  return f.NoUnknownFields();
}

// Reads every element of array `key` with `read`; `ided` arrays name elements by id.
template <class T, class Read>
absl::Status ReadArray(Fields& root, std::string_view key, bool ided, std::vector<T>* out,
                       Read read) {
  const json::array* a = nullptr;
  RENEWAL_RETURN_IF_ERROR(root.Array(key, false, &a));
  if (a == nullptr) return absl::OkStatus();
  for (std::size_t i = 0; i < a->size(); ++i) {
    RENEWAL_ASSIGN_OR_RETURN(Fields f, ided ? Fields::Element((*a)[i], key, i)
                                            : Plain((*a)[i], key, i));
    T value;
    RENEWAL_RETURN_IF_ERROR(read(f, &value));
    out->push_back(std::move(value));
  }
  return absl::OkStatus();
}

// Duplicate IDs and rounds out of order, named by record.
absl::Status CheckOrder(const SchemePlan& plan) {
  for (std::size_t i = 0; i < plan.items.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (plan.items[j].id == plan.items[i].id) {
        return absl::AlreadyExistsError(
            StrCat("items[", i, "] \"", plan.items[i].id, "\" id: duplicate item id"));
      }
    }
  }
  for (std::size_t i = 0; i < plan.consultations.size(); ++i) {
    if (plan.consultations[i].round != static_cast<int>(i + 1)) {
      return absl::InvalidArgumentError(StrCat("consultations[", i, "] round: expected ", i + 1,
                                               ", got ", plan.consultations[i].round));
    }
  }
  for (std::size_t i = 0; i < plan.notices.size(); ++i) {
    if (plan.notices[i].round != static_cast<int>(i + 1)) {
      return absl::InvalidArgumentError(StrCat("notices[", i, "] round: expected ", i + 1,
                                               ", got ", plan.notices[i].round));
    }
  }
  for (std::size_t i = 0; i < plan.opinions.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (plan.opinions[j].id == plan.opinions[i].id) {
        return absl::AlreadyExistsError(
            StrCat("opinions[", i, "] \"", plan.opinions[i].id, "\" id: duplicate opinion id"));
      }
    }
  }
  for (std::size_t i = 0; i < plan.waivers.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (plan.waivers[j].facility == plan.waivers[i].facility) {
        return absl::AlreadyExistsError(StrCat("waivers[", i, "] facility: \"",
                                               KeyOf(plan.waivers[i].facility),
                                               "\" is waived twice"));
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<SchemePlan> ParseSchemePlanJson(std::string_view text) {
  RENEWAL_ASSIGN_OR_RETURN(json::value doc, internal::ParseJson(text));
  if (!doc.is_object()) return absl::InvalidArgumentError("plan: expected a JSON object");
  Fields f(doc.get_object(), std::string("plan"));
  std::string format;
  RENEWAL_RETURN_IF_ERROR(f.String("format", false, &format));
  if (!format.empty() && format != kFormat) {
    return f.Invalid("format", StrCat("expected \"", kFormat, "\", got \"", format, "\""));
  }
  std::optional<std::int64_t> version;
  RENEWAL_RETURN_IF_ERROR(f.Int("version", 1, 1, &version));
  SchemePlan plan;
  RENEWAL_RETURN_IF_ERROR(f.String("id", true, &plan.id));
  if (plan.id.empty()) return f.Invalid("id", "must not be empty");
  RENEWAL_RETURN_IF_ERROR(f.String("estate", true, &plan.estate));
  if (plan.estate.empty()) return f.Invalid("estate", "must not be empty");
  RENEWAL_RETURN_IF_ERROR(f.String("title", false, &plan.title));
  RENEWAL_RETURN_IF_ERROR(ReadArray(f, "items", true, &plan.items,
                                    [](Fields& e, SchemeItem* item) -> absl::Status {
                                      RENEWAL_ASSIGN_OR_RETURN(*item, ReadItem(e));
                                      return absl::OkStatus();
                                    }));
  const json::object* funding = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Object("funding", &funding));
  if (funding != nullptr) {
    Fields ff = f.Nested(*funding, "funding");
    RENEWAL_RETURN_IF_ERROR(ff.String("reference", false, &plan.funding.reference));
    RENEWAL_RETURN_IF_ERROR(ff.String("policy", false, &plan.funding.policy));
    RENEWAL_RETURN_IF_ERROR(Fen(ff, "residents_fen", false, &plan.funding.residents));
    RENEWAL_RETURN_IF_ERROR(Fen(ff, "social_fen", false, &plan.funding.social));
    RENEWAL_RETURN_IF_ERROR(ff.NoUnknownFields());
  }
  RENEWAL_RETURN_IF_ERROR(f.Enum("management_mode", false, &plan.management_mode));
  RENEWAL_RETURN_IF_ERROR(ReadArray(f, "consultations", false, &plan.consultations, ReadConsultation));
  RENEWAL_RETURN_IF_ERROR(ReadArray(f, "notices", false, &plan.notices, ReadNotice));
  RENEWAL_RETURN_IF_ERROR(ReadArray(f, "opinions", true, &plan.opinions, ReadOpinion));
  RENEWAL_RETURN_IF_ERROR(ReadArray(f, "waivers", false, &plan.waivers, ReadWaiver));
  RENEWAL_RETURN_IF_ERROR(
      ReadArray(f, "elevator_decisions", false, &plan.elevator_decisions, ReadElevator));
  RENEWAL_RETURN_IF_ERROR(ReadArray(f, "signoffs", false, &plan.signoffs, ReadSignOff));
  RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
  RENEWAL_RETURN_IF_ERROR(CheckOrder(plan));
  return plan;
}

absl::StatusOr<SchemePlan> LoadSchemePlanFile(const std::string& path) {
  RENEWAL_ASSIGN_OR_RETURN(std::string text, internal::ReadFileToString(path));
  absl::StatusOr<SchemePlan> plan = ParseSchemePlanJson(text);
  if (!plan.ok()) return internal::Prefixed(plan.status(), path, ": ");
  return plan;
}

std::string SchemePlanToJson(const SchemePlan& plan) {
  json::object root;
  root["format"] = kFormat;
  root["version"] = 1;
  root["id"] = plan.id;
  root["estate"] = plan.estate;
  root["title"] = plan.title;
  json::array items;
  for (const SchemeItem& it : plan.items) {
    json::object o;
    o["id"] = it.id;
    o["catalogue"] = it.catalogue;
    o["category"] = KeyOf(it.category);
    o["facility"] = KeyOf(it.facility);
    // Thousandths back to the shortest decimal text.
    std::string q = StrCat(it.quantity_milli / 1000);
    if (const std::int64_t frac = it.quantity_milli % 1000; frac != 0) {
      std::string digits = StrCat(1000 + frac).substr(1);
      while (!digits.empty() && digits.back() == '0') digits.pop_back();
      q += "." + digits;
    }
    o["quantity"] = q;
    o["unit"] = it.unit;
    o["unit_cost_fen"] = it.unit_cost.fen();
    o["scope"] = KeyOf(it.scope);
    if (it.scope != CostScope::kEstate) o["building"] = it.building;
    if (it.scope == CostScope::kEntrance) o["entrance"] = it.entrance;
    items.push_back(std::move(o));
  }
  root["items"] = std::move(items);
  json::object funding;
  funding["reference"] = plan.funding.reference;
  funding["policy"] = plan.funding.policy;
  if (plan.funding.residents) funding["residents_fen"] = plan.funding.residents->fen();
  if (plan.funding.social) funding["social_fen"] = plan.funding.social->fen();
  root["funding"] = std::move(funding);
  root["management_mode"] = KeyOf(plan.management_mode);
  json::array rounds;
  for (const ConsultationRecord& r : plan.consultations) {
    const VoteTotals& t = r.totals;
    rounds.push_back(json::object{
        {"round", r.round}, {"opens", r.opens.text}, {"closes", r.closes.text}, {"rule", r.rule},
        {"totals", json::object{{"dwellings", t.dwellings},
                                {"area_total_centi_m2", t.area_total},
                                {"area_participating_centi_m2", t.area_participating},
                                {"area_agree_centi_m2", t.area_agree},
                                {"area_disagree_centi_m2", t.area_disagree},
                                {"area_abstain_centi_m2", t.area_abstain},
                                {"heads_total", t.heads_total},
                                {"heads_participating", t.heads_participating},
                                {"heads_agree", t.heads_agree},
                                {"heads_disagree", t.heads_disagree},
                                {"heads_abstain", t.heads_abstain}}}});
  }
  root["consultations"] = std::move(rounds);
  json::array notices;
  for (const PublicNotice& n : plan.notices) {
    notices.push_back(json::object{{"round", n.round}, {"starts", n.starts.text},
                                   {"ends", n.ends.text}, {"place", n.place}});
  }
  root["notices"] = std::move(notices);
  json::array opinions;
  for (const Opinion& o : plan.opinions) {
    opinions.push_back(json::object{{"id", o.id}, {"dwelling", o.dwelling},
                                    {"date", o.date.text}, {"round", o.round},
                                    {"objection", o.objection}, {"opinion", o.text},
                                    {"answer", KeyOf(o.answer)}, {"change", o.change},
                                    {"explanation", o.explanation}});
  }
  root["opinions"] = std::move(opinions);
  json::array waivers;
  for (const Waiver& w : plan.waivers) {
    waivers.push_back(json::object{{"facility", KeyOf(w.facility)}, {"reason", w.reason}});
  }
  root["waivers"] = std::move(waivers);
  json::array elevators;
  for (const ElevatorDecision& d : plan.elevator_decisions) {
    elevators.push_back(json::object{
        {"building", d.building}, {"entrance", d.entrance}, {"passed", d.passed}});
  }
  root["elevator_decisions"] = std::move(elevators);
  json::array signoffs;
  for (const SignOff& s : plan.signoffs) {
    signoffs.push_back(json::object{{"department", KeyOf(s.department)}, {"date", s.date.text},
                                    {"approved", s.approved}, {"opinion", s.opinion}});
  }
  root["signoffs"] = std::move(signoffs);
  return json::serialize(root) + "\n";
}

}  // namespace renewal
