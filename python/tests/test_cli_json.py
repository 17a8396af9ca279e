"""Every `--json` output of the `renewal` command validates against its schema in
docs/schemas/, and every command or ledger action that takes --json has a case here
(issue 17). Errors under --json are one object on stderr (cli-error.schema.json).

Runs the built executable (the one beside the imported package, or $RENEWAL_CLI) on the
examples and tests/data; validates with jsonschema (Debian python3-jsonschema)."""

import json
import os
import pathlib
import re
import subprocess

import pytest

import renewal

jsonschema = pytest.importorskip("jsonschema")

ROOT = pathlib.Path(__file__).resolve().parents[2]
EX = ROOT / "examples"
TINY = str(ROOT / "tests" / "data" / "tiny_city.json")
LEDGER_REG = str(EX / "ledger" / "registry.json")
VOTES = EX / "votes"
PLAN = EX / "plan"
SCHEME = EX / "scheme"
WORKS = EX / "works"
CITY = str(EX / "small_city.json")


def _cli():
    path = os.environ.get("RENEWAL_CLI") or str(
        pathlib.Path(renewal.__file__).resolve().parents[2] / "renewal")
    if not os.access(path, os.X_OK):
        pytest.skip(f"renewal CLI not found at {path} (set RENEWAL_CLI)")
    return path


def _run(*args, stdin=None, cwd=None):
    return subprocess.run([_cli(), *map(str, args)], capture_output=True, text=True,
                          input=stdin, cwd=cwd, timeout=120)


_STORE = {}


def _validator(name):
    """A validator for docs/schemas/NAME whose relative $refs resolve to the other
    schemas (jsonschema 4.10: RefResolver with a store keyed by $id)."""
    if not _STORE:
        for path in (ROOT / "docs" / "schemas").glob("*.schema.json"):
            with open(path, encoding="utf-8") as f:
                schema = json.load(f)
            _STORE[schema["$id"]] = schema
    schema = _STORE["https://renewal.example/schemas/" + name]
    resolver = jsonschema.RefResolver.from_schema(schema, store=_STORE)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


@pytest.fixture(scope="module")
def journal(tmp_path_factory):
    """A ledger journal with two deposits; the cases post the rest in date order."""
    j = str(tmp_path_factory.mktemp("ledger") / "fund.journal")
    steps = [
        ["init"],
        ["deposit", "--dwelling", "E1-B1-1-101", "--amount", "3600", "--date", "2025-01-10"],
        ["deposit", "--dwelling", "E1-B1-1-201", "--amount", "4800", "--date", "2025-01-10"],
    ]
    for s in steps:
        r = _run("ledger", s[0], LEDGER_REG, j, *s[1:])
        assert r.returncode == 0, r.stderr
    return j


