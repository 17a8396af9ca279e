"""`--lang zh|en` on the commands whose wording comes from the library (issue 17):
fund-split, fund-balance, vote-rules, tally, consult, elevator, plan, plan-menu, and
the one-line reports of convert and map. Under `--lang en` the command exits 0 and
prints no Chinese; by default it prints no Latin word. Data are left as they are in
either language, and so are citations (the documents' titles and numbers are proper
names): the checks take out every string of the command's input files, its
arguments, the preset rules' citations and ID-like tokens (E-0001, civil_code_major,
yueyang.city_award) before looking.

Runs the built executable (the one beside the imported package, or $RENEWAL_CLI)."""

import json
import os
import pathlib
import re
import subprocess

import pytest

import renewal

ROOT = pathlib.Path(__file__).resolve().parents[2]
EX = ROOT / "examples"
VOTES = EX / "votes"
PLAN = EX / "plan"
FUNDING = EX / "funding"
TINY = ROOT / "tests" / "data" / "tiny_city.json"

# CJK ideographs, CJK punctuation (、。「」), fullwidth forms (，：（）).
CJK = re.compile("[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# An ID-like token: letters and digits joined by - _ . or containing a digit.
ID_LIKE = re.compile(r"[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)+|[A-Za-z]*[0-9][A-Za-z0-9]*")
LATIN = re.compile("[A-Za-z]")


def _cli():
    path = os.environ.get("RENEWAL_CLI") or str(
        pathlib.Path(renewal.__file__).resolve().parents[2] / "renewal")
    if not os.access(path, os.X_OK):
        pytest.skip(f"renewal CLI not found at {path} (set RENEWAL_CLI)")
    return path


def _run(*args):
    return subprocess.run([_cli(), *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def _strings(value, out):
    """Every string (keys and values) of a JSON document."""
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            out.add(k)
            _strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out)
    return out


@pytest.fixture(scope="module")
def citations():
    """The preset rules' citations: vote rules' sources, funding rules' seeds."""
    out = set()
    rules = json.loads(_run("vote-rules", "--json").stdout)
    out.update(r["source"] for r in rules if r.get("source"))
    for line in _run("fund-presets").stdout.splitlines():
        policy = json.loads(_run("fund-presets", line.split()[0], "--json").stdout)
        out.update(r["seed"] for r in policy.get("rules", []) if r.get("seed"))
    return out


def _data(args):
    """The strings of the command's inputs (JSON files among its arguments) and the
    arguments themselves: names, IDs and preset names are data in either language."""
    out = {str(a) for a in args}
    for a in args:
        p = pathlib.Path(str(a))
        if p.suffix == ".json" and p.is_file():
            with open(p, encoding="utf-8") as f:
                _strings(json.load(f), out)
    return out


def _without(text, strings):
    # Longest first, so that a name is not cut by a shorter one inside it.
    for s in sorted((s for s in strings if s), key=len, reverse=True):
        text = text.replace(s, " ")
    return text


CASES = {
    "fund-split": ["fund-split", FUNDING / "yueyang_plan.json", "--policy", "yueyang"],
    "fund-balance": ["fund-balance", FUNDING / "yueyang_louqu_financing.json"],
    "vote-rules": ["vote-rules"],
    "tally": ["tally", VOTES / "estate.json", VOTES / "ballots.json"],
    "consult": ["consult", VOTES / "estate.json", VOTES / "consult_round1.json",
                VOTES / "consult_round2.json", VOTES / "consult_round3.json"],
    "elevator": ["elevator", VOTES / "estate.json", VOTES / "elevator_ballots.json",
                 VOTES / "elevator_applications.json"],
    "plan": ["plan", PLAN / "registry.json", PLAN / "projects.json", "--budget", "120000000",
             "--year", "2025", "--options", PLAN / "options.json", "--sheet", "ningbo"],
    "plan-menu": ["plan-menu", PLAN / "menu.json", "--satisfaction", "approvals"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_english_has_no_chinese(name, citations):
    args = CASES[name]
    r = _run(*args, "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip()
    rest = _without(r.stdout, _data(args) | citations)
    found = CJK.findall(rest)
    assert not found, f"{name} --lang en prints Chinese {found[:10]}:\n{r.stdout}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_chinese_has_no_latin_word(name, citations):
    args = CASES[name]
    r = _run(*args)
    assert r.returncode == 0, r.stderr
    assert r.stdout == _run(*args, "--lang", "zh").stdout  # zh is the default
    rest = ID_LIKE.sub(" ", r.stdout.replace("m²", " "))
    rest = _without(rest, _data(args) | citations)
    found = [line for line in rest.splitlines() if LATIN.search(line)]
    assert not found, f"{name} prints Latin words in Chinese:\n" + "\n".join(found[:10])


def test_both_languages_say_the_same_numbers():
    """The two wordings of a report carry the same figures: here the vote's areas and
    percentages, which neither language rounds differently."""
    args = CASES["tally"]
    zh, en = _run(*args).stdout, _run(*args, "--lang", "en").stdout
    figures = re.compile(r"\d+\.\d\d(?: m²|%)")
    assert sorted(figures.findall(zh)) == sorted(figures.findall(en))


def test_convert_and_map_report_in_either_language(tmp_path):
    zh = _run("convert", TINY, tmp_path / "a.rsnap", "--year", "2026", "--quiet")
    en = _run("convert", TINY, tmp_path / "b.rsnap", "--year", "2026", "--quiet", "--lang", "en")
    assert zh.returncode == en.returncode == 0, zh.stderr + en.stderr
    assert zh.stdout.startswith("已转换：2 个小区，5 户 → ")
    assert en.stdout.startswith("converted: 2 estates, 5 dwellings → ")
    assert en.stdout.endswith(" (snapshot)\n")
    m = _run("map", TINY, "-o", tmp_path / "m.geojson", "--lang", "en")
    assert m.returncode == 0, m.stderr
    assert m.stdout.startswith("written: 2 estates → ")
    m = _run("map", TINY, "-o", tmp_path / "m.geojson")
    assert m.stdout.startswith("已写出：2 个小区 → ")


def test_documents_in_chinese_refuse_english():
    """The notices are posted to residents in Chinese: --lang en is refused (exit 2)
    rather than answered in Chinese; their JSON is language-neutral."""
    r = _run(*CASES["tally"], "--notice", "md", "--lang", "en")
    assert r.returncode == 2
    assert "posted to owners in Chinese" in r.stderr
    assert _run(*CASES["tally"], "--notice", "json", "--lang", "en").returncode == 0
    opinions = ["opinions", EX / "scheme" / "plan_corrected.json", "--registry",
                EX / "small_city.json"]
    r = _run(*opinions, "--lang", "en")
    assert r.returncode == 2
    assert "posted to residents in Chinese" in r.stderr
    assert _run(*opinions, "--format", "json", "--lang", "en").returncode == 0
    assert _run(*opinions).returncode == 0
    # So are the --format html|xlsx reports, documents in Chinese.
    r = _run(*CASES["plan"], "--format", "html", "--lang", "en")
    assert r.returncode == 2
    assert "reports are in Chinese" in r.stderr


def test_python_funding_texts_follow_lang():
    import renewal.funding as fu
    zh = fu.split(FUNDING / "yueyang_plan.json", "yueyang")
    en = fu.split(FUNDING / "yueyang_plan.json", "yueyang", lang="en")
    assert zh.lang == "zh" and en.lang == "en"
    zh_explain, en_explain = list(zh.shares()["explain"]), list(en.shares()["explain"])
    assert len(zh_explain) == len(en_explain) > 0
    seeds = {r["seed"] for r in fu.policy("yueyang")["rules"]}
    for text in en_explain:
        assert not CJK.search(_without(text, seeds)), text
    for text in zh_explain:
        rest = ID_LIKE.sub(" ", _without(text, seeds))
        assert not LATIN.search(rest), text
    with pytest.raises(ValueError, match="lang"):
        fu.split(FUNDING / "yueyang_plan.json", "yueyang", lang="fr")


def test_python_financing_reasons_follow_lang():
    import renewal.funding as fu
    with open(FUNDING / "yueyang_louqu_financing.json", encoding="utf-8") as f:
        case = json.load(f)
    # The file's yuan as the package takes them (an int would mean fen).
    case["investment"] = str(case["investment"])
    for row in case["revenues"] + case["operating_costs"]:
        row["amount"] = str(row["amount"])
    out = json.loads(_run("fund-balance", FUNDING / "yueyang_louqu_financing.json",
                          "--json").stdout)
    zh = fu.analyse_financing(case)
    en = fu.analyse_financing(case, lang="en")
    # The CLI's JSON carries the English as "reasons" and the Chinese as "reasons_zh".
    assert en["reasons"] == out["reasons"]
    assert zh["reasons"] == out["reasons_zh"]
    assert all(not CJK.search(r) for r in en["reasons"])
    assert all(not LATIN.search(r) for r in zh["reasons"])
    with pytest.raises(ValueError, match="lang"):
        fu.analyse_financing(case, lang="de")


def test_python_plan_explanation_follows_lang():
    import renewal.plan as pl
    out = json.loads(_run(*CASES["plan"], "--json").stdout)
    by_id = {p["id"]: p for p in out["projects"]}
    zh = pl.Plan(out).to_frame(criteria=False)
    en = pl.Plan(out).to_frame(criteria=False, lang="en")
    assert len(zh) == len(en) == len(by_id) > 0
    for pid, text in zip(zh["id"], zh["explanation"]):
        assert text == by_id[pid]["explanation"]
    for pid, text in zip(en["id"], en["explanation"]):
        assert text == by_id[pid]["explanation_en"]
        assert not CJK.search(text), text
    with pytest.raises(ValueError, match="lang"):
        pl.Plan(out).to_frame(lang="fr")
