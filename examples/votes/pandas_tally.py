"""A straightforward pandas groupby implementation of the vote tally, run on the
exact data of the C++ benchmark and checked against the C++ results vote by vote.

    build/bench/vote_dump DIR [--estates 21900]      # the city, C++ results and time
    /usr/bin/python3 examples/votes/pandas_tally.py DIR [--repeats 3]

``vote_dump`` writes bench/vote_bench.cc's synthetic city (bench/vote_city.h) as
.npy columns, counts every vote with the C++ ``Tallier`` (one vote per estate, no
breakdown) and records the per-vote totals and the CPU time. This script loads the
same arrays, counts with pandas under the same decisions (docs/votes.md
"Counting"), raises ``Mismatch`` (exit status 1) unless every vote's heads, areas
and pass/fail equal the C++ ones exactly, and prints both CPU times and the ratio.

The decisions, as in src/vote_tally.cc: ballots for unknown dwellings, outside the
vote's estate, outside [opens, closes], for ownerless dwellings, or naming a caster
who is not an owner of the dwelling are not counted; per dwelling and caster the
latest ballot counts (ties: the later in the box); different casters of one
dwelling must agree (co-owners cast one vote) or the dwelling does not take part;
persons (法释〔2009〕7号 art. 9): the developer's unsold/undelivered units are one
person per estate, dwellings with the same set of owners are one person, an
ownerless dwelling is one; a person whose units voted differently does not take
part; civil_code_major with integer comparisons (a test over 0 fails).
"""

import argparse
import json
import os
import resource
import sys
import time

import numpy as np
import pandas as pd

COLUMNS = ["heads_total", "heads_participating", "heads_agree",
           "area_total", "area_participating", "area_agree", "passed"]
AGREE = 0


class Mismatch(Exception):
    """The pandas tally differs from the C++ one."""


def load(directory):
    """The dump as DataFrames: dwellings, co_owners, ballots, the C++ results and meta."""
    def npy(name):
        return np.load(os.path.join(directory, name + ".npy"))

    with open(os.path.join(directory, "meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    dwellings = pd.DataFrame({"estate": npy("dwelling_estate"), "area": npy("dwelling_area"),
                              "owner": npy("dwelling_owner"), "sale": npy("dwelling_sale")})
    co_owners = pd.DataFrame({"dwelling": npy("co_owner_dwelling"), "owner": npy("co_owner_owner")})
    starts = npy("vote_ballot_start")
    ballots = pd.DataFrame({
        "vote": np.repeat(np.arange(len(starts) - 1, dtype=np.int32), np.diff(starts)),
        "dwelling": npy("ballot_dwelling"), "choice": npy("ballot_choice"),
        "time": npy("ballot_time"), "owner": npy("ballot_owner")})
    cpp = pd.DataFrame({c: npy("result_" + c) for c in COLUMNS})
    cpp["passed"] = cpp["passed"].astype(bool)
    return dwellings, co_owners, ballots, cpp, meta


def person_keys(dwellings, co_owners, owners):
    """One key per dwelling; equal keys within an estate are one person."""
    key = dwellings["owner"].to_numpy().astype(np.int64)
    if len(co_owners):
        # Co-owned dwellings: the set of all their owners decides ({X} and {X, Y}
        # are different buyers; {X, Y} on two units is one person).
        co_dw = co_owners["dwelling"].unique()
        members = pd.concat([pd.DataFrame({"dwelling": co_dw,
                                           "owner": dwellings["owner"].to_numpy()[co_dw]}),
                             co_owners], ignore_index=True)
        members = members.sort_values(["dwelling", "owner"])
        members["rank"] = members.groupby("dwelling").cumcount()
        wide = members.pivot(index="dwelling", columns="rank", values="owner").fillna(-1)
        set_id = wide.groupby(list(wide.columns)).ngroup()
        key[set_id.index.to_numpy()] = owners + set_id.to_numpy()
    ownerless = dwellings["owner"].to_numpy() < 0
    key[ownerless] = -2 - np.flatnonzero(ownerless)  # each its own person
    key[dwellings["sale"].to_numpy() != 0] = -1       # the developer (per estate)
    return key


def valid_ballots(dwellings, co_owners, ballots, opens, closes):
    """The ballots the count may use, with their position in the box (`seq`)."""
    b = ballots.assign(seq=np.arange(len(ballots)))
    b = b[b["dwelling"] >= 0]
    d = b["dwelling"].to_numpy()
    b = b[(dwellings["estate"].to_numpy()[d] == b["vote"].to_numpy())
          & (b["time"] >= opens).to_numpy() & (b["time"] <= closes).to_numpy()
          & (dwellings["owner"].to_numpy()[d] >= 0)]
    first = dwellings["owner"].to_numpy()[b["dwelling"].to_numpy()]
    other = b[(b["owner"] != -1).to_numpy() & (b["owner"].to_numpy() != first)]
    if len(other):
        found = other.merge(co_owners, on=["dwelling", "owner"], how="left", indicator=True)
        b = b.drop(other.index[(found["_merge"] != "both").to_numpy()])
    return b


