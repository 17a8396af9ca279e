"""Writes the planning example: a registry of 8 estates in 2 districts and their
candidate projects (examples/plan/registry.json, projects.json, menu.json)."""
import json
import pathlib

here = pathlib.Path(__file__).parent
estates = [
    # id, district, build year, dwellings, facilities, hazards, willingness, mode
    ("E01", "D1", 1985, 24, {"water": "poor", "drainage": "missing", "roof": "poor", "parking": "missing"}, ["gas"], 92.0, "professional"),
    ("E02", "D1", 1992, 18, {"water": "fair", "power": "poor", "greening": "poor"}, [], 81.5, "self_managed"),
    ("E03", "D1", 1998, 30, {"water": "good", "roof": "fair", "elevator": "missing"}, [], 66.0, "none"),
    ("E04", "D1", 1979, 12, {"water": "poor", "gas": "poor", "fire_safety": "missing", "stairwell": "poor"}, ["fire", "structural"], 95.0, "government_trustee"),
    ("E05", "D2", 1990, 20, {"drainage": "poor", "roads": "poor", "charging": "missing"}, [], 88.0, "professional"),
    ("E06", "D2", 1996, 16, {"lighting": "poor", "security": "poor"}, [], 73.0, "work_unit"),
    ("E07", "D2", 1988, 28, {"water": "poor", "weak_current": "poor", "facade": "poor", "public_service": "missing"}, [], 90.0, "professional"),
    ("E08", "D2", 2001, 10, {}, None, 55.0, None),  # not surveyed: excluded by ningbo
]
owners, doc_estates = [], []
for eid, district, year, n, fac, hazards, will, mode in estates:
    dwellings = []
    for k in range(n):
        oid = f"O-{eid}-{k:03d}"
        owners.append({"id": oid, "name": f"业主{eid}{k:03d}"})
        dwellings.append({"id": f"{eid}-B1-1-{k + 101}", "exclusive_area_m2": 60 + (k % 5) * 10,
                          "owners": [oid]})
    e = {"id": eid, "name": f"{eid}小区", "district": district, "build_year": year,
         "facilities": fac, "willingness_pct": will,
         "buildings": [{"id": f"{eid}-B1", "name": "1栋", "entrances": [{"id": "1", "dwellings": dwellings}]}]}
    if hazards is not None:
        e["safety_hazards"] = hazards
    if mode is not None:
        e["management_mode"] = mode
    doc_estates.append(e)
registry = {"format": "renewal.registry", "version": 1, "name": "规划示例 Planning example",
            "districts": [{"id": "D1", "name": "雨湖区"}, {"id": "D2", "name": "岳塘区"}],
            "owners": owners, "estates": doc_estates}
(here / "registry.json").write_text(json.dumps(registry, ensure_ascii=False, indent=1) + "\n")

costs = {"E01": 3200, "E02": 1800, "E03": 2600, "E04": 1500, "E05": 2400, "E06": 1200, "E07": 3000, "E08": 900}
projects = []
for i, (eid, *_rest) in enumerate(estates):
    p = {"id": f"P-{eid}", "estate_id": eid, "name": f"{eid}小区综合改造",
         "cost_yuan": str(costs[eid] * 10000), "government_share_yuan": str(costs[eid] * 10000 * 7 // 10),
         "vote_passed": i % 4 != 2, "funding_confirmed": i % 3 != 1, "management_agreed": i % 2 == 0,
         "agreement_bp": 7000 + 350 * i, "fund_collection_bp": 4000 + 700 * i,
         "carried_over_years": 1 if eid == "E05" else 0}
    projects.append(p)
projects[0]["items"] = [{"facility": "water", "cost_yuan": "800000"},
                        {"facility": "drainage", "cost_yuan": "1200000"},
                        {"facility": "parking", "category": "improvement", "cost_yuan": "1200000"}]
(here / "projects.json").write_text(json.dumps({"projects": projects}, ensure_ascii=False, indent=1) + "\n")

menu = {"budget_yuan": "9.00",
        "items": [{"id": "R", "name": "雨污分流", "category": "basic", "cost_yuan": "1.00", "required": True},
                  {"id": "A", "name": "加装电梯", "cost_yuan": "4.00"},
                  {"id": "B", "name": "停车改造", "cost_yuan": "4.00"},
                  {"id": "C", "name": "适老化扶手", "cost_yuan": "2.00"}],
        "ballots": [{"household_id": "H1", "approved": ["A", "B"]},
                    {"household_id": "H2", "approved": ["A", "B"]},
                    {"household_id": "H3", "approved": ["A", "B"]},
                    {"household_id": "H4", "approved": ["C"]}]}
(here / "menu.json").write_text(json.dumps(menu, ensure_ascii=False, indent=1) + "\n")
