#!/usr/bin/python3
"""renewal's Method of Equal Shares against pabutools, the reference implementation,
on the same pabulib files in the same run (issue 20; docs/performance.md).

pabutools is not in Debian and PyPI is not reachable from the build machines, so this is
not part of the test suite or CI: it runs where a working pabutools is at hand. (A
pabutools source checkout run on Debian 12's packages — gmpy2 2.1.2 where it asks for
≥ 2.1.5, PuLP without HiGHS — returned empty allocations even for tests/data/
menu_small.pb, so no figure was taken with it; the script refuses such a pabutools.)

    PABUTOOLS=/path/to/pabutools-checkout /usr/bin/python3 bench/pabutools_compare.py \
        build/renewal [--voters 14897 --projects 134 --seed 2020]

The elections are generated to the sizes of real ones (pabulib-shaped: costs
log-uniform 10,000–1,000,000 units to the cent, a budget of a fifth of the total cost,
each voter approving 1–6 projects with Zipf-like popularity) and written as .pb files.
pabutools is timed on its MES call alone (its file parsing excluded); renewal on the
whole `renewal plan-menu FILE.pb --json` process (start-up and parsing included), so the
ratio is, if anything, unfair to renewal. The funded sets must be identical.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time


def pabulib_shaped(voters: int, projects: int, seed: int) -> str:
    rng = random.Random(seed)
    costs = [int(10_000 * 100 ** rng.random() * 100) for _ in range(projects)]  # cents
    budget = sum(costs) // 5
    weights = [1 / (k + 10) for k in range(projects)]
    lines = ["META", "key;value", "description;pabulib-shaped, generated", "country;Test",
             "unit;Test", f"num_projects;{projects}", f"num_votes;{voters}",
             f"budget;{budget // 100}.{budget % 100:02d}", "vote_type;approval",
             "rule;equal_shares", "PROJECTS", "project_id;cost;name"]
    lines += [f"{i + 1};{c // 100}.{c % 100:02d};p{i + 1}" for i, c in enumerate(costs)]
    lines += ["VOTES", "voter_id;vote"]
    for v in range(voters):
        chosen = set(rng.choices(range(projects), weights, k=rng.randint(1, 6)))
        lines.append(f"v{v};" + ",".join(str(k + 1) for k in sorted(chosen)))
    return "\n".join(lines) + "\n"


def run_pabutools(path: str, satisfaction: str):
    import pulp
    if not hasattr(pulp, "HiGHS"):  # pabutools imports it; Debian's PuLP lacks it
        pulp.HiGHS = None
    from pabutools.election import Cardinality_Sat, Cost_Sat, parse_pabulib
    from pabutools.rules import method_of_equal_shares
    instance, profile = parse_pabulib(path)
    sat = Cost_Sat if satisfaction == "cost" else Cardinality_Sat
    start = time.perf_counter()
    funded = method_of_equal_shares(instance, profile, sat_class=sat)
    return time.perf_counter() - start, sorted(p.name for p in funded)


def run_renewal(binary: str, path: str, satisfaction: str):
    start = time.perf_counter()
    out = subprocess.run([binary, "plan-menu", path, "--satisfaction", satisfaction,
                          "--completion", "none", "--json"],
                         check=True, capture_output=True, text=True).stdout
    elapsed = time.perf_counter() - start
    steps = json.loads(out)["funded"]
    return elapsed, sorted(s["item_id"] for s in steps)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("renewal", help="the renewal binary")
    ap.add_argument("--sizes", default="14897x134,9000x100,2000x60",
                    help="voters x projects, comma separated")
    ap.add_argument("--seed", type=int, default=2020)
    args = ap.parse_args()
    sys.path.insert(0, os.environ.get("PABUTOOLS", "."))
    small = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data",
                         "menu_small.pb")
    if run_pabutools(small, "cost")[1] != run_renewal(args.renewal, small, "cost")[1][:1]:
        print("pabutools does not fund A on tests/data/menu_small.pb (plain MES funds A):"
              " it does not work here", file=sys.stderr)
        return 1
    print("| election | satisfaction | pabutools MES | renewal plan-menu (whole process) | ratio | same funded set |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes.split(","):
            voters, projects = (int(x) for x in size.split("x"))
            path = os.path.join(tmp, f"e{voters}x{projects}.pb")
            with open(path, "w", encoding="utf-8") as f:
                f.write(pabulib_shaped(voters, projects, args.seed))
            for satisfaction in ("cost", "approvals"):
                pt, pf = run_pabutools(path, satisfaction)
                rt, rf = run_renewal(args.renewal, path, satisfaction)
                print(f"| {voters:,} × {projects} | {satisfaction} | {pt:.2f} s | {rt:.3f} s | "
                      f"{pt / rt:.0f}× | {'yes' if pf == rf else 'NO'} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
