// Writing JSON by hand: string literals with the escapes RFC 8259 requires. For the
// project's own areas (not installed).
#ifndef RENEWAL_BASE_JSON_WRITE_H_
#define RENEWAL_BASE_JSON_WRITE_H_

#include <ostream>
#include <string>
#include <string_view>

namespace renewal::internal {

// Appends `text` to `out` as a JSON string literal (quotes included): `"` and `\`
// escaped, \n \r \t by name, other control characters as \u00XX; UTF-8 as is.
void AppendJsonString(std::string& out, std::string_view text);

// The same literal written to a stream.
void WriteJsonString(std::ostream& out, std::string_view text);

}  // namespace renewal::internal

#endif  // RENEWAL_BASE_JSON_WRITE_H_
