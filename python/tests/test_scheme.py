"""renewal.scheme: the worked example of docs/scheme.md through Python."""

import json

import pytest

import renewal
import renewal.scheme as scheme


@pytest.fixture(scope="module")
def city(small_city_path):
    return renewal.Registry.load(small_city_path)


@pytest.fixture(scope="module")
def plans(root):
    return (root / "examples" / "scheme" / "plan_missing_fire.json",
            root / "examples" / "scheme" / "plan_corrected.json")


def test_presets():
    assert scheme.review_presets() == ["changsha_eight_no", "national", "wuhan_joint_review",
                                       "changsha_two_rounds"]
    assert scheme.completeness_presets() == ["national", "changsha"]


def test_plan_items_frame_with_costs(plans):
    plan = scheme.Plan.load(plans[0])
    frame = plan.to_frame()
    assert list(frame["id"][:2]) == ["I-01", "I-02"]
    # 980.5 m x 420.00 yuan = 411,810.00 yuan (rain and sewage separation).
    assert frame.loc[frame["id"] == "I-02", "cost_fen"].item() == 41_181_000
    assert frame["cost_fen"].dtype == "int64"
    assert repr(plan).startswith("<Plan P-E000025-2025 estate E000025: 9 items")
    assert "<table" in plan._repr_html_()


def test_review_fails_then_passes(city, plans):
    # 湘建城函〔2021〕161号 "八不通过": the first plan leaves out fire safety, which the
    # survey records as missing.
    first = scheme.review(plans[0], city, "changsha_eight_no")
    assert not first.passed
    assert first.status == "failed"
    assert first.failed == ["fire_lane_and_ageing", "complete"]
    frame = first.to_frame()
    assert list(frame["outcome"]) == ["pass", "pass", "fail", "pass", "fail"]
    assert "消防现状缺失，方案未纳入" in frame.loc[2, "reason_zh"]
    assert repr(first) == ("<Review P-E000025-2025 (changsha_eight_no): failed; "
                           "failed: fire_lane_and_ageing, complete>")
    assert "fire_lane_and_ageing" in first._repr_html_()
    second = scheme.review(plans[1], city, "changsha_eight_no")
    assert second.passed and second.failed == []


def test_completeness(city, plans):
    c = scheme.completeness(plans[0], city, "changsha")
    # By hand: 9 basic facilities poor or missing + accessibility = 10 required.
    assert c.counts["required"] == 10
    assert (c.counts["covered"], c.counts["waived"], c.counts["missing"]) == (8, 1, 1)
    assert not c.complete
    frame = c.to_frame()
    missing = frame[frame["status"] == "missing"]
    assert list(missing["facility"]) == ["fire_safety"]
    assert "covered" in repr(c)


def test_opinions_masked(plans):
    op = scheme.opinions(plans[1])
    frame = op.to_frame()
    assert len(frame) == 4
    assert frame["dwelling"][0] == "E000025-05-2-***"
    assert "E000025-05-2-101" not in op.notice_markdown("煤机厂公寓")
    assert "<td>E000025-05-2-***</td>" in op.notice_html()
    assert scheme.opinions(plans[1], masked=False).to_frame()["dwelling"][0] == "E000025-05-2-101"
    assert repr(op) == "<Opinions P-E000025-2025: 4 (3 adopted, 1 not_adopted)>"


def test_bad_plans_raise_named_errors(plans):
    data = json.loads(plans[0].read_text(encoding="utf-8"))
    data["items"][0]["catalogue"] = "moat"
    with pytest.raises(renewal.NotFoundError, match=r'items\[0\] "I-01" catalogue: unknown catalogue key "moat"'):
        scheme.Plan.from_dict(data)
    data = json.loads(plans[0].read_text(encoding="utf-8"))
    data["waivers"][0]["reason"] = ""
    with pytest.raises(renewal.InvalidArgumentError, match=r"waivers\[0\] reason"):
        scheme.Plan.from_dict(data)
    data = json.loads(plans[0].read_text(encoding="utf-8"))
    data["notices"][0]["ends"] = "2025-03-19"
    with pytest.raises(ValueError, match=r'notices\[0\] ends: "2025-03-19" is before starts'):
        scheme.Plan.from_dict(data)


def test_opinion_outside_the_estate(city, plans):
    data = json.loads(plans[0].read_text(encoding="utf-8"))
    data["opinions"][0]["dwelling"] = "E000001-01-1-101"
    with pytest.raises(renewal.InvalidArgumentError, match=r'opinions\[0\] "O-01" dwelling'):
        scheme.review(data, city, "changsha_eight_no")
