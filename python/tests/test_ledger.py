"""renewal.ledger: the maintenance fund from Python (amounts hand-worked, Order 165 / seeds)."""

import json

import pytest

import renewal
from renewal import ledger as lg

EXAMPLE = "examples/ledger/registry.json"


@pytest.fixture()
def registry(root):
    return renewal.Registry.load(str(root / EXAMPLE))


@pytest.fixture()
def fund(registry):
    return lg.Ledger(registry)


def deposit_all(fund):
    # seed 000 (Liuyang): elevator buildings 60 yuan/m² → 3600 / 4800 / 6000 / 4200.
    for d, amount in [("101", "3600"), ("201", "4800"), ("301", "6000"), ("401", "4200.00")]:
        fund.deposit(f"E1-B1-1-{d}", amount, "2025-01-10")


def test_liuyang_policy_and_arrears(fund):
    fund.apply_policy("liuyang")
    frame = fund.balances_frame()
    assert frame.loc["E1-B1-1-401", "required_fen"] == 420000  # 70 m² × 60
    fund.deposit("E1-B1-1-401", "4200.00", "2025-01-10")
    missing = {a["dwelling"]: a["missing"] for a in fund.arrears()}
    assert "E1-B1-1-401" not in missing
    assert missing["E1-B1-1-101"] == 360000


def test_roof_bill_by_area_and_frames(fund):
    deposit_all(fund)
    # Order 165 art. 20: 10,000 over 60/80/100/70 m² (310): 1935.48, 2580.65, 3225.81, 2258.06.
    r = fund.use("building:E1-B1", "10000", "2025-03-01", id="U-1", vote_id="V-1",
                 rule=lg.RULE_CIVIL_CODE_ORDINARY, passed=True)
    assert r["from_dwellings"] == 1_000_000 and r["owed"] == 0
    assert 360000 - fund.balance("E1-B1-1-101") == 193548
    assert 420000 - fund.balance("E1-B1-1-401") == 225806
    postings = fund.to_frame()
    assert (postings.groupby("tx")["amount_fen"].sum() == 0).all()
    assert str(postings[postings.account == "external:works"]["amount_yuan"].iloc[0]) == "10000.00"
    assert sum(fund.fund_totals().values()) == fund.balances_frame()["balance_fen"].sum()
    fund.check()


def test_bad_use_raises_and_changes_nothing(fund):
    deposit_all(fund)
    before = fund.tx_count
    with pytest.raises(renewal.FailedPreconditionError, match="did not pass"):
        fund.use("building:E1-B1", "100", "2025-03-01", vote_id="V-1",
                 rule=lg.RULE_CIVIL_CODE_ORDINARY, passed=False)
    with pytest.raises(RuntimeError, match=r"art\. 25\(1\)"):
        fund.use("building:E1-B1", "100", "2025-03-01", category="warranty", vote_id="V-1",
                 rule=lg.RULE_CIVIL_CODE_ORDINARY, passed=True)
    with pytest.raises(KeyError):
        fund.deposit("nope", "1", "2025-03-01")
    with pytest.raises(ValueError):
        fund.deposit("E1-B1-1-101", "1.234", "2025-03-01")
    assert fund.tx_count == before


def test_statement_and_publication(fund):
    deposit_all(fund)
    fund.use("building:E1-B1", "10000", "2025-03-01", vote_id="V-1",
             rule=lg.RULE_CIVIL_CODE_ORDINARY, passed=True)
    s = fund.statement("E1-B1-1-401", 2025)
    assert s["deposits"] == 420000 and s["uses"] == 225806 and s["closing"] == 420000 - 225806
    assert lg.statement(fund, "E1-B1-1-401", 2025) == s
    assert list(fund.statement_frame("E1-B1-1-401", 2025)["kind"]) == ["deposit", "use"]
    pub = json.loads(fund.publication(2025))
    owners = [d["owner"] for d in pub["dwellings"]]
    assert owners == ["张*", "李**", "王*", "赵*"]
    assert pub["funds"][0]["closing"] == "8600.00"


