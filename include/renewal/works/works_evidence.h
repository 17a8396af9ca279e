// The works' acceptance records as the progress area's evidence: the joint completion
// acceptance (every party's signature, and the residents' satisfaction vote where the
// works policy asks for one) and the step inspections (举牌验收). As with votes
// (EvidenceFromVote), these are the only way the library builds such evidence: an
// incomplete acceptance or a failed inspection gives evidence that did not pass, which
// can be recorded but never cited by a transition (docs/works.md).
#ifndef RENEWAL_WORKS_WORKS_EVIDENCE_H_
#define RENEWAL_WORKS_WORKS_EVIDENCE_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "renewal/progress/progress.h"
#include "renewal/works/works.h"

namespace renewal {

/// The evidence ID of a project's complete joint acceptance: "<project>/joint_acceptance";
/// an incomplete form's evidence adds how many parties have signed ("/5-of-6").
std::string JointAcceptanceEvidenceId(std::string_view project);

/// The evidence the project's joint completion acceptance gives: kind acceptance, rule
/// kJointAcceptanceRule, passed only when every party has signed (which the works
/// allow only after a passed satisfaction vote where the policy asks for one); the
/// note lists who signed and the vote. NotFound for a project the works do not know.
absl::StatusOr<Evidence> EvidenceFromAcceptance(const Works& works, std::string_view project);

/// The evidence a recorded step inspection gives: kind acceptance, rule
/// kStepInspectionRule, its ID, passed as inspected. NotFound for an unknown inspection.
absl::StatusOr<Evidence> EvidenceFromInspection(const Works& works, std::string_view inspection);

}  // namespace renewal

#endif  // RENEWAL_WORKS_WORKS_EVIDENCE_H_
