// The one file reader: its content, and each error naming the file and the reason.
#include "renewal/base/file.h"

#include <filesystem>
#include <fstream>
#include <iterator>

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

// gzip is decompressed by its magic bytes; the content is what `gzip` would give back.
TEST(ReadFileToString, GzipIsDecompressed) {
  const fs::path p = Scratch("city.json.gz");
  std::string text;
  for (int i = 0; i < 50'000; ++i) text += "{\"estate\": " + std::to_string(i) + "}\n";
  ASSERT_TRUE(WriteFileAtomically(p.string(), [&](std::ostream& out) {
                out << text;
                return absl::OkStatus();
              }).ok());
  std::string raw;
  {
    std::ifstream in(p, std::ios::binary);
    raw.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GE(raw.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(raw[0]), 0x1f);  // gzip's magic: it was compressed
  EXPECT_EQ(static_cast<unsigned char>(raw[1]), 0x8b);
  EXPECT_LT(raw.size(), text.size() / 4);
  absl::StatusOr<std::string> read = ReadFileToString(p.string());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, text);

  // Two members one after the other (cat a.gz b.gz) read as one text.
  const fs::path twice = Scratch("twice.json.gz");
  std::ofstream(twice, std::ios::binary) << raw << raw;
  read = ReadFileToString(twice.string());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, text + text);

  // Truncated: half the bytes.
  const fs::path cut = Scratch("cut.json.gz");
  std::ofstream(cut, std::ios::binary) << raw.substr(0, raw.size() / 2);
  read = ReadFileToString(cut.string());
  EXPECT_EQ(read.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(read.status().message(), cut.string() + ": gzip data ends early (truncated file)");

  // Corrupt: the deflate data overwritten after the 10-byte header.
  const fs::path bad = Scratch("bad.json.gz");
  std::ofstream(bad, std::ios::binary) << std::string("\x1f\x8b\x08\x00\0\0\0\0\0\x03", 10)
                                       << std::string(64, '\xff');
  read = ReadFileToString(bad.string());
  EXPECT_EQ(read.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(read.status().message().substr(0, bad.string().size() + 20),
            bad.string() + ": corrupt gzip data:");
}

TEST(ReadFileToString, GzNameThatIsNotGzipIsRefused) {
  const fs::path p = Scratch("plain.json.gz");
  std::ofstream(p, std::ios::binary) << "{}";
  absl::StatusOr<std::string> read = ReadFileToString(p.string());
  EXPECT_EQ(read.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(read.status().message(), p.string() + ": named .gz but not gzip-compressed");
}

// A write that fails leaves the old file and no temporary beside it.
TEST(WriteFileAtomically, FailureLeavesTheFileAsItWas) {
  const fs::path dir = Scratch("atomic");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path p = dir / "out.json";
  std::ofstream(p, std::ios::binary) << "old";
  const absl::Status s = WriteFileAtomically(p.string(), [](std::ostream& out) {
    out << "half of a new file";
    return absl::InvalidArgumentError("estates[3] name: empty");
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "estates[3] name: empty");
  std::ifstream in(p, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "old");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);

  ASSERT_TRUE(WriteFileAtomically(p.string(), [](std::ostream& out) {
                out << "new";
                return absl::OkStatus();
              }).ok());
  std::ifstream again(p, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(again), {}), "new");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
  EXPECT_EQ(WriteFileAtomically("/nonexistent/dir/x.json",
                                [](std::ostream&) { return absl::OkStatus(); })
                .code(),
            absl::StatusCode::kNotFound);
}

TEST(Prefixed, KeepsTheCodeAndOk) {
  EXPECT_TRUE(Prefixed(absl::OkStatus(), "x").ok());
  const absl::Status s = Prefixed(absl::NotFoundError("a: b"), "journal");
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "journal: a: b");
}

}  // namespace
}  // namespace renewal::internal
