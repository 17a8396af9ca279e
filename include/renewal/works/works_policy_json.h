// The works policies from JSON (docs/schemas/works-policy.schema.json): each section
// (complaints, changes, acceptance, warranty, appointments) is a preset's name or an
// object stating the policy; an absent section is the default preset.
#ifndef RENEWAL_WORKS_WORKS_POLICY_JSON_H_
#define RENEWAL_WORKS_WORKS_POLICY_JSON_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "renewal/works/works_policy.h"

namespace renewal {

/// A policy document. Duplicate keys, unknown fields, a wrong type, an unknown preset
/// or a value ValidateWorksPolicy refuses is InvalidArgument naming the field
/// ("works policy complaints.accept.amount: ...").
absl::StatusOr<WorksPolicy> ParseWorksPolicyJson(std::string_view text);
/// Reads a policy file (ReadFileToString); errors name the file.
absl::StatusOr<WorksPolicy> LoadWorksPolicyFile(const std::string& path);
/// "default" (DefaultWorksPolicy), or a path ending in ".json" read as above.
absl::StatusOr<WorksPolicy> WorksPolicyFromOption(std::string_view preset_or_file);
/// The policy as a JSON document (every section as an object); parsing it gives it back.
std::string WorksPolicyToJson(const WorksPolicy& policy);

}  // namespace renewal

#endif  // RENEWAL_WORKS_WORKS_POLICY_JSON_H_
