"""A straightforward pandas groupby implementation of the vote tally, timed on
synthetic data of the same shape as bench/vote_bench.cc's BM_CountCity (173
dwellings per estate; every 20th dwelling owned by the previous owner, every 50th
developer-unsold; ~90% vote with 70/20/10 agree/disagree/abstain; ~2% vote twice,
~0.5% late). Same rule (civil_code_major) and the same counting decisions
(person = owner, the developer's unsold units one person, latest ballot counts,
inconsistent persons excluded); co-owner casters are not modelled here.

    /usr/bin/python3 examples/votes/pandas_tally.py [ESTATES]   # default 21900

Prints the tally time, so docs/votes.md can report the C++/pandas ratio.
"""

import sys
import time

import numpy as np
import pandas as pd

PER_ESTATE = 173


def make(estates: int, seed: int = 42):
    n = estates * PER_ESTATE
    k = np.tile(np.arange(PER_ESTATE), estates)
    estate = np.repeat(np.arange(estates), PER_ESTATE)
    area = 5000 + (k * 7919) % 7000
    dev = k % 50 == 49
    # Owner: a new owner per dwelling, except every 20th shares the previous one.
    owner = np.arange(n)
    share = (k % 20 == 19) & ~dev
    owner[share] = owner[np.flatnonzero(share) - 1]
    person = np.where(dev, -1 - estate, owner)  # developer units: one person per estate
    dwellings = pd.DataFrame({"dwelling": np.arange(n), "estate": estate, "area": area,
                              "person": person})
    rng = np.random.default_rng(seed)
    r = rng.integers(0, 1000, n)
    votes = r < 900
    choice = np.where(r < 630, 0, np.where(r < 810, 1, 2))
    t = np.where(r % 200 == 0, 3000, 1000 + r)
    b = pd.DataFrame({"dwelling": np.flatnonzero(votes), "choice": choice[votes], "time": t[votes]})
    again = votes & (r % 50 == 1)
    b2 = pd.DataFrame({"dwelling": np.flatnonzero(again), "choice": 0, "time": t[again] + 5})
    ballots = pd.concat([b, b2], ignore_index=True)
    return dwellings, ballots


def tally(dwellings: pd.DataFrame, ballots: pd.DataFrame, opens=0, closes=2000) -> pd.DataFrame:
    ok = ballots[(ballots.time >= opens) & (ballots.time <= closes)]
    latest = ok.sort_values(["dwelling", "time"]).drop_duplicates("dwelling", keep="last")
    d = dwellings.merge(latest[["dwelling", "choice"]], on="dwelling", how="left")
    persons = d.groupby(["estate", "person"]).agg(area=("area", "sum"),
                                                  nchoice=("choice", "nunique"),
                                                  choice=("choice", "first"))
    persons.loc[persons.nchoice > 1, "choice"] = np.nan  # inconsistent: not counted
    persons["part"] = persons.choice.notna()
    persons["agree"] = persons.choice == 0
    persons["part_area"] = persons.area * persons.part
    persons["agree_area"] = persons.area * persons.agree
    e = persons.groupby("estate").agg(heads=("area", "size"), area=("area", "sum"),
                                      part_heads=("part", "sum"), part_area=("part_area", "sum"),
                                      agree_heads=("agree", "sum"), agree_area=("agree_area", "sum"))
    # civil_code_major, exact integer comparisons.
    e["passed"] = ((e.part_area * 3 >= e.area * 2) & (e.part_heads * 3 >= e.heads * 2) &
                   (e.agree_area * 4 >= e.part_area * 3) & (e.agree_heads * 4 >= e.part_heads * 3) &
                   (e.part_heads > 0))
    return e


def main():
    estates = int(sys.argv[1]) if len(sys.argv) > 1 else 21_900
    dwellings, ballots = make(estates)
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        result = tally(dwellings, ballots)
        best = min(best, time.process_time() - start)
    print(f"estates={estates} dwellings={len(dwellings)} ballots={len(ballots)} "
          f"passed={int(result.passed.sum())} cpu_seconds={best:.3f} "
          f"ns_per_ballot={best / len(ballots) * 1e9:.1f}")


if __name__ == "__main__":
    main()
