// Event payloads: little-endian integers and length-prefixed strings.
#include "progress_codec.h"

#include <cstring>

#include "renewal/base/payload_codec.h"
#include "renewal/base/strcat.h"

namespace renewal::internal {
namespace {

constexpr char kMagic[8] = {'R', 'N', 'W', 'P', 'R', 'O', 'G', '1'};
// Event records start with their EventKind (0..6); another area's records with this.
constexpr std::uint8_t kExtensionByte = 0xE5;

void PutInfo(std::string* out, const ProjectInfo& i) {
  PutStr(out, i.id);
  PutStr(out, i.name);
  Put<std::uint32_t>(out, static_cast<std::uint32_t>(i.estates.size()));
  for (const PlannedEstate& e : i.estates) {
    PutStr(out, e.id);
    Put<std::int64_t>(out, e.households);
  }
  Put<std::int32_t>(out, i.plan_year);
  Put<std::int32_t>(out, i.plan_batch);
  PutStr(out, i.province);
  PutStr(out, i.city);
  PutStr(out, i.district);
  PutStr(out, i.street);
  Put<std::int64_t>(out, i.buildings);
  Put<std::int64_t>(out, i.floor_area_centi_m2);
  PutStrings(out, i.items);
  Put<std::int64_t>(out, i.investment.fen());
}

bool GetInfo(PayloadReader& r, ProjectInfo* i) {
  std::uint32_t n = 0;
  std::int64_t fen = 0;
  if (!r.GetStr(&i->id) || !r.GetStr(&i->name) || !r.Get(&n) || n > r.rest().size()) return false;
  i->estates.resize(n);
  for (PlannedEstate& e : i->estates) {
    if (!r.GetStr(&e.id) || !r.Get(&e.households)) return false;
  }
  if (!r.Get(&i->plan_year) || !r.Get(&i->plan_batch) || !r.GetStr(&i->province) ||
      !r.GetStr(&i->city) || !r.GetStr(&i->district) || !r.GetStr(&i->street) ||
      !r.Get(&i->buildings) || !r.Get(&i->floor_area_centi_m2) || !r.GetStrings(&i->items) ||
      !r.Get(&fen)) {
    return false;
  }
  i->investment = Money::Fen(fen);
  return true;
}

void PutOutcomes(std::string* out, const Outcomes& o) {
  for (std::int64_t m : o.pipelines_m) Put<std::int64_t>(out, m);
  for (std::int64_t v : {o.elevators, o.parking_spaces, o.car_chargers, o.ebike_chargers,
                         o.elderly_care_facilities, o.childcare_facilities,
                         o.other_service_facilities, o.energy_retrofit_centi_m2,
                         o.fitness_space_centi_m2, o.households_benefited}) {
    Put<std::int64_t>(out, v);
  }
}

bool GetOutcomes(PayloadReader& r, Outcomes* o) {
  for (std::int64_t& m : o->pipelines_m) {
    if (!r.Get(&m)) return false;
  }
  for (std::int64_t* v : {&o->elevators, &o->parking_spaces, &o->car_chargers, &o->ebike_chargers,
                          &o->elderly_care_facilities, &o->childcare_facilities,
                          &o->other_service_facilities, &o->energy_retrofit_centi_m2,
                          &o->fitness_space_centi_m2, &o->households_benefited}) {
    if (!r.Get(v)) return false;
  }
  return true;
}

}  // namespace

std::string EncodeProgressHeader(std::string_view policy) {
  std::string out(kMagic, 8);
  Put<std::uint32_t>(&out, kProgressPayloadVersion);
  PutStr(&out, policy);
  return out;
}

absl::StatusOr<std::string> DecodeProgressHeader(std::string_view payload) {
  PayloadReader r(payload);
  if (payload.size() < 8 || std::memcmp(payload.data(), kMagic, 8) != 0) {
    return absl::DataLossError("header record: not a progress journal header");
  }
  r.skip(8);
  std::uint32_t version = 0;
  std::string policy;
  if (!r.Get(&version)) return absl::DataLossError("header record: malformed");
  if (version != kProgressPayloadVersion) {
    return absl::FailedPreconditionError(StrCat("header record: payload version ", version,
                                                " is not supported (expected ",
                                                kProgressPayloadVersion, ")"));
  }
  if (!r.GetStr(&policy) || !r.done()) return absl::DataLossError("header record: malformed");
  return policy;
}

void EncodeEvent(const Event& e, std::string* out) {
  Put<std::uint8_t>(out, static_cast<std::uint8_t>(e.kind));
  PutStr(out, e.project);
  Put<std::int32_t>(out, e.date);
  switch (e.kind) {
    case EventKind::kCreate:
      PutInfo(out, e.info);
      break;
    case EventKind::kTransition:
      Put<std::uint8_t>(out, static_cast<std::uint8_t>(e.stage));
      PutStrings(out, e.cites);
      Put<std::uint8_t>(out, e.mode ? static_cast<std::uint8_t>(*e.mode) + 1 : 0);
      break;
    case EventKind::kCorrection:
      Put<std::uint8_t>(out, static_cast<std::uint8_t>(e.stage));
      PutStr(out, e.reason);
      break;
    case EventKind::kEvidence: {
      const Evidence& v = e.evidence;
      Put<std::uint8_t>(out, static_cast<std::uint8_t>(v.kind));
      PutStr(out, v.id);
      Put<std::uint8_t>(out, (v.passed ? 1 : 0) | (v.counts ? 2 : 0));
      PutStr(out, v.rule);
      PutStr(out, v.note);
      if (v.counts) {
        Put<std::int64_t>(out, v.counts->area_agree);
        Put<std::int64_t>(out, v.counts->area_total);
        Put<std::int64_t>(out, v.counts->heads_agree);
        Put<std::int64_t>(out, v.counts->heads_total);
      }
      break;
    }
    case EventKind::kOutcomes:
      PutOutcomes(out, e.outcomes);
      break;
    case EventKind::kReceived:
    case EventKind::kPaid:
      Put<std::uint8_t>(out, static_cast<std::uint8_t>(e.source));
      Put<std::uint8_t>(out, static_cast<std::uint8_t>(e.channel));
      Put<std::uint8_t>(out, static_cast<std::uint8_t>(e.instalment));
      Put<std::int64_t>(out, e.amount.fen());
      break;
  }
}

void EncodeExtension(const ExtensionRecord& x, std::string* out) {
  Put<std::uint8_t>(out, kExtensionByte);
  PutStr(out, x.tag);
  PutStr(out, x.json);
}

bool IsExtensionPayload(std::string_view payload) {
  return !payload.empty() && static_cast<std::uint8_t>(payload[0]) == kExtensionByte;
}

absl::Status DecodeExtension(std::string_view payload, ExtensionRecord* x) {
  PayloadReader r(payload);
  std::uint8_t first = 0;
  if (!r.Get(&first) || first != kExtensionByte || !r.GetStr(&x->tag) || !r.GetStr(&x->json) ||
      !r.done() || x->tag.empty()) {
    return absl::DataLossError("malformed extension record");
  }
  return absl::OkStatus();
}

absl::Status DecodeEvent(std::string_view payload, Event* e) {
  PayloadReader r(payload);
  bool ok = r.GetEnum(&e->kind) && r.GetStr(&e->project) && r.Get(&e->date);
  if (ok) {
    switch (e->kind) {
      case EventKind::kCreate:
        ok = GetInfo(r, &e->info);
        break;
      case EventKind::kTransition: {
        std::uint8_t mode = 0;
        ok = r.GetEnum(&e->stage) && r.GetStrings(&e->cites) && r.Get(&mode) &&
             mode <= LabelCount<ManagementMode>();
        if (ok && mode > 0) e->mode = static_cast<ManagementMode>(mode - 1);
        break;
      }
      case EventKind::kCorrection:
        ok = r.GetEnum(&e->stage) && r.GetStr(&e->reason);
        break;
      case EventKind::kEvidence: {
        Evidence& v = e->evidence;
        std::uint8_t flags = 0;
        ok = r.GetEnum(&v.kind) && r.GetStr(&v.id) && r.Get(&flags) && flags < 4 &&
             r.GetStr(&v.rule) && r.GetStr(&v.note);
        v.passed = flags & 1;
        if (ok && (flags & 2)) {
          VoteCounts c;
          ok = r.Get(&c.area_agree) && r.Get(&c.area_total) && r.Get(&c.heads_agree) &&
               r.Get(&c.heads_total);
          v.counts = c;
        }
        break;
      }
      case EventKind::kOutcomes:
        ok = GetOutcomes(r, &e->outcomes);
        break;
      case EventKind::kReceived:
      case EventKind::kPaid: {
        std::int64_t fen = 0;
        ok = r.GetEnum(&e->source) && r.GetEnum(&e->channel) && r.GetEnum(&e->instalment) &&
             r.Get(&fen);
        e->amount = Money::Fen(fen);
        break;
      }
    }
  }
  if (!ok || !r.done()) return absl::DataLossError("malformed event record");
  return absl::OkStatus();
}

}  // namespace renewal::internal