def _cases(journal, tmp):
    """(what the case covers, schema, argv without --json). `what` is the command, or
    "ledger ACTION"."""
    L = lambda action, *rest: ("ledger " + action, ["ledger", action, LEDGER_REG, journal, *rest])
    # The selling unit's deposit is for sold public housing: a copy of the registry
    # whose dwellings are reform housing (房改房), with a journal of its own.
    with open(LEDGER_REG, encoding="utf-8") as f:
        reform = f.read().replace('"owners": ["O', '"property_type": "reform_housing", "owners": ["O')
    reform_reg, reform_journal = tmp / "reform.json", tmp / "reform.journal"
    reform_reg.write_text(reform, encoding="utf-8")
    assert _run("ledger", "init", reform_reg, reform_journal).returncode == 0
    cases = [
        ("validate", "validate.schema.json", ["validate", TINY]),
        ("generate", "generate.schema.json",
         ["generate", "--estates", "3", "-o", str(tmp / "city.json.gz")]),
        ("screen", "screen-result.schema.json",
         ["screen", TINY, "--policy", "yueyang", "--year", "2026"]),
        ("screen", "screen-result.schema.json",
         ["screen", TINY, "--policy", "national_2020", "--year", "2026", "--estate", "E-0002"]),
        ("summary", "summary.schema.json",
         ["summary", TINY, "--policy", "national_2020", "--year", "2026"]),
        ("fund-split", "funding_allocation.schema.json",
         ["fund-split", EX / "funding" / "yueyang_plan.json", "--policy", "yueyang"]),
        ("fund-balance", "funding_balance.schema.json",
         ["fund-balance", EX / "funding" / "yueyang_louqu_financing.json"]),
        ("fund-presets", "funding_presets.schema.json", ["fund-presets"]),
        ("fund-presets", "funding_policy.schema.json", ["fund-presets", "yueyang"]),
        ("vote-rules", "vote-rules.schema.json", ["vote-rules"]),
        ("tally", "vote-outcome.schema.json",
         ["tally", VOTES / "estate.json", VOTES / "ballots.json"]),
        ("consult", "vote-consultation.schema.json",
         ["consult", VOTES / "estate.json", VOTES / "consult_round1.json",
          VOTES / "consult_round2.json", VOTES / "consult_round3.json"]),
        ("elevator", "vote-elevator.schema.json",
         ["elevator", VOTES / "estate.json", VOTES / "elevator_ballots.json",
          VOTES / "elevator_applications.json"]),
        ("plan", "plan.schema.json",
         ["plan", PLAN / "registry.json", PLAN / "projects.json", "--budget", "120000000",
          "--year", "2025", "--options", PLAN / "options.json"]),
        ("plan-menu", "plan-menu-result.schema.json", ["plan-menu", PLAN / "menu.json"]),
        # The ledger: postings first (they change the journal), then the reports.
        (*L("deposit", "--dwelling", "E1-B1-1-301", "--amount", "6000", "--date", "2025-01-11"),),
        (*L("top-up", "--dwelling", "E1-B1-1-301", "--amount", "10", "--date", "2025-01-12"),),
        ("ledger init", "ledger_posted.schema.json",
         ["ledger", "init", LEDGER_REG, tmp / "new.journal"]),
        ("ledger selling-unit", "ledger_posted.schema.json",
         ["ledger", "selling-unit", reform_reg, reform_journal, "--dwelling", "E1-B1-1-101",
          "--amount", "18000", "--date", "2025-01-10", "--sale-proceeds", "90000"]),
        (*L("use", "--id", "U-c", "--building", "E1-B1", "--amount", "100", "--date",
            "2025-03-02", "--vote", "V-2", "--rule", "civil_code_ordinary", "--passed",
            "--contribution"),),
        (*L("subsidy", "--use", "U-c", "--date", "2025-04-01"),),
        (*L("owner", "--dwelling", "E1-B1-1-101", "--new-owner", "张三", "--date", "2025-05-01"),),
        (*L("settle", "--dwelling", "E1-B1-1-401", "--amount", "0.01", "--date", "2025-05-02"),),
        (*L("interest", "--amount", "12.34", "--date", "2025-12-21"),),
        (*L("income", "--amount", "50", "--date", "2025-12-22"),),
        (*L("assert", "--dwelling", "E1-B1-1-201", "--amount", "BALANCE", "--date",
            "2025-12-31"),),
        (*L("balance"),),
        (*L("balance", "--dwelling", "E1-B1-1-101"),),
        (*L("statement", "--dwelling", "E1-B1-1-401", "--year", "2025"),),
        (*L("publish", "--year", "2025"),),
        (*L("arrears", "--policy", "liuyang"),),
        (*L("topups"),),
        (*L("export"),),
        (*L("check"),),
        (*L("refund", "--building", "E1-B1", "--date", "2026-06-01"),),
        # Estate plans (examples/scheme).
        ("review", "scheme-review.schema.json",
         ["review", SCHEME / "plan_missing_fire.json", "--registry", CITY, "--policy",
          "changsha_eight_no"]),
        ("completeness", "scheme-completeness.schema.json",
         ["completeness", SCHEME / "plan_missing_fire.json", "--registry", CITY, "--policy",
          "changsha"]),
        # Programme progress: a journal of examples/progress/events.jsonl.
        ("progress init", "progress-recorded.schema.json",
         ["progress", "init", tmp / "p.journal", "--policy", "yueyang"]),
        ("progress import", "progress-recorded.schema.json",
         ["progress", "import", tmp / "p.journal", EX / "progress" / "events.jsonl"]),
        ("progress report", "progress-report.schema.json",
         ["progress", "report", tmp / "p.journal", "--period", "2024-03"]),
        ("progress rank", "progress-ranking.schema.json",
         ["progress", "rank", tmp / "p.journal", "--period", "2024Q1"]),
        ("progress overdue", "progress-overdue.schema.json",
         ["progress", "overdue", tmp / "p.journal", "--limits", "started=30", "--as-of",
          "2024-04-30"]),
        ("progress transition", "progress-recorded.schema.json",
         ["progress", "transition", tmp / "p.journal", "--project", "YY-2024-003", "--stage",
          "preliminary_plan", "--date", "2024-04-01"]),
        ("progress correct", "progress-recorded.schema.json",
         ["progress", "correct", tmp / "p.journal", "--project", "YY-2024-003", "--stage",
          "application", "--date", "2024-04-02", "--reason", "方案缺少居民意见"]),
        ("progress export", "progress-event.schema.json",
         ["progress", "export", tmp / "p.journal"]),
        # The works: in a programme journal holding the projects of examples/works.
        ("progress init (works)", "progress-recorded.schema.json",
         ["progress", "init", tmp / "w.journal", "--policy", "national_works"]),
        ("works import", "works-report.schema.json",
         ["works", "import", WORKS / "directory.json", tmp / "w.journal", "--events",
          WORKS / "projects.jsonl"]),
        ("works record", "works-report.schema.json",
         ["works", "record", WORKS / "directory.json", tmp / "w.journal", "--events",
          WORKS / "events.json"]),
        ("works open", "works-report.schema.json",
         ["works", "open", WORKS / "directory.json", tmp / "w.journal", "--as-of", "2025-03-31"]),
        ("works stats", "works-report.schema.json",
         ["works", "stats", WORKS / "directory.json", tmp / "w.journal", "--as-of",
          "2025-03-31"]),
        ("works public", "works-report.schema.json",
         ["works", "public", WORKS / "directory.json", tmp / "w.journal"]),
        ("works contractors", "works-report.schema.json",
         ["works", "contractors", WORKS / "directory.json", tmp / "w.journal"]),
        ("works evidence", "works-report.schema.json",
         ["works", "evidence", WORKS / "directory.json", tmp / "w.journal", "--project", "P-1",
          "--date", "2025-03-11"]),
        ("works migrate", "works-report.schema.json",
         ["works", "migrate", WORKS / "directory.json", tmp / "w.journal", "--from",
          _old_works_journal(tmp / "old-works.journal")]),
    ]
    ledger_schemas = {
        "use": "ledger_use.schema.json", "subsidy": "ledger_subsidy.schema.json",
        "balance": "ledger_balance.schema.json", "statement": "ledger_statement.schema.json",
        "publish": "ledger_publication.schema.json", "arrears": "ledger_arrears.schema.json",
        "topups": "ledger_topups.schema.json", "export": "ledger_journal.schema.json",
        "check": "ledger_check.schema.json"}
    out = []
    for c in cases:
        if len(c) == 2:  # a ledger action: its schema by name
            action = c[0].split()[1]
            out.append((c[0], ledger_schemas.get(action, "ledger_posted.schema.json"), c[1]))
        else:
            out.append(c)
    return out


