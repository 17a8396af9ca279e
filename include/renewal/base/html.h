// HTML text and attribute values, escaped: the one escaper of the areas that write
// HTML pages (the map page, the opinions notice). Not installed.
#ifndef RENEWAL_BASE_HTML_H_
#define RENEWAL_BASE_HTML_H_

#include <string>
#include <string_view>

namespace renewal::internal {

// & < > " ' as character references; everything else as it is (UTF-8 passes).
std::string EscapeHtml(std::string_view text);

}  // namespace renewal::internal

#endif  // RENEWAL_BASE_HTML_H_
