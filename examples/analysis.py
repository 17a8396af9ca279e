"""An analyst's first look at a city: screening results by district, as a table
and as a chart. Run from the repository root; writes the chart to the path given
as the first argument (default: screening.png)."""

import pathlib
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import renewal  # noqa: E402

city = renewal.Registry.load(str(pathlib.Path(__file__).parent / "small_city.json"))
print(city)

screen = renewal.eligibility.screen(city, "yueyang", 2026)
table = screen.groupby(["district", "status"], observed=False).size().unstack(fill_value=0)
print(table)

# Which rules keep estates out? Count failures per rule.
failed = screen.explode("failed_rules").failed_rules.value_counts()
print(failed)

# The chart uses district IDs: matplotlib's default font has no Chinese glyphs
# (install fonts-noto-cjk and set font.family to draw the names).
by_id = screen.groupby(["district_id", "status"], observed=False).size().unstack(fill_value=0)
ax = by_id.plot.bar(stacked=True, figsize=(7, 4), rot=0,
                    title="Yueyang eligibility by district (2026)")
ax.set_xlabel("district")
ax.set_ylabel("estates")
plt.tight_layout()
out = sys.argv[1] if len(sys.argv) > 1 else "screening.png"
plt.savefig(out, dpi=100)
print("wrote", out)
