#include "read_file.h"

#include <fstream>
#include <sstream>

namespace renewal::cli {

absl::StatusOr<std::string> ReadFile(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(std::string(what) + " file \"" + path + "\": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace renewal::cli
