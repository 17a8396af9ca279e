"""Plotting helpers shared by the package's charts (docs/python.md, "Plots").

Every chart (``Plan.plot``, ``Allocation.plot``) takes ``ax=`` and returns the axes it
drew on, never changes matplotlib's backend, and labels in Chinese (``lang="zh"``, the
default) or English (``lang="en"``) using the labels' names. For Chinese,
:func:`use_cjk_font` registers the Noto CJK font with matplotlib once.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import warnings
from typing import Any, Dict, List, Optional, Tuple

__all__ = ["LANGS", "text", "use_cjk_font", "new_axes", "check_lang"]

LANGS = ("zh", "en")

# Chart wording; the labels' own names come from the C++ label tables.
_TEXT: Dict[str, Tuple[str, str]] = {
    "selected": ("入选（实施）", "selected (implement)"),
    "skipped": ("未入选", "not selected"),
    "budget": ("预算 {:,.0f} 万元", "budget {:,.0f} (10k yuan)"),
    "plan_x": ("入选项目累计投资（万元，按排名）", "cumulative cost of the selected projects (10k yuan, in rank order)"),
    "plan_x_skipped": ("未入选项目投资（万元）", "cost of a project not selected (10k yuan)"),
    "score": ("得分", "score (points)"),
    "plan_title": ("{year}年度改造计划（评分表 {sheet}）", "Annual plan {year} (sheet {sheet})"),
    "yuan": ("元", "yuan"),
    "category": ("改造内容类别", "category"),
    "allocation_title": ("{plan}：{policy}", "{plan}: {policy}"),
}

_FONT_GLOBS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/**/NotoSansCJK*Regular*.tt[cf]",
    "/usr/share/fonts/**/NotoSansCJK*.tt[cf]",
    "/usr/share/fonts/**/NotoSansSC*.[ot]tf",
    "/usr/share/fonts/**/*CJK*.tt[cf]",
)

_registered: Optional[str] = None


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f'lang: expected "zh" or "en", got {lang!r}')
    return lang


def text(key: str, lang: str = "zh", **values: Any) -> str:
    """A chart's wording in ``lang`` (``"zh"`` or ``"en"``), formatted with ``values``."""
    zh, en = _TEXT[key]
    template = zh if check_lang(lang) == "zh" else en
    return template.format(*values.pop("args", ()), **values)


def _fc_list() -> List[str]:
    if shutil.which("fc-list") is None:
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = [line.split(":")[0].strip() for line in out.splitlines() if line.strip()]
    # Sans before serif, regular before bold: the chart's text is regular sans.
    return sorted(files, key=lambda f: ("Serif" in f, "Bold" in f, "Sans" not in f, f))


def find_cjk_font() -> Optional[str]:
    """The path of an installed CJK font file (Noto Sans CJK preferred), or None."""
    for pattern in _FONT_GLOBS:
        found = sorted(glob.glob(pattern, recursive=True))
        if found:
            return found[0]
    files = _fc_list()
    return files[0] if files else None


def use_cjk_font() -> Optional[str]:
    """Registers the Noto CJK font file with matplotlib (``fontManager.addfont``) and puts
    its family first in ``font.sans-serif``, so that Chinese labels render instead of
    boxes. Finds the file directly (``/usr/share/fonts``, then ``fc-list :lang=zh``):
    matplotlib does not pick the face "Noto Sans CJK SC" out of the ``.ttc`` collection by
    name. Returns the family registered; with no CJK font installed, warns and returns
    None (Debian: ``apt install fonts-noto-cjk``). Calling it again does nothing more.
    """
    global _registered
    if _registered is not None:
        return _registered
    import matplotlib
    from matplotlib import font_manager

    path = find_cjk_font()
    if path is None or not os.path.exists(path):
        warnings.warn("no CJK font found (install fonts-noto-cjk): Chinese labels will "
                      "render as boxes; use lang=\"en\"", UserWarning, stacklevel=2)
        return None
    font_manager.fontManager.addfont(path)
    family = font_manager.FontProperties(fname=path).get_name()
    sans = [f for f in matplotlib.rcParams["font.sans-serif"] if f != family]
    matplotlib.rcParams["font.sans-serif"] = [family] + sans
    matplotlib.rcParams["font.family"] = ["sans-serif"]
    matplotlib.rcParams["axes.unicode_minus"] = False  # CJK fonts may lack U+2212
    _registered = family
    return family


def new_axes(ax: Any = None, figsize: Tuple[float, float] = (8, 4.5), lang: str = "zh",
             detached: bool = False) -> Any:
    """``ax`` itself, or new axes: through ``pyplot.subplots`` (shown inline in a
    notebook, under whatever backend is in use), or with ``detached`` on a bare
    ``matplotlib.figure.Figure`` that pyplot never sees (for a chart only saved to a
    file). The backend is never changed. Registers the CJK font first for ``"zh"``."""
    if check_lang(lang) == "zh":
        use_cjk_font()
    if ax is not None:
        return ax
    if detached:
        from matplotlib.figure import Figure
        return Figure(figsize=figsize).subplots()
    import matplotlib.pyplot as plt
    return plt.subplots(figsize=figsize)[1]
