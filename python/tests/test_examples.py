"""The examples in examples/ keep working."""

import os
import subprocess
import sys


def test_analysis_example_runs(root, tmp_path):
    out = tmp_path / "screening.png"
    env = dict(os.environ, MPLBACKEND="Agg")
    result = subprocess.run([sys.executable, str(root / "examples" / "analysis.py"), str(out)],
                            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "<renewal.Registry: 40 estates" in result.stdout
    assert out.stat().st_size > 1000
