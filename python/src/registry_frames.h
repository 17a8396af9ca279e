// Registry methods for the typed frames (renewal/frames.py): the raw columns of a
// table, the registry from columns, and the vectorised ID lookups.
#ifndef RENEWAL_PYTHON_REGISTRY_FRAMES_H_
#define RENEWAL_PYTHON_REGISTRY_FRAMES_H_

#include "bindings.h"
#include "renewal/registry/registry.h"

namespace renewal::python {

void register_registry_frames(py::class_<Registry>& c);

}  // namespace renewal::python

#endif  // RENEWAL_PYTHON_REGISTRY_FRAMES_H_
