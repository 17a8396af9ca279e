// pabulib .pb reading and writing for menus (renewal/plan/pabulib.h).
#include "renewal/plan/pabulib.h"

#include <cstddef>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

// Splits one line at ';', honouring double quotes ("" inside quotes is a quote).
absl::StatusOr<std::vector<std::string>> Fields(std::string_view line, std::size_t number) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    // The format is one record a line: a control character (a stray CR, a NUL) in a
    // field could not be written back, so it is refused here, not silently changed.
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) {
      return absl::InvalidArgumentError(StrCat("line ", number, ": a control character (byte ",
                                               static_cast<int>(static_cast<unsigned char>(c)),
                                               ") at column ", i + 1));
    }
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"' && out.back().empty()) {
      quoted = true;
    } else if (c == ';') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  if (quoted) return absl::InvalidArgumentError(StrCat("line ", number, ": unclosed quote"));
  return out;
}

// "1234.5", "12", "100.000" → fen; more than two significant decimals, exponents,
// separators or signs other than a leading '-' are refused.
absl::StatusOr<Money> MoneyField(std::string_view text, std::string_view field,
                                 std::size_t number) {
  std::string t(text);
  if (const std::size_t dot = t.find('.'); dot != std::string::npos) {
    while (t.size() > dot + 3 && t.back() == '0') t.pop_back();
    if (t.size() == dot + 1) t.pop_back();  // "12." → "12"
  }
  absl::StatusOr<Money> m = Money::Parse(t);
  if (!m.ok()) {
    return absl::InvalidArgumentError(StrCat("line ", number, ": ", field, ": \"", text,
                                             "\" is not an exact amount in fen (", m.status().message(),
                                             ")"));
  }
  return m;
}

