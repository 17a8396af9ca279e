// The public notice (公示): Markdown for the notice wall and the same content as JSON.
#include "renewal/votes/vote_notice.h"

#include <boost/json.hpp>

#include <array>
#include <vector>

#include "renewal/votes/vote_json.h"
#include "renewal/base/strcat.h"

namespace renewal {

namespace {

template <class... Args>
void StrAppend(std::string* out, const Args&... args) {
  out->append(StrCat(args...));
}

// Byte length of the UTF-8 sequence starting with `c`; 0 when `c` cannot start one.
std::size_t Utf8Length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 0;
}

std::vector<std::string_view> CodePoints(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = Utf8Length(static_cast<unsigned char>(s[i]));
    if (n == 0 || i + n > s.size()) n = 1;  // invalid: one byte, masked like any other
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// Common compound surnames (复姓).
constexpr std::array<std::string_view, 30> kCompoundSurnames = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
    "宇文", "司徒", "夏侯", "令狐", "轩辕", "端木", "独孤", "南宫", "西门", "百里",
    "呼延", "澹台", "公冶", "太史", "申屠", "钟离", "闻人", "赫连", "万俟", "司空"};

std::string OwnersText(const Registry& r, Index d) {
  std::string out;
  for (Index o : r.OwnersOf(d)) {
    const OwnerView v = r.owner(o);
    out += out.empty() ? "" : "、";
    out += v.kind == OwnerKind::kPerson ? MaskPersonName(v.name) : std::string(ZhOf(v.kind));
  }
  return out.empty() ? "（无登记业主）" : out;
}

std::string_view ChoiceText(DwellingChoice c) {
  switch (c) {
    case DwellingChoice::kAgree: return "同意";
    case DwellingChoice::kDisagree: return "不同意";
    case DwellingChoice::kAbstain: return "弃权";
    case DwellingChoice::kNone: return "未表决";
  }
  return "";
}

std::string M2(std::int64_t centi) { return Area::Centi(centi).ToString(); }

}  // namespace

std::string MaskPersonName(std::string_view name) {
  const std::vector<std::string_view> cps = CodePoints(name);
  if (cps.size() <= 1) return "*";
  std::size_t keep = 1;
  if (cps.size() >= 3) {
    const std::string two = StrCat(cps[0], cps[1]);
    for (std::string_view s : kCompoundSurnames) keep = two == s ? 2 : keep;
  }
  std::string out;
  for (std::size_t k = 0; k < keep; ++k) out += cps[k];
  out.append(cps.size() - keep, '*');
  return out;
}

std::string NoticeMarkdown(const Registry& r, const Vote& vote, const VoteOutcome& out) {
  std::string md;
  StrAppend(&md, "# 业主表决结果公示\n\n");
  StrAppend(&md, "- 表决事项：", ZhOf(vote.matter), "（", vote.id, "）\n");
  StrAppend(&md, "- 表决范围：", VoteScopeZh(vote.scope), "\n");
  StrAppend(&md, "- 表决时间：", FormatVoteTime(vote.opens), " 至 ", FormatVoteTime(vote.closes), "\n");
  StrAppend(&md, "- 表决规则：", vote.rule.title.empty() ? vote.rule.name : vote.rule.title, "（",
            vote.rule.source, "）\n");
  StrAppend(&md, "- 表决结果：**", out.passed ? "通过" : "未通过", "**\n\n");
  StrAppend(&md, "## 计票\n\n| 项目 | 实际 | 门槛 | 结果 |\n|---|---|---|---|\n");
  for (const ThresholdResult& t : out.tests) {
    const bool area = t.test.basis == VoteBasis::kArea;
    StrAppend(&md, "| ", ZhOf(t.test.counted), area ? "面积" : "人数", "占", ZhOf(t.test.over),
              area ? "面积" : "人数", " | ",
              area ? StrCat(M2(t.numerator), " / ", M2(t.denominator), " m²")
                   : StrCat(t.numerator, " / ", t.denominator, " 人"),
              " = ", VotePercent(t.numerator, t.denominator), " | ",
              t.test.comparison == VoteComparison::kAtLeast ? "≥ " : "> ",
              ThresholdToString(t.test.threshold), " | ", t.passed ? "通过" : "未通过", " |\n");
  }
  StrAppend(&md, "\n有效票 ", out.count(BallotStatus::kAccepted), " 张；被同一人后投选票取代 ",
            out.count(BallotStatus::kSuperseded), " 张；共有人一致票 ",
            out.count(BallotStatus::kConcurring), " 张；无效票 ", out.rejected(), " 张");
  std::string reasons;
  for (std::size_t k = 0; k < kBallotStatusCount; ++k) {
    const auto st = static_cast<BallotStatus>(k);
    if (IsRejection(st) && out.status_counts[k] > 0) {
      StrAppend(&reasons, reasons.empty() ? "" : "，", ZhOf(st), " ", out.status_counts[k], " 张");
    }
  }
  StrAppend(&md, reasons.empty() ? "" : StrCat("（", reasons, "）"), "。\n\n");
  StrAppend(&md, "## 分楼栋、单元结果\n\n| 楼栋 | 单元 | 户数 | 同意 | 不同意 | 弃权 | 未表决 | 同意面积占比 |\n"
                 "|---|---|---|---|---|---|---|---|\n");
  for (const GroupTally& g : out.entrances) {
    const std::int64_t none = g.dwellings - g.dwellings_agree - g.dwellings_disagree - g.dwellings_abstain;
    StrAppend(&md, "| ", r.building(g.building).name, " | ", r.entrance(g.entrance).id, " | ",
              g.dwellings, " | ", g.dwellings_agree, " | ", g.dwellings_disagree, " | ",
              g.dwellings_abstain, " | ", none, " | ", VotePercent(g.area_agree, g.area_total), " |\n");
  }
  if (!out.scope_dwellings.empty()) {
    StrAppend(&md, "\n## 分户表决意见\n");
    Index entrance = kNoIndex;
    for (std::size_t k = 0; k < out.scope_dwellings.size(); ++k) {
      const Index d = out.scope_dwellings[k];
      const DwellingView dv = r.dwelling(d);
      if (dv.entrance != entrance) {
        entrance = dv.entrance;
        const EntranceView ev = r.entrance(entrance);
        StrAppend(&md, "\n### ", r.building(ev.building).name, " ", ev.id,
                  "单元\n\n| 房号 | 业主 | 意见 |\n|---|---|---|\n");
      }
      StrAppend(&md, "| ", dv.id, " | ", OwnersText(r, d), " | ", ChoiceText(out.dwelling_choice[k]),
                " |\n");
    }
  }
  StrAppend(&md, "\n如对表决结果有异议，请于公示期内向业主委员会或社区提出。\n");
  return md;
}

