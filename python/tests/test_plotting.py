"""Plots (docs/python.md, "Plots"): ax= in and out, no backend change, Chinese labels
that render with the Noto CJK font, and the plan chart's axis of selected costs."""

import io
import warnings

import matplotlib
import pytest
from matplotlib.figure import Figure

import renewal
import renewal.funding as fu
import renewal.plan as pl
from renewal import plotting


def _plan():
    # Budget 100万: B + C (50 + 50, scores 10 + 10) beat A (60, score 13), so the
    # top-ranked project A is skipped (tests/plan_test.cc works this example).
    projects = [
        {"id": "A", "estate_id": "EA", "cost_yuan": 600000, "carried_over_years": 13},
        {"id": "B", "estate_id": "EB", "cost_yuan": 500000, "carried_over_years": 10},
        {"id": "C", "estate_id": "EC", "cost_yuan": "500000.00", "carried_over_years": 10},
    ]
    facts = [{"project_id": p, "district_id": d, "households": h, "basic_shortfalls": 0}
             for p, d, h in (("A", "D1", 100), ("B", "D1", 80), ("C", "D2", 90))]
    return pl.make_plan_from_facts(projects, facts, "1000000", "ningbo",
                                   carry_over_bonus_points=1, solver="exact")


def _allocation():
    plan = {"id": "P", "households": 8, "items": [
        {"id": "roof", "facility": "roof", "lump_sum": "100000"},
        {"id": "facade", "facility": "facade", "lump_sum": 20000}]}
    return fu.split(plan, "household_6000")


@pytest.fixture
def no_backend_change(monkeypatch):
    import matplotlib.pyplot as plt
    plt.close(plt.figure())  # let pyplot resolve its automatic backend choice first
    backend = matplotlib.get_backend()

    def refuse(*args, **kwargs):
        raise AssertionError("matplotlib.use() called")
    monkeypatch.setattr(matplotlib, "use", refuse)
    yield
    assert matplotlib.get_backend() == backend


def test_every_plot_draws_on_the_given_axes_and_returns_it(no_backend_change):
    for plot in (_plan().plot, _allocation().plot):
        for lang in ("zh", "en"):
            ax = Figure().subplots()
            assert plot(ax=ax, lang=lang) is ax
            assert ax.has_data()


def test_saving_a_plan_chart_leaves_pyplot_and_the_backend_alone(tmp_path, no_backend_change):
    import matplotlib.pyplot as plt
    before = plt.get_fignums()
    out = tmp_path / "plan.png"
    ax = _plan().plot(out, lang="en")
    assert out.stat().st_size > 1000
    assert plt.get_fignums() == before  # a detached figure, not one pyplot keeps open
    assert ax.get_xlabel().startswith("cumulative cost of the selected projects")


def test_plan_axis_is_the_cumulative_cost_of_the_selected_projects():
    plan = _plan()
    assert sorted(plan.selected) == ["B", "C"]  # tied on score: C (90 households) first
    ax = plan.plot(ax=Figure().subplots(), lang="en")
    selected, skipped = (c.get_offsets() for c in ax.collections if len(c.get_offsets()))
    # 50 and 50 + 50 = 100 万元, at the budget line and not beyond it.
    assert [tuple(p) for p in selected] == [(50.0, 10.0), (100.0, 10.0)]
    # A (60 万元, skipped) apart, right of the budget: 100 + 60.
    assert [tuple(p) for p in skipped] == [(160.0, 13.0)]


def test_labels_follow_lang():
    zh = _allocation().plot(ax=Figure().subplots(), lang="zh")
    en = _allocation().plot(ax=Figure().subplots(), lang="en")
    assert zh.get_title() == "P：household_6000" and en.get_title() == "P: household_6000"
    zh_ticks = [t.get_text() for t in zh.get_xticklabels()]
    en_ticks = [t.get_text() for t in en.get_xticklabels()]
    assert zh_ticks == ["基础类"] and en_ticks == ["basic"]
    zh_legend = [t.get_text() for t in zh.get_legend().get_texts()]
    assert set(zh_legend) <= set(fu.sources()["zh"]) and zh_legend
    with pytest.raises(ValueError, match='lang: expected "zh" or "en"'):
        _plan().plot(ax=Figure().subplots(), lang="fr")


def test_chinese_labels_render_without_missing_glyphs():
    if plotting.find_cjk_font() is None:
        pytest.skip("no CJK font installed (Debian: fonts-noto-cjk)")
    assert plotting.use_cjk_font().startswith("Noto Sans CJK")
    ax = _plan().plot(ax=Figure(figsize=(8, 4.5)).subplots(), lang="zh")
    assert "入选项目累计投资" in ax.get_xlabel()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph 20837 missing from current font" fails
        ax.figure.savefig(io.BytesIO(), format="png")


def test_use_cjk_font_warns_when_none_is_installed(monkeypatch):
    monkeypatch.setattr(plotting, "_registered", None)
    monkeypatch.setattr(plotting, "find_cjk_font", lambda: None)
    with pytest.warns(UserWarning, match="no CJK font found"):
        assert plotting.use_cjk_font() is None
