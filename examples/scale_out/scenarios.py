"""Many scenarios over many cities with Dask (issue 19, part 5; docs/scale-out.md).

A ministry runs rule variants × years × cities. Each city is a partition: a Registry,
shipped to the workers as its binary snapshot (a Registry pickles through it), and every
scenario is one task per city — screening under an eligibility policy and one renovation
vote per estate under a vote rule. The results are concatenated in city order, so the
cluster's answer can be compared with the single-process one row by row.

    /usr/bin/python3 examples/scale_out/scenarios.py --cities 8 --estates 2000 --workers 2
"""

from __future__ import annotations

import argparse
import time
from typing import Iterable, List, Sequence, Tuple

import numpy as np
import pandas as pd

import renewal
from renewal import eligibility, generate, votes

# A scenario: (eligibility policy, evaluation year, vote rule).
Scenario = Tuple[str, int, str]
SCENARIOS: List[Scenario] = [
    ("national_2020", 2024, "civil_code_major"),
    ("yueyang", 2024, "yueyang_double_two_thirds"),
]
VOTE_OPENS = "2024-03-01T09:00:00+08:00"
VOTE_CLOSES = "2024-03-15T18:00:00+08:00"


def make_cities(count: int, estates: int, first_seed: int = 100) -> List[renewal.Registry]:
    """`count` synthetic cities (seeds first_seed, first_seed + 1, ...)."""
    return [generate.generate(estates=estates, seed=first_seed + i) for i in range(count)]


def ballots_for(registry: renewal.Registry) -> pd.DataFrame:
    """One ballot per dwelling, the same on every machine: numpy's PCG64 seeded with the
    registry's size draws about a quarter of the dwellings to disagree (in the registry's
    dwelling order); every ballot is cast an hour after the vote opens. Built in bulk."""
    ids = registry.to_frame("dwellings")["dwelling_id"]
    rng = np.random.default_rng([registry.estate_count, registry.dwelling_count])
    choice = np.where(rng.random(len(ids)) < 0.25, "disagree", "agree")
    opens = pd.Timestamp(VOTE_OPENS)
    cast = pd.Series(opens + pd.Timedelta(hours=1), index=range(len(ids)))  # datetime64
    return pd.DataFrame({"dwelling_id": ids.to_numpy(), "choice": choice, "time": cast})


def run_city(registry: renewal.Registry, scenario: Scenario, city: int) -> pd.DataFrame:
    """One scenario on one city: per estate, the screening status and the vote."""
    policy, year, rule = scenario
    screened = eligibility.screen(registry, policy, year)[["estate_id", "district_id", "status"]]
    tally = votes.tally_estates(registry, ballots_for(registry), rule, VOTE_OPENS, VOTE_CLOSES)
    out = screened.merge(tally[["estate_id", "passed", "ballots"]], on="estate_id", how="left")
    out.insert(0, "city", city)
    out.insert(1, "scenario", f"{policy}/{year}/{rule}")
    return out


def run_local(cities: Sequence[renewal.Registry], scenarios: Iterable[Scenario]) -> pd.DataFrame:
    """Every scenario on every city in this process."""
    parts = [run_city(r, s, c) for s in scenarios for c, r in enumerate(cities)]
    return pd.concat(parts, ignore_index=True)


def run_dask(client, cities: Sequence[renewal.Registry],
             scenarios: Iterable[Scenario]) -> pd.DataFrame:
    """The same on a Dask cluster: each city is scattered once (pickled, i.e. as its
    snapshot) and every scenario is one task per city; results in the local order."""
    shipped = client.scatter(list(cities), broadcast=False)
    futures = [client.submit(run_city, r, s, c, pure=False)
               for s in scenarios for c, r in enumerate(shipped)]
    return pd.concat(client.gather(futures), ignore_index=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cities", type=int, default=8)
    ap.add_argument("--estates", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    from dask.distributed import Client, LocalCluster

    cities = make_cities(args.cities, args.estates)
    start = time.perf_counter()
    local = run_local(cities, SCENARIOS)
    local_s = time.perf_counter() - start
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        run_dask(client, cities[:1], SCENARIOS[:1])  # workers warm: imports done
        start = time.perf_counter()
        spread = run_dask(client, cities, SCENARIOS)
        dask_s = time.perf_counter() - start
    pd.testing.assert_frame_equal(local, spread)
    print(f"{args.cities} cities × {args.estates} estates × {len(SCENARIOS)} scenarios: "
          f"{len(local):,} rows; one process {local_s:.2f} s, Dask with {args.workers} "
          f"workers {dask_s:.2f} s (speed-up {local_s / dask_s:.2f}×); results equal")


if __name__ == "__main__":
    main()