def test_journal_file_replays(registry, tmp_path):
    path = str(tmp_path / "fund.journal")
    fund = lg.Ledger(registry, path=path)
    deposit_all(fund)
    fund.credit_interest("10.00", "2025-12-21")
    del fund
    again = lg.Ledger.replay(registry, path)
    assert again.tx_count == 5
    assert sum(again.fund_totals().values()) == 1_860_000 + 1000
    again.check()


def test_one_writer_per_journal(registry, tmp_path):
    # A second writer would interleave records; it is refused, naming the file.
    path = str(tmp_path / "fund.journal")
    fund = lg.Ledger(registry, path=path, sync=False)
    fund.deposit("E1-B1-1-101", "3600", "2025-01-10")
    with pytest.raises(renewal.FailedPreconditionError, match="another writer"):
        lg.Ledger(registry, path=path)
    assert lg.Ledger.replay(registry, path).tx_count == 1  # readers are not locked out
    del fund  # closes the journal
    assert lg.Ledger(registry, path=path).tx_count == 1


def test_developer_sale_moves_the_units_deposit(root, tmp_path):
    # Order 165 art. 21: the developer pays for 401 while it holds the unit; art. 29:
    # on the sale the unit's part of the developer sub-ledger (here all of it, the
    # only unit: 60 yuan/m² × 70 m² = 4,200.00, seed 000) follows the dwelling.
    text = (root / EXAMPLE).read_text().replace(
        '"exclusive_area_m2": 70.00, "owners": ["O4"]',
        '"exclusive_area_m2": 70.00, "owners": ["O4"], "sale_state": "developer_unsold"')
    path = tmp_path / "registry.json"
    path.write_text(text)
    fund = lg.Ledger(renewal.Registry.load(str(path)))
    fund.deposit("E1-B1-1-401", "4200.00", "2025-01-10")
    assert fund.balance("E1-B1-1-401") == 0
    assert fund.fund_totals() == {"E1": 420000}
    fund.change_owner("E1-B1-1-401", "林十二", "2025-04-01")
    assert fund.balance("E1-B1-1-401") == 420000
    sale = fund.to_frame().query("kind == 'developer_sale'")
    assert dict(zip(sale.account, sale.amount_fen)) == {
        "dwelling:E1-B1-1-401": 420000, "developer:E1": -420000}
    record = json.loads(fund.journal_json())["transactions"][-1]
    assert record["kind"] == "developer_sale" and "takes 4200.00" in record["reason"]
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((root / "docs" / "schemas" / "ledger_journal.schema.json").read_text())
    jsonschema.validate(json.loads(fund.journal_json()), schema,
                        cls=jsonschema.Draft202012Validator)


def test_outputs_match_schemas(fund, root):
    jsonschema = pytest.importorskip("jsonschema")
    deposit_all(fund)
    fund.use("building:E1-B1", "10000", "2025-03-01", vote_id="V-1",
             rule=lg.RULE_CIVIL_CODE_ORDINARY, passed=True, contribution=True)
    fund.assert_balance("E1-B1-1-101", 360000 - 193548, "2025-03-02")
    fund.change_owner("E1-B1-1-201", "陈十一", "2025-04-01")
    schemas = root / "docs" / "schemas"
    for name, text in [("ledger_journal", fund.journal_json()),
                       ("ledger_statement", fund.statement_json("E1-B1-1-101", 2025)),
                       ("ledger_publication", fund.publication(2025))]:
        schema = json.loads((schemas / f"{name}.schema.json").read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(json.loads(text), schema, cls=jsonschema.Draft202012Validator)


def test_text_that_is_not_unicode_is_a_renewal_error(fund):
    # A lone surrogate used to raise pybind11's TypeError echoing every argument.
    with pytest.raises(renewal.InvalidArgumentError, match="not valid Unicode: a lone surrogate at character 3"):
        fund.deposit("E1-\ud800", "1.00", "2025-03-01")


def test_an_int_beyond_its_range_is_a_renewal_error(fund):
    with pytest.raises(renewal.OutOfRangeError, match="9223372036854775808"):
        fund.publication(2**63)
    with pytest.raises(renewal.OutOfRangeError, match="does not fit a 64-bit integer"):
        fund.statement("E1-B1-1-101", 2**64)
