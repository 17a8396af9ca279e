// The public notice (公示) of a vote's result for the estate notice wall: results
// by building and entrance, each dwelling's choice with the owner's name masked
// (张*, 欧阳**). No other personal data: no owner IDs, phone numbers or areas per
// dwelling.
#ifndef RENEWAL_VOTE_NOTICE_H_
#define RENEWAL_VOTE_NOTICE_H_

#include <string>
#include <string_view>

#include "renewal/registry/registry.h"
#include "renewal/votes/vote.h"

namespace renewal {

// Keeps the surname (two characters for compound surnames such as 欧阳, 司马,
// 诸葛) and replaces every further character with '*': 张三 → 张*, 张三丰 → 张**,
// 欧阳娜娜 → 欧阳**. A one-character name becomes "*"; invalid UTF-8 is masked
// byte by byte.
std::string MaskPersonName(std::string_view name);

// The notice as Markdown and as JSON (docs/schemas/vote-notice.schema.json).
// The per-dwelling list needs an outcome counted with per_dwelling = true.
std::string NoticeMarkdown(const Registry& registry, const Vote& vote, const VoteOutcome& outcome);
std::string NoticeJson(const Registry& registry, const Vote& vote, const VoteOutcome& outcome);

}  // namespace renewal

#endif  // RENEWAL_VOTE_NOTICE_H_