std::string NoticeJson(const Registry& r, const Vote& vote, const VoteOutcome& out) {
  namespace json = boost::json;
  json::object root;
  root["vote"] = vote.id;
  root["matter"] = ZhOf(vote.matter);
  root["scope"] = VoteScopeZh(vote.scope);
  root["opens"] = FormatVoteTime(vote.opens);
  root["closes"] = FormatVoteTime(vote.closes);
  root["rule"] = vote.rule.title.empty() ? vote.rule.name : vote.rule.title;
  root["rule_source"] = vote.rule.source;
  root["passed"] = out.passed;
  json::array tests;
  for (const ThresholdResult& t : out.tests) {
    json::object o;
    o["name"] = t.test.name;
    o["numerator"] = t.numerator;
    o["denominator"] = t.denominator;
    o["pct"] = VotePercent(t.numerator, t.denominator);
    o["threshold"] = ThresholdToString(t.test.threshold);
    o["comparison"] = KeyOf(t.test.comparison);
    o["passed"] = t.passed;
    tests.push_back(std::move(o));
  }
  root["tests"] = std::move(tests);
  json::object counts;
  for (std::size_t k = 0; k < kBallotStatusCount; ++k) {
    counts[KeyOf(static_cast<BallotStatus>(k))] = out.status_counts[k];
  }
  root["ballot_counts"] = std::move(counts);
  json::array entrances;
  for (const GroupTally& g : out.entrances) {
    json::object o;
    o["building"] = r.building(g.building).name;
    o["entrance"] = r.entrance(g.entrance).id;
    o["dwellings"] = g.dwellings;
    o["agree"] = g.dwellings_agree;
    o["disagree"] = g.dwellings_disagree;
    o["abstain"] = g.dwellings_abstain;
    o["not_voted"] = g.dwellings - g.dwellings_agree - g.dwellings_disagree - g.dwellings_abstain;
    o["area_agree_pct"] = VotePercent(g.area_agree, g.area_total);
    entrances.push_back(std::move(o));
  }
  root["entrances"] = std::move(entrances);
  json::array dwellings;
  for (std::size_t k = 0; k < out.scope_dwellings.size(); ++k) {
    const Index d = out.scope_dwellings[k];
    const DwellingView dv = r.dwelling(d);
    const EntranceView ev = r.entrance(dv.entrance);
    json::object o;
    o["building"] = r.building(ev.building).name;
    o["entrance"] = ev.id;
    o["dwelling"] = dv.id;
    o["owners"] = OwnersText(r, d);
    o["choice"] = ChoiceText(out.dwelling_choice[k]);
    dwellings.push_back(std::move(o));
  }
  root["dwellings"] = std::move(dwellings);
  return json::serialize(root);
}

}  // namespace renewal
