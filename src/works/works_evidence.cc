// Acceptance records as progress evidence.
#include "renewal/works/works_evidence.h"

#include "renewal/base/strcat.h"

namespace renewal {

std::string JointAcceptanceEvidenceId(std::string_view project) {
  return StrCat(project, "/", kJointAcceptanceRule);
}

absl::StatusOr<Evidence> EvidenceFromAcceptance(const Works& works, std::string_view project) {
  const auto p = works.directory().FindProject(project);
  if (!p) {
    return absl::NotFoundError(StrCat("acceptance of project \"", project, "\" project: unknown project"));
  }
  const ProjectWorks& pw = works.project(*p);
  Evidence v;
  v.kind = EvidenceKind::kAcceptance;
  v.rule = std::string(kJointAcceptanceRule);
  v.passed = pw.accepted_on.has_value();
  std::size_t signed_parties = 0;
  for (const auto& s : pw.acceptance) signed_parties += s ? 1 : 0;
  // An incomplete form gets an ID of its own, so the complete one can still be
  // recorded under the project's acceptance ID later.
  v.id = v.passed ? JointAcceptanceEvidenceId(project)
                  : StrCat(JointAcceptanceEvidenceId(project), "/", signed_parties, "-of-",
                           kAcceptancePartyCount);
  // The note is the form in short: who signed, and the vote where there was one.
  std::string note;
  for (std::size_t i = 0; i < kAcceptancePartyCount; ++i) {
    const auto& s = pw.acceptance[i];
    if (!note.empty()) note += "；";
    note += StrCat(ZhOf(static_cast<AcceptanceParty>(i)), "：",
                   s ? StrCat(s->person, " ", s->on.ToString()) : std::string("未签字"));
  }
  if (pw.satisfaction) {
    note += StrCat("；满意度表决 ", pw.satisfaction->vote, "（", pw.satisfaction->rule, "）",
                   pw.satisfaction->agree, "/", pw.satisfaction->total,
                   pw.satisfaction->passed ? " 通过" : " 未通过");
  }
  v.note = std::move(note);
  return v;
}

absl::StatusOr<Evidence> EvidenceFromInspection(const Works& works, std::string_view inspection) {
  if (const auto k = works.FindInspection(inspection)) {
    const InspectionRecorded& i = works.inspections()[*k];
    Evidence v;
    v.kind = EvidenceKind::kAcceptance;
    v.id = i.id;
    v.rule = std::string(kStepInspectionRule);
    v.passed = i.passed;
    v.note = StrCat(i.item, "（", i.location, "）", i.conclusion, "；", i.inspector, " ", i.on.ToString());
    return v;
  }
  return absl::NotFoundError(StrCat("inspection \"", inspection, "\": unknown inspection"));
}

}  // namespace renewal