def _old_works_journal(path):
    """A works journal of the old kind WORK (docs/journal.md: file header, then frames of
    length, sequence, payload CRC and frame CRC), holding one appointment."""
    import struct
    import zlib
    head = b"RNWJWORK" + struct.pack("<I", 2)
    out = head + struct.pack("<I", zlib.crc32(head))
    payloads = [b'{"format":"renewal works journal","version":1}',
                json.dumps({"event": "appointment", "id": "A-9", "estate": "E-3",
                            "role": "supervisor", "person": "赵九", "from": "2025-02-01"},
                           ensure_ascii=False).encode()]
    for seq, payload in enumerate(payloads):
        frame = struct.pack("<III", len(payload), seq, zlib.crc32(payload))
        out += frame + struct.pack("<I", zlib.crc32(frame)) + payload
    path.write_bytes(out)
    return path


def _lists_json(help_text):
    """Whether a --help lists the --json option (not merely mentions it)."""
    return re.search(r"^  --json\b", help_text, flags=re.M) is not None


def _commands_with_json():
    """Every command and ledger action whose --help lists --json."""
    help_text = _run("--help").stdout
    commands = re.findall(r"^  ([a-z][a-z-]*) ", help_text, flags=re.M)
    assert "validate" in commands and "ledger" in commands, help_text
    found = []
    for c in commands:
        sub = _run(c, "--help").stdout
        if "Subcommands:" in sub:  # ledger, progress, works: each action
            actions = re.findall(r"^  ([a-z][a-z-]*) +\S", sub.split("Subcommands:")[1].split("Example:")[0], re.M)
            assert actions, sub
            for a in actions:
                if _lists_json(_run(c, a, "--help").stdout):
                    found.append(c + " " + a)
        elif _lists_json(sub):
            found.append(c)
    return found