std::string Quote(std::string_view s) {
  if (s.find_first_of(";\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '\n' || c == '\r') c = ' ';
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

}  // namespace

absl::StatusOr<MenuInput> ParsePabulib(std::string_view text) {
  enum class Section { kNone, kMeta, kProjects, kVotes } section = Section::kNone;
  MenuInput in;
  bool have_budget = false, have_projects = false, have_votes = false;
  std::optional<std::vector<std::string>> header;
  std::size_t number = 0;
  std::optional<std::size_t> c_id, c_cost, c_name, c_required, c_voter, c_vote;
  absl::flat_hash_set<std::string> ids;
  auto column = [&](std::string_view name) -> std::optional<std::size_t> {
    for (std::size_t k = 0; k < header->size(); ++k) {
      if ((*header)[k] == name) return k;
    }
    return std::nullopt;
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // BOM
    if (line.empty()) continue;
    const std::string upper = [&] {
      std::string u(line);
      for (char& c : u) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      return u;
    }();
    if (upper == "META" || upper == "PROJECTS" || upper == "VOTES") {
      section = upper == "META" ? Section::kMeta
                : upper == "PROJECTS" ? Section::kProjects
                                      : Section::kVotes;
      if (section == Section::kVotes && !have_projects) {
        return absl::InvalidArgumentError(StrCat("line ", number, ": VOTES before PROJECTS"));
      }
      header.reset();
      continue;
    }
    if (section == Section::kNone) {
      return absl::InvalidArgumentError(
          StrCat("line ", number, ": expected a section (META, PROJECTS or VOTES)"));
    }
    absl::StatusOr<std::vector<std::string>> f = Fields(line, number);
    if (!f.ok()) return f.status();
    if (!header) {
      header = std::move(*f);
      if (section == Section::kProjects) {
        c_id = column("project_id"), c_cost = column("cost"), c_name = column("name");
        c_required = column("required");
        if (!c_id || !c_cost) {
          return absl::InvalidArgumentError(
              StrCat("line ", number, ": PROJECTS header must name project_id and cost"));
        }
        have_projects = true;
      } else if (section == Section::kVotes) {
        c_voter = column("voter_id"), c_vote = column("vote");
        if (!c_voter || !c_vote) {
          return absl::InvalidArgumentError(
              StrCat("line ", number, ": VOTES header must name voter_id and vote"));
        }
        have_votes = true;
      }
      continue;
    }
    if (section != Section::kMeta && f->size() != header->size()) {
      return absl::InvalidArgumentError(StrCat("line ", number, ": ", f->size(),
                                               " fields, the header has ", header->size()));
    }
    const std::vector<std::string>& row = *f;
    if (section == Section::kMeta) {
      if (row.size() < 2) {
        return absl::InvalidArgumentError(StrCat("line ", number, ": META rows are key;value"));
      }
      std::string value = row[1];  // a description may hold unquoted ';'
      for (std::size_t k = 2; k < row.size(); ++k) value += ";" + row[k];
      if (row[0] == "budget") {
        absl::StatusOr<Money> b = MoneyField(value, "budget", number);
        if (!b.ok()) return b.status();
        in.budget = *b;
        have_budget = true;
      } else if (row[0] == "vote_type" && value != "approval") {
        return absl::InvalidArgumentError(StrCat("line ", number, ": vote_type \"", value,
                                                 "\": only approval ballots are supported"));
      }
    } else if (section == Section::kProjects) {
      MenuItem m;
      m.id = row[*c_id];
      absl::StatusOr<Money> c = MoneyField(row[*c_cost], "cost", number);
      if (!c.ok()) return c.status();
      m.cost = *c;
      if (c_name) m.name = row[*c_name];
      if (c_required) {
        const std::string& r = row[*c_required];
        if (r == "1" || r == "true" || r == "True") {
          m.required = true;
          m.category = Category::kBasic;
        } else if (!(r.empty() || r == "0" || r == "false" || r == "False")) {
          return absl::InvalidArgumentError(
              StrCat("line ", number, ": required: \"", r, "\" is not 1 or 0"));
        }
      }
      ids.insert(m.id);
      in.items.push_back(std::move(m));
    } else {
      MenuBallot b;
      b.household_id = row[*c_voter];
      std::string_view vote = row[*c_vote];
      while (!vote.empty()) {
        const std::size_t comma = vote.find(',');
        std::string id(vote.substr(0, comma));
        vote = comma == std::string_view::npos ? std::string_view() : vote.substr(comma + 1);
        while (!id.empty() && id.front() == ' ') id.erase(id.begin());
        while (!id.empty() && id.back() == ' ') id.pop_back();
        if (id.empty()) continue;
        if (!ids.contains(id)) {
          return absl::InvalidArgumentError(
              StrCat("line ", number, ": vote: no project with id \"", id, "\""));
        }
        b.approved.push_back(std::move(id));
      }
      in.ballots.push_back(std::move(b));
    }
  }
  if (!have_budget) return absl::InvalidArgumentError("META: no budget");
  if (!have_projects) return absl::InvalidArgumentError("no PROJECTS section");
  if (!have_votes) return absl::InvalidArgumentError("no VOTES section");
  return in;
}

std::string MenuToPabulib(const MenuInput& menu) {
  bool any_required = false;
  for (const MenuItem& it : menu.items) any_required = any_required || it.required;
  std::string out = "META\nkey;value\ndescription;renewal menu\n";
  out += StrCat("num_projects;", menu.items.size(), "\nnum_votes;", menu.ballots.size(),
                "\nbudget;", menu.budget.ToYuanString(), "\nvote_type;approval\n");
  out += any_required ? "PROJECTS\nproject_id;cost;name;required\n" : "PROJECTS\nproject_id;cost;name\n";
  for (const MenuItem& it : menu.items) {
    out += StrCat(Quote(it.id), ";", it.cost.ToYuanString(), ";", Quote(it.name));
    if (any_required) out += it.required ? ";1" : ";0";
    out += "\n";
  }
  out += "VOTES\nvoter_id;vote\n";
  for (const MenuBallot& b : menu.ballots) {
    std::string vote;
    for (std::size_t k = 0; k < b.approved.size(); ++k) vote += (k ? "," : "") + b.approved[k];
    out += StrCat(Quote(b.household_id), ";", Quote(vote), "\n");
  }
  return out;
}

}  // namespace renewal
