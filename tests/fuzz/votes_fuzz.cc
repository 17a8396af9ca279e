// Votes' documents: ballots (against the sample estate), vote rules (round trip),
// elevator applications. The first byte picks the reader.
#include "fuzz_support.h"
#include "renewal/votes/vote_consult_json.h"
#include "renewal/votes/vote_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  if (size == 0) return 0;
  const Registry& registry = fuzz::SampleRegistry("examples/votes/estate.json");
  const std::string_view text = fuzz::Text(data + 1, size - 1);
  switch (data[0] % 3) {
    case 0: {
      absl::StatusOr<VoteDocument> doc = ParseVoteDocument(registry, text);
      if (doc.ok()) {
        ConsultationInput input;
        (void)AddConsultationRound(*std::move(doc), &input);
      }
      break;
    }
    case 1: {
      absl::StatusOr<VoteRule> rule = ParseVoteRuleJson(text);
      if (rule.ok()) {
        const std::string json = VoteRuleToJson(*rule);
        absl::StatusOr<VoteRule> again = ParseVoteRuleJson(json);
        fuzz::Check(again.ok() && VoteRuleToJson(*again) == json, "a written rule reads back");
      }
      break;
    }
    default:
      (void)ParseElevatorApplications(registry, text);
  }
  return 0;
}
