"""The examples in examples/ keep working."""

import os
import pathlib
import subprocess
import sys

import renewal


def test_analysis_example_runs(root, tmp_path):
    out = tmp_path / "screening.png"
    package_parent = str(pathlib.Path(renewal.__file__).resolve().parents[1])
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=package_parent)
    result = subprocess.run([sys.executable, str(root / "examples" / "analysis.py"), str(out)],
                            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "<renewal.Registry: 40 estates" in result.stdout
    assert out.stat().st_size > 1000
