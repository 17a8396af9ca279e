// renewal._core.generate: the deterministic synthetic city (renewal/registry/generate.h).
#include "bindings.h"

#include <cstdint>
#include <utility>

#include "renewal/registry/generate.h"
#include "renewal/registry/registry.h"

namespace renewal::python {
namespace {

Registry Generate(std::uint64_t estates, std::uint64_t seed, std::uint32_t scale) {
  GenerateOptions o;
  o.estates = estates;
  o.seed = seed;
  o.households_scale_pct = scale;
  absl::StatusOr<Registry> r;
  {
    py::gil_scoped_release release;
    r = GenerateCity(o);
  }
  return ValueOrThrow(std::move(r));
}

}  // namespace

void register_generate(py::module_& g) {
  g.def("generate", &Generate, py::arg("estates") = 1233, py::arg("seed") = 3,
        py::arg("households_scale_pct") = 100,
        "A synthetic city shaped like seed 003's (1,233 estates, 166,800 households,\n"
        "5 districts). The same arguments give the identical registry on every platform.\n\n"
        ":param estates: number of estates (1..10,000,000).\n"
        ":param seed: PRNG seed.\n"
        ":param households_scale_pct: households per estate relative to 135.3 (30..1000).\n"
        ":returns: a :class:`renewal.Registry`.\n"
        ":raises InvalidArgumentError: options out of range.");
  g.def("target_households", [](std::uint64_t estates, std::uint32_t scale) {
    GenerateOptions o;
    o.estates = estates;
    o.households_scale_pct = scale;
    return TargetHouseholds(o);
  }, py::arg("estates") = 1233, py::arg("households_scale_pct") = 100,
        "The exact number of households generate() makes for these options.");
}

}  // namespace renewal::python
