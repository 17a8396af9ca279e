#include "renewal/base/json_write.h"

namespace renewal::internal {

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (u < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[u >> 4];
          out += kHex[u & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void WriteJsonString(std::ostream& out, std::string_view text) {
  thread_local std::string literal;  // reused: a registry writes millions of strings
  literal.clear();
  AppendJsonString(literal, text);
  out.write(literal.data(), static_cast<std::streamsize>(literal.size()));
}

}  // namespace renewal::internal
