// The one file reader: its content, and each error naming the file and the reason.
#include "renewal/base/file.h"

#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"

namespace renewal::internal {
namespace {

namespace fs = std::filesystem;

fs::path Scratch(const char* name) {
  fs::path dir = fs::temp_directory_path() / "renewal_file_test";
  fs::create_directories(dir);
  return dir / name;
}

TEST(ReadFileToString, ReadsEveryByte) {
  const fs::path p = Scratch("bytes.bin");
  std::string bytes(200'000, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
  bytes[0] = '{';  // not a gzip magic
  std::ofstream(p, std::ios::binary) << bytes;
  absl::StatusOr<std::string> read = ReadFileToString(p.string());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, bytes);
}

TEST(ReadFileToString, MissingFileIsNotFoundNamingIt) {
  absl::StatusOr<std::string> read = ReadFileToString("/nonexistent/x.json");
  EXPECT_EQ(read.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(read.status().message(),
            "/nonexistent/x.json: cannot open file: no such file or directory");
}

TEST(ReadFileToString, DirectoryIsInvalidArgument) {
  const fs::path dir = Scratch("a_directory.json");
  fs::create_directories(dir);
  absl::StatusOr<std::string> read = ReadFileToString(dir.string());
  EXPECT_EQ(read.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(read.status().message(), dir.string() + ": is a directory, not a file");
}

TEST(ReadFileToString, GzipIsRecognised) {
  const fs::path p = Scratch("city.json.gz");
  std::ofstream(p, std::ios::binary) << std::string("\x1f\x8b\x08\x00rest", 8);
  absl::StatusOr<std::string> read = ReadFileToString(p.string());
  EXPECT_EQ(read.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(read.status().message(), p.string() + ": gzip-compressed; decompress it first (gunzip)");
}

TEST(Prefixed, KeepsTheCodeAndOk) {
  EXPECT_TRUE(Prefixed(absl::OkStatus(), "x").ok());
  const absl::Status s = Prefixed(absl::NotFoundError("a: b"), "journal");
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "journal: a: b");
}

}  // namespace
}  // namespace renewal::internal
