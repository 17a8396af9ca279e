// RENEWAL_RETURN_IF_ERROR and RENEWAL_ASSIGN_OR_RETURN: the OK path goes on, the
// error path returns the very status it was given (code and message unchanged).
#include "renewal/base/status_macros.h"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gtest/gtest.h"

namespace renewal {
namespace {

absl::Status Check(bool ok) {
  if (ok) return absl::OkStatus();
  return absl::InvalidArgumentError("estate \"E-017\": bad");
}

absl::StatusOr<int> Number(bool ok, int n) {
  if (ok) return n;
  return absl::NotFoundError("no number");
}

absl::StatusOr<std::unique_ptr<int>> Boxed(bool ok, int n) {
  if (ok) return std::make_unique<int>(n);
  return absl::FailedPreconditionError("no box");
}

absl::StatusOr<std::vector<int>> Numbers(bool ok) {
  if (ok) return std::vector<int>{1, 2, 3};
  return absl::DataLossError("no numbers");
}

// Counts how often the expression is evaluated: once, whatever the outcome.
absl::Status ReturnIfError(bool ok, int* reached, int* evaluated) {
  RENEWAL_RETURN_IF_ERROR((++*evaluated, Check(ok)));
  ++*reached;
  return absl::OkStatus();
}

TEST(StatusMacrosTest, ReturnIfErrorOkGoesOn) {
  int reached = 0, evaluated = 0;
  EXPECT_TRUE(ReturnIfError(true, &reached, &evaluated).ok());
  EXPECT_EQ(reached, 1);
  EXPECT_EQ(evaluated, 1);
}

TEST(StatusMacrosTest, ReturnIfErrorPassesTheErrorThroughUnchanged) {
  int reached = 0, evaluated = 0;
  absl::Status s = ReturnIfError(false, &reached, &evaluated);
  EXPECT_EQ(s, absl::InvalidArgumentError("estate \"E-017\": bad"));
  EXPECT_EQ(reached, 0);
  EXPECT_EQ(evaluated, 1);
}

// In a function that returns a StatusOr, the error becomes that StatusOr's status.
absl::StatusOr<std::string> ReturnIfErrorInStatusOr(bool ok) {
  RENEWAL_RETURN_IF_ERROR(Check(ok));
  return std::string("done");
}

TEST(StatusMacrosTest, ReturnIfErrorInAFunctionReturningStatusOr) {
  EXPECT_EQ(*ReturnIfErrorInStatusOr(true), "done");
  EXPECT_EQ(ReturnIfErrorInStatusOr(false).status(),
            absl::InvalidArgumentError("estate \"E-017\": bad"));
}

absl::StatusOr<int> AddTwo(bool first_ok, bool second_ok) {
  RENEWAL_ASSIGN_OR_RETURN(auto a, Number(first_ok, 40));
  RENEWAL_ASSIGN_OR_RETURN(const int b, Number(second_ok, 2));
  return a + b;
}

TEST(StatusMacrosTest, AssignOrReturnDeclares) {
  EXPECT_EQ(*AddTwo(true, true), 42);
}

TEST(StatusMacrosTest, AssignOrReturnPassesTheErrorThroughUnchanged) {
  EXPECT_EQ(AddTwo(false, true).status(), absl::NotFoundError("no number"));
  EXPECT_EQ(AddTwo(true, false).status(), absl::NotFoundError("no number"));
}

// An existing variable is assigned, and left alone on error.
absl::Status AssignExisting(bool ok, int* out) {
  RENEWAL_ASSIGN_OR_RETURN(*out, Number(ok, 7));
  return absl::OkStatus();
}

TEST(StatusMacrosTest, AssignOrReturnAssignsAnExistingVariable) {
  int out = -1;
  EXPECT_TRUE(AssignExisting(true, &out).ok());
  EXPECT_EQ(out, 7);
  out = -1;
  EXPECT_EQ(AssignExisting(false, &out), absl::NotFoundError("no number"));
  EXPECT_EQ(out, -1);
}

// A move-only value is moved out of the StatusOr.
absl::StatusOr<int> Unbox(bool ok) {
  RENEWAL_ASSIGN_OR_RETURN(std::unique_ptr<int> box, Boxed(ok, 5));
  return *box;
}

TEST(StatusMacrosTest, AssignOrReturnMovesAMoveOnlyValue) {
  EXPECT_EQ(*Unbox(true), 5);
  EXPECT_EQ(Unbox(false).status(), absl::FailedPreconditionError("no box"));
}

// A reference declaration refers to the value inside the hidden StatusOr.
absl::StatusOr<std::size_t> Length(bool ok) {
  RENEWAL_ASSIGN_OR_RETURN(const std::vector<int>& v, Numbers(ok));
  return v.size();
}

TEST(StatusMacrosTest, AssignOrReturnBindsAReference) {
  EXPECT_EQ(*Length(true), 3u);
  EXPECT_EQ(Length(false).status(), absl::DataLossError("no numbers"));
}

// Template arguments with commas: in the expression as they are, in the
// declaration between parentheses. Two uses in one function get distinct
// temporaries.
absl::StatusOr<std::map<std::string, int>> Table(bool ok) {
  if (!ok) return absl::InternalError("no table");
  return std::map<std::string, int>{{"a", 1}, {"b", 2}};
}

absl::StatusOr<std::size_t> Commas(bool ok) {
  RENEWAL_ASSIGN_OR_RETURN((std::map<std::string, int> t), Table(ok));
  RENEWAL_ASSIGN_OR_RETURN(std::vector<int> v,
                           absl::StatusOr<std::vector<int>>(std::vector<int>{1, 2, 3}));
  return t.size() + v.size();
}

TEST(StatusMacrosTest, AssignOrReturnWithCommas) {
  EXPECT_EQ(*Commas(true), 5u);
  EXPECT_EQ(Commas(false).status(), absl::InternalError("no table"));
}

}  // namespace
}  // namespace renewal
