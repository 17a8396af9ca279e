// Residents' opinions (征询意见) and the public notice of the answers (公示), as
// Changsha builds a plan through "两轮征询、两轮公示" (湘建城函〔2021〕161号): objections
// are answered, adopted by the designer or explained when not adopted; the second
// round goes to the objectors of the first (the votes area's RunConsultation asks
// only those not yet agreed). Dwellings are masked in anything public.
#ifndef RENEWAL_SCHEME_OPINIONS_H_
#define RENEWAL_SCHEME_OPINIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "renewal/registry/registry.h"
#include "renewal/scheme/scheme_plan.h"

namespace renewal {

/// A dwelling ID for public output: the last part (the room) hidden,
/// "E000025-03-1-502" → "E000025-03-1-***"; an ID without '-' → "***".
std::string MaskDwelling(std::string_view dwelling_id);

/// The dwellings of round `round`'s objections (objection true), sorted, unique:
/// those the next round must go back to.
std::vector<std::string> ObjectorsOfRound(const SchemePlan& plan, int round);

/// The public notice of the answers, in Chinese, with dwellings masked: a table of
/// round, date, masked dwelling, opinion, answer and the change or explanation.
std::string OpinionsNoticeMarkdown(const SchemePlan& plan, std::string_view estate_name);
/// The same as an HTML fragment (text escaped).
std::string OpinionsNoticeHtml(const SchemePlan& plan, std::string_view estate_name);

/// The register as JSON (docs/schemas/scheme-opinions.schema.json); `masked`
/// hides dwellings (for publication).
std::string OpinionsToJson(const SchemePlan& plan, bool masked);

}  // namespace renewal

#endif  // RENEWAL_SCHEME_OPINIONS_H_
