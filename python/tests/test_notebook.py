"""examples/analyst.ipynb runs clean: executed with `jupyter nbconvert --execute` on a
copy, with the built package on PYTHONPATH and a kernel that is this interpreter
(/usr/bin/python3 in the suite). Any error, any stderr output, and any warning about
missing glyphs or a changed matplotlib backend fails the test (docs/python.md,
"The analyst notebook")."""

import importlib.util
import json
import os
import pathlib
import re
import subprocess
import sys

import pytest

import renewal

if importlib.util.find_spec("nbconvert") is None:
    pytest.skip("jupyter-nbconvert is not installed (scripts/install-deps.sh installs it; CI has it)",
                allow_module_level=True)

# What matplotlib and pandas print when Chinese renders as boxes or pyplot was switched
# away from the inline backend.
BAD_TEXT = re.compile(r"Glyph \d+|missing from (current )?font|backend", re.IGNORECASE)
KERNEL = "renewal-python3"


def _kernelspec(jupyter_path: pathlib.Path) -> None:
    """A kernel that is this interpreter, found before any user or system kernel."""
    spec = jupyter_path / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "renewal (this Python)", "language": "python"}), encoding="utf-8")


def _texts(output) -> list:
    if output["output_type"] == "stream":
        return [output["text"]]
    data = output.get("data", {})
    return [data[k] for k in ("text/plain", "text/html") if k in data]


def test_analyst_notebook_runs_clean(root, tmp_path):
    assert importlib.util.find_spec("ipykernel") is not None, (
        "python3-ipykernel is not installed for " + sys.executable)
    work = tmp_path / "run"
    work.mkdir()
    # The copy names our kernel, so nbconvert starts it or fails (NoSuchKernel).
    notebook = json.loads((root / "examples" / "analyst.ipynb").read_text(encoding="utf-8"))
    notebook["metadata"]["kernelspec"]["name"] = KERNEL
    (work / "analyst.ipynb").write_text(json.dumps(notebook, ensure_ascii=False), encoding="utf-8")
    jupyter = tmp_path / "jupyter"
    _kernelspec(jupyter / "data")
    package = str(pathlib.Path(renewal.__file__).resolve().parents[1])  # build/python
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)  # the notebook must work with the kernel's own (inline) backend
    env.update({
        "PYTHONPATH": os.pathsep.join([package] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]),
        "JUPYTER_PATH": str(jupyter / "data"),
        "JUPYTER_DATA_DIR": str(jupyter / "data"),
        "JUPYTER_CONFIG_DIR": str(jupyter / "config"),
        "JUPYTER_RUNTIME_DIR": str(jupyter / "runtime"),
        "IPYTHONDIR": str(jupyter / "ipython"),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "TMPDIR": str(tmp_path),  # the notebook's output folder lands here
    })
    run = subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
         "--ExecutePreprocessor.timeout=300",
         "--output", "executed.ipynb", "analyst.ipynb"],
        cwd=work, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, f"nbconvert failed:\n{run.stdout}\n{run.stderr}"

    import nbformat  # comes with nbconvert; reads outputs with their text joined

    executed = nbformat.read(work / "executed.ipynb", as_version=4)
    problems, images = [], 0
    for number, cell in enumerate(executed["cells"]):
        for output in cell.get("outputs", []):
            where = f"cell {number} ({cell['source'][:60]!r})"
            if output["output_type"] == "error":
                problems.append(f"{where}: {output['ename']}: {output['evalue']}")
            if output["output_type"] == "stream" and output["name"] == "stderr":
                problems.append(f"{where} wrote to stderr: {output['text']}")
            for text in _texts(output):
                if BAD_TEXT.search(text):
                    problems.append(f"{where}: {BAD_TEXT.search(text).group(0)!r} in {text[:300]!r}")
            images += "image/png" in output.get("data", {})
    assert not problems, "\n".join(problems)
    # The charts are shown inline: the backend was left alone.
    assert images >= 2
    # The kernel was ours: this interpreter.
    assert executed["metadata"]["kernelspec"]["name"] == KERNEL