def test_every_json_output_validates(journal, tmp_path):
    cases = _cases(journal, tmp_path)
    for what, schema, argv in cases:
        if "BALANCE" in argv:  # assert the balance the ledger has now
            now = json.loads(_run("ledger", "balance", LEDGER_REG, journal, "--dwelling",
                                  "E1-B1-1-201", "--json").stdout)
            argv = [now["balance"] if a == "BALANCE" else a for a in argv]
        r = _run(*argv, "--json")
        assert r.returncode == 0, f"{argv}: {r.stderr}"
        if argv[:2] == ["progress", "export"]:  # JSON Lines: each line one event
            docs = [json.loads(line) for line in r.stdout.splitlines()]
            assert docs, argv
            for doc in docs:
                errors = sorted(_validator(schema).iter_errors(doc), key=str)
                assert not errors, f"{argv} against {schema}: {errors[0]}"
            continue
        try:
            doc = json.loads(r.stdout)
        except json.JSONDecodeError as e:  # one document, not one per line
            raise AssertionError(f"{argv}: not one JSON document: {e}\n{r.stdout[:500]}")
        errors = sorted(_validator(schema).iter_errors(doc), key=str)
        assert not errors, f"{argv} against {schema}: {errors[0]}"
    # Every command with --json has a case, hence a schema.
    covered = {what for what, _, _ in cases}
    missing = [c for c in _commands_with_json() if c not in covered]
    assert not missing, f"commands with --json but no schema case here: {missing}"


def test_every_schema_is_installed_by_the_folder(root):
    text = (root / "cmake" / "renewalInstall.cmake").read_text(encoding="utf-8")
    assert 'install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/schemas/' in text


def test_json_outputs_carry_the_amounts(tmp_path):
    """The values the issue found missing: subsidy amounts and use shares."""
    j = str(tmp_path / "f.journal")
    assert _run("ledger", "init", LEDGER_REG, j).returncode == 0
    for d, yuan in (("101", "3600"), ("201", "4800"), ("301", "6000"), ("401", "4200")):
        assert _run("ledger", "deposit", LEDGER_REG, j, "--dwelling", "E1-B1-1-" + d,
                    "--amount", yuan, "--date", "2025-01-10").returncode == 0
    # Order 165 art. 20: 10,000 by area over 60/80/100/70 m² (310): 1935.48, 2580.65,
    # 3225.81, 2258.06 (largest remainder: the 0.01 left goes to the largest fraction).
    use = json.loads(_run("ledger", "use", LEDGER_REG, j, "--id", "U-c", "--building", "E1-B1",
                          "--amount", "10000", "--date", "2025-03-01", "--vote", "V-1",
                          "--rule", "civil_code_ordinary", "--passed", "--contribution",
                          "--json").stdout)
    shares = {s["dwelling"]: s["amount"] for s in use["shares"]}
    assert shares["E1-B1-1-401"] == "2258.06"
    assert sum(int(a.replace(".", "")) for a in shares.values()) == 1000000
    # Ningbo (seed 001): 50% of each dwelling's share back as a subsidy.
    sub = json.loads(_run("ledger", "subsidy", LEDGER_REG, j, "--use", "U-c", "--date",
                          "2025-04-01", "--json").stdout)
    assert sub["total"] == "5000.00"
    assert {d["dwelling"]: d["amount"] for d in sub["dwellings"]}["E1-B1-1-401"] == "1129.03"


def test_errors_under_json_are_one_object_with_a_path(tmp_path):
    with open(TINY, encoding="utf-8") as f:
        text = f.read()
    bad = tmp_path / "bad.json"
    bad.write_text(text.replace("72.35", "-12"), encoding="utf-8")
    r = _run("validate", bad, "--json")
    assert r.returncode == 1
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    err = json.loads(lines[0])
    _validator("cli-error.schema.json").validate(err)
    assert err["error"]["code"] == "INVALID_ARGUMENT"
    assert err["error"]["path"] == (
        "estates[0].buildings[0].entrances[0].dwellings[0].exclusive_area_m2")
    assert "must be > 0" in err["error"]["message"]
    # A usage error too (exit 2), naming the misspelt option.
    r = _run("summary", TINY, "--yaer", "2019", "--json")
    assert r.returncode == 2
    err = json.loads(r.stderr)
    _validator("cli-error.schema.json").validate(err)
    assert "--yaer" in err["error"]["message"]
