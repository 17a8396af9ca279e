// Plain-text tables for the terminal: column widths that count CJK characters as two.
#ifndef RENEWAL_CLI_TABLE_H_
#define RENEWAL_CLI_TABLE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace renewal::cli {

// Terminal columns a UTF-8 string takes: CJK and full-width characters count 2.
std::size_t DisplayWidth(std::string_view text);

// Rows of cells as an aligned table: the first row is the header, followed by a
// rule line. Columns listed in `right_aligned` (by index) are right-aligned.
std::string FormatTable(const std::vector<std::vector<std::string>>& rows,
                        const std::vector<std::size_t>& right_aligned = {});

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_TABLE_H_
