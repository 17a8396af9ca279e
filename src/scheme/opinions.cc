// The opinions register in public: masked dwellings, the notice of answers in
// Markdown and HTML (Chinese), and the register as JSON.
#include "renewal/scheme/opinions.h"

#include <algorithm>

#include "renewal/base/html.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

namespace json = boost::json;

std::string AnswerZh(const Opinion& o) {
  switch (o.answer) {
    case OpinionAnswer::kAdopted: return StrCat("采纳：", o.change);
    case OpinionAnswer::kNotAdopted: return StrCat("不予采纳：", o.explanation);
    case OpinionAnswer::kPending: break;
  }
  return "待答复";
}

// Markdown table cells: a '|' or a line break would end the cell.
std::string Cell(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (c == '|') s += "\\|";
    else if (c == '\n' || c == '\r') s += ' ';
    else s += c;
  }
  return s;
}

std::string Heading(const SchemePlan& plan, std::string_view estate_name) {
  return StrCat(estate_name.empty() ? plan.estate : std::string(estate_name),
                "改造方案征询意见答复公示");
}

}  // namespace

std::string MaskDwelling(std::string_view id) {
  const std::size_t dash = id.rfind('-');
  if (dash == std::string_view::npos) return "***";
  return StrCat(id.substr(0, dash + 1), "***");
}

std::vector<std::string> ObjectorsOfRound(const SchemePlan& plan, int round) {
  std::vector<std::string> out;
  for (const Opinion& o : plan.opinions) {
    if (o.round == round && o.objection) out.push_back(o.dwelling);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string OpinionsNoticeMarkdown(const SchemePlan& plan, std::string_view estate_name) {
  std::string s = StrCat("# ", Cell(Heading(plan, estate_name)), "\n\n",
                         "方案编号：", Cell(plan.id), "。共收到意见", plan.opinions.size(),
                         "条，答复如下（房号已隐去）。\n\n",
                         "| 轮次 | 日期 | 房屋 | 意见 | 答复 |\n|---|---|---|---|---|\n");
  for (const Opinion& o : plan.opinions) {
    s += StrCat("| 第", o.round, "轮 | ", o.date.text, " | ", Cell(MaskDwelling(o.dwelling)), " | ",
                Cell(o.text), " | ", Cell(AnswerZh(o)), " |\n");
  }
  return s;
}

std::string OpinionsNoticeHtml(const SchemePlan& plan, std::string_view estate_name) {
  std::string s = StrCat("<section class=\"renewal-opinions\">\n<h1>",
                         internal::EscapeHtml(Heading(plan, estate_name)), "</h1>\n<p>方案编号：", internal::EscapeHtml(plan.id),
                         "。共收到意见", plan.opinions.size(),
                         "条，答复如下（房号已隐去）。</p>\n<table>\n<thead><tr><th>轮次</th>"
                         "<th>日期</th><th>房屋</th><th>意见</th><th>答复</th></tr></thead>\n<tbody>\n");
  for (const Opinion& o : plan.opinions) {
    s += StrCat("<tr><td>第", o.round, "轮</td><td>", o.date.text, "</td><td>",
                internal::EscapeHtml(MaskDwelling(o.dwelling)), "</td><td>", internal::EscapeHtml(o.text), "</td><td>",
                internal::EscapeHtml(AnswerZh(o)), "</td></tr>\n");
  }
  return s + "</tbody>\n</table>\n</section>\n";
}

std::string OpinionsToJson(const SchemePlan& plan, bool masked) {
  json::array rows;
  for (const Opinion& o : plan.opinions) {
    rows.push_back(json::object{
        {"id", o.id},
        {"dwelling", masked ? MaskDwelling(o.dwelling) : o.dwelling},
        {"date", o.date.text},
        {"round", o.round},
        {"objection", o.objection},
        {"opinion", o.text},
        {"answer", KeyOf(o.answer)},
        {"change", o.change},
        {"explanation", o.explanation}});
  }
  return json::serialize(json::object{{"format", "renewal.scheme-opinions"},
                                      {"plan", plan.id},
                                      {"estate", plan.estate},
                                      {"masked", masked},
                                      {"opinions", std::move(rows)}}) +
         "\n";
}

}  // namespace renewal
