// renewal._core: the compiled half of the `renewal` package.
#include "bindings.h"

#include <string>

namespace renewal::python {

// One binding file per submodule (python/src/register_<area>.cc), called in the order
// written in PYBIND11_MODULE below (boost-histogram's module.cpp).
void register_registry(py::module_& m);  // renewal._core.Registry, named by the others
void register_labels(py::module_& m);    // renewal._core.labels, label_codes
void register_eligibility(py::module_& eligibility);
void register_funding(py::module_& funding);
void register_generate(py::module_& generate);
void register_ledger(py::module_& ledger);
void register_plan(py::module_& plan);
void register_progress(py::module_& progress);
void register_scheme(py::module_& scheme);
void register_votes(py::module_& votes);
void register_works(py::module_& works);

namespace {

// Exception classes, created once at import (OpenTimelineIO's exception bindings).
struct Errors {
  py::object base, invalid_argument, not_found, already_exists, failed_precondition,
      out_of_range, resource_exhausted, data_loss, deadline_exceeded, internal, missing_file;
};
Errors* errors = nullptr;

py::object MakeError(py::module_& m, const char* name, py::tuple bases, const char* doc) {
  const std::string qualified = std::string("renewal._core.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
  if (type == nullptr) throw py::error_already_set();
  py::object cls = py::reinterpret_steal<py::object>(type);
  m.attr(name) = cls;
  return cls;
}

}  // namespace

void ThrowStatus(const absl::Status& status) {
  py::object cls = errors->internal;
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument: cls = errors->invalid_argument; break;
    case absl::StatusCode::kNotFound:
      // The one form of a missing input file (renewal/base/file.h): also a
      // FileNotFoundError, so that `except FileNotFoundError` works as for open().
      cls = status.message().find(": cannot open file: ") != absl::string_view::npos
                ? errors->missing_file
                : errors->not_found;
      break;
    case absl::StatusCode::kAlreadyExists: cls = errors->already_exists; break;
    case absl::StatusCode::kFailedPrecondition: cls = errors->failed_precondition; break;
    case absl::StatusCode::kOutOfRange: cls = errors->out_of_range; break;
    case absl::StatusCode::kResourceExhausted: cls = errors->resource_exhausted; break;
    case absl::StatusCode::kDataLoss: cls = errors->data_loss; break;
    case absl::StatusCode::kDeadlineExceeded: cls = errors->deadline_exceeded; break;
    default: break;
  }
  PyErr_SetString(cls.ptr(), std::string(status.message()).c_str());
  throw py::error_already_set();
}

}  // namespace renewal::python

PYBIND11_MODULE(_core, m) {
  using renewal::python::MakeError;
  m.doc() = "Compiled core of renewal; import the `renewal` package instead.";
  auto* e = new renewal::python::Errors();  // lives as long as the interpreter
  py::handle builtins = py::module_::import("builtins");
  auto bases = [&](std::initializer_list<py::handle> hs) {
    py::tuple t(hs.size());
    std::size_t i = 0;
    for (py::handle h : hs) t[i++] = py::reinterpret_borrow<py::object>(h);
    return t;
  };
  e->base = MakeError(m, "Error", bases({PyExc_Exception}), "Base of every renewal error.");
  e->invalid_argument = MakeError(m, "InvalidArgumentError", bases({e->base, PyExc_ValueError}),
                                  "Bad input: the message names the record, field and value.");
  e->not_found = MakeError(m, "NotFoundError", bases({e->base, PyExc_KeyError}),
                           "A referenced record or file does not exist.");
  e->missing_file = MakeError(
      m, "MissingFileError", bases({PyExc_FileNotFoundError, e->not_found}),
      "An input file does not exist: a renewal.NotFoundError that is also a FileNotFoundError.");
  e->already_exists = MakeError(m, "AlreadyExistsError", bases({e->base, PyExc_ValueError}),
                                "A duplicate ID.");
  e->failed_precondition = MakeError(m, "FailedPreconditionError",
                                     bases({e->base, PyExc_RuntimeError}),
                                     "The operation is not allowed in the current state.");
  e->out_of_range = MakeError(m, "OutOfRangeError", bases({e->base, PyExc_ValueError}),
                              "A number outside its allowed range, or an overflow.");
  e->resource_exhausted = MakeError(m, "ResourceExhaustedError",
                                    bases({e->base, PyExc_MemoryError}), "A capacity limit.");
  e->data_loss = MakeError(m, "DataLossError", bases({e->base, PyExc_IOError}),
                           "Stored data is corrupt or truncated.");
  e->deadline_exceeded = MakeError(m, "DeadlineExceededError",
                                   bases({e->base, PyExc_TimeoutError}),
                                   "Work stopped at its time limit; the message says how far it got.");
  e->internal = MakeError(m, "InternalError", bases({e->base, PyExc_RuntimeError}),
                          "A bug in renewal; please report it.");
  (void)builtins;
  renewal::python::errors = e;

  using namespace renewal::python;
  // The Registry class first: the submodules' signatures name it.
  register_registry(m);
  register_labels(m);
  auto eligibility = m.def_submodule("eligibility", "Eligibility screening (改造范围).");
  register_eligibility(eligibility);
  auto funding = m.def_submodule("funding", "Funding sources and cost sharing (资金筹措).");
  register_funding(funding);
  auto generate = m.def_submodule("generate", "The deterministic synthetic city.");
  register_generate(generate);
  auto ledger = m.def_submodule(
      "ledger", "Maintenance fund ledger (住宅专项维修资金): deposits, uses, interest, statements.");
  register_ledger(ledger);
  auto plan = m.def_submodule("plan", "Programme planning: scoring, annual plan, menu choice.");
  register_plan(plan);
  auto progress = m.def_submodule(
      "progress", "Programme progress (项目进度): stages, evidence, money, reports.");
  register_progress(progress);
  auto scheme = m.def_submodule(
      "scheme", "Estate plans (一小区一方案): completeness, review, opinions.");
  register_scheme(scheme);
  auto votes = m.def_submodule("votes", "Owner votes and consultations (表决、征询).");
  register_votes(votes);
  auto works = m.def_submodule("works", "The works: complaints, change orders, acceptance (施工过程管理).");
  register_works(works);
  // `import renewal._core.plan` finds the submodules (as for a package), so that tools
  // such as mypy's stubtest read them against renewal/_core/<area>.pyi.
  py::dict modules = py::module_::import("sys").attr("modules");
  for (const py::module_& sub : {eligibility, funding, generate, ledger, plan, progress, scheme, votes, works}) {
    modules[sub.attr("__name__")] = sub;
  }
}