def tally(dwellings, co_owners, ballots, opens, closes, owners):
    """Per vote (one per estate): totals and civil_code_major's pass/fail."""
    b = valid_ballots(dwellings, co_owners, ballots, opens, closes)
    latest = (b.sort_values(["vote", "dwelling", "owner", "time", "seq"])
              .drop_duplicates(["vote", "dwelling", "owner"], keep="last"))
    per_dwelling = latest.groupby(["vote", "dwelling"])["choice"].agg(["nunique", "first"])
    agreed = per_dwelling[per_dwelling["nunique"] == 1]  # casters disagreeing: no vote
    choice = pd.Series(agreed["first"].to_numpy(),
                       index=agreed.index.get_level_values("dwelling"), name="choice")
    d = dwellings.assign(person=person_keys(dwellings, co_owners, owners))
    d = d.join(choice)
    persons = d.groupby(["estate", "person"]).agg(area=("area", "sum"),
                                                  choices=("choice", "nunique"),
                                                  choice=("choice", "first"))
    persons.loc[persons["choices"] > 1, "choice"] = np.nan  # inconsistent: not counted
    persons["part"] = persons["choice"].notna()
    persons["agree"] = persons["choice"] == AGREE
    persons["part_area"] = persons["area"].where(persons["part"], 0)
    persons["agree_area"] = persons["area"].where(persons["agree"], 0)
    e = persons.groupby("estate").agg(heads_total=("area", "size"), area_total=("area", "sum"),
                                      heads_participating=("part", "sum"),
                                      area_participating=("part_area", "sum"),
                                      heads_agree=("agree", "sum"), area_agree=("agree_area", "sum"))
    e = e.astype(np.int64)
    # civil_code_major (民法典 art. 278 items 6–8): participation ≥ 2/3 of all area
    # and heads, agreement ≥ 3/4 of the participants' area and heads; exact integers.
    e["passed"] = ((e.area_participating * 3 >= e.area_total * 2)
                   & (e.heads_participating * 3 >= e.heads_total * 2)
                   & (e.area_agree * 4 >= e.area_participating * 3)
                   & (e.heads_agree * 4 >= e.heads_participating * 3)
                   & (e.heads_participating > 0) & (e.area_total > 0))
    e.index.name = "vote"
    return e[COLUMNS]


def check(result, cpp):
    """Raises Mismatch at the first vote whose totals or pass/fail differ."""
    if len(result) != len(cpp) or not np.array_equal(result.index.to_numpy(), np.arange(len(cpp))):
        raise Mismatch(f"pandas counted {len(result)} votes, C++ {len(cpp)}")
    for col in COLUMNS:
        a, c = result[col].to_numpy(), cpp[col].to_numpy()
        bad = np.flatnonzero(a != c)
        if bad.size:
            v = int(bad[0])
            raise Mismatch(f"vote {v}: {col} pandas {a[v]} != C++ {c[v]} "
                           f"({bad.size} of {len(cpp)} votes differ in {col})")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", help="output directory of build/bench/vote_dump")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    dwellings, co_owners, ballots, cpp, meta = load(args.directory)
    load_seconds = time.perf_counter() - start
    if meta["rule"] != "civil_code_major":
        raise Mismatch(f"the dump was counted by {meta['rule']}, this script implements civil_code_major")
    best_cpu = best_wall = float("inf")
    for _ in range(args.repeats):
        cpu0, wall0 = time.process_time(), time.perf_counter()
        result = tally(dwellings, co_owners, ballots, meta["opens"], meta["closes"], meta["owners"])
        best_cpu = min(best_cpu, time.process_time() - cpu0)
        best_wall = min(best_wall, time.perf_counter() - wall0)
        check(result, cpp)
    peak_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    n = meta["ballots"]
    cpp_cpu = meta["cpp_cpu_seconds"]
    print(f"estates={meta['estates']} dwellings={meta['dwellings']} ballots={n} "
          f"votes={meta['votes']} passed={int(result['passed'].sum())}")
    print(f"parity: all {len(cpp)} votes equal (heads, areas, passed)")
    print(f"cpp_cpu_seconds={cpp_cpu:.4f} ({cpp_cpu / n * 1e9:.1f} ns/ballot)  "
          f"pandas_cpu_seconds={best_cpu:.3f} ({best_cpu / n * 1e9:.0f} ns/ballot) "
          f"pandas_wall_seconds={best_wall:.3f}  ratio={best_cpu / cpp_cpu:.0f}x  "
          f"load_seconds={load_seconds:.2f} peak_rss_gb={peak_gb:.2f}")


if __name__ == "__main__":
    try:
        main()
    except Mismatch as e:
        print(f"pandas_tally: MISMATCH: {e}", file=sys.stderr)
        sys.exit(1)
