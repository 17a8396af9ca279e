"""Python in bulk (issue 19 part 3), each path beside a reference measured in the same run.

    PYTHONPATH=build/python /usr/bin/python3 python/bench/frames_bench.py [--estates 22200]

On the synthetic city of ``renewal.generate.generate(estates, seed)`` (22,200 estates:
3.0 M dwellings) it times, best of ``--repeats``:

- ``Registry.to_frame("dwellings")``;
- ``Registry.from_frames(**to_frames())`` (checked equal to the city), beside
  ``Registry.loads`` of the same city's JSON text (the C++ reader making the same
  checks);
- ``votes.tally_estates`` on ``--ballots`` ballots (dwellings drawn at random, in estate
  order as a drive collects them; choice a Categorical, time datetime64[ns,
  Asia/Shanghai], some before the opening or after the closing), beside the plain
  pandas groupby tally of examples/votes/pandas_tally.py on the same frames (the
  ballots' dwelling IDs resolved with ``pd.Index.get_indexer``, then ``tally``; the
  integer dwelling columns it needs are prepared once, untimed). Every estate's heads,
  areas and pass/fail must be equal (``pandas_tally.check``), else exit status 1.

Prints one line per path with seconds and the ratio to its reference. No timing is
asserted; docs/performance.md records the numbers.
"""

from __future__ import annotations

import argparse
import importlib.util
import pathlib
import sys
import time

import numpy as np
import pandas as pd

import renewal
import renewal.generate
import renewal.votes as votes

ROOT = pathlib.Path(__file__).resolve().parents[2]
OPENS = 1_700_000_000
CLOSES = OPENS + 30 * 86400


def _pandas_tally():
    spec = importlib.util.spec_from_file_location(
        "pandas_tally", ROOT / "examples" / "votes" / "pandas_tally.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def best(fn, repeats):
    """(best wall seconds, last result)."""
    seconds, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        seconds = min(seconds, time.perf_counter() - start)
    return seconds, result


def ballots_for(dwellings: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = np.sort(rng.integers(0, len(dwellings), n))  # a drive goes estate by estate
    seconds = OPENS - 86400 + rng.integers(0, 32 * 86400, n)  # a few outside the window
    return pd.DataFrame({
        "dwelling_id": dwellings["dwelling_id"].to_numpy()[rows],
        "choice": pd.Categorical.from_codes(rng.choice(3, n, p=[0.8, 0.15, 0.05]).astype(np.int8),
                                            ["agree", "disagree", "abstain"]),
        "time": pd.to_datetime(seconds, unit="s", utc=True).tz_convert("Asia/Shanghai")})


def reference_inputs(city, dwellings: pd.DataFrame):
    """pandas_tally's integer dwelling columns, from the typed frames (untimed setup)."""
    owner_ids = dwellings["owner_ids"]
    co_owned = owner_ids.str.contains(";", regex=False).fillna(False).to_numpy()
    first = owner_ids.where(~co_owned, owner_ids.str.split(";").str[0])
    estate = pd.factorize(dwellings["estate_id"])[0].astype(np.int32)
    frame = pd.DataFrame({
        "estate": estate, "area": dwellings["area_centi_m2"].to_numpy(np.int32),
        "owner": city.owner_rows(first).astype(np.int32),
        "sale": dwellings["sale_state"].cat.codes.to_numpy(np.uint8)})
    pairs = [(d, o) for d, ids in zip(np.flatnonzero(co_owned), owner_ids[co_owned])
             for o in city.owner_rows(ids.split(";")[1:])]
    co_owners = pd.DataFrame(pairs or np.empty((0, 2), dtype=np.int32), columns=["dwelling", "owner"])
    return frame, co_owners.astype(np.int32), estate


def pandas_reference(pandas_tally, index, frame, co_owners, estate, owners, ballots):
    rows = index.get_indexer(ballots["dwelling_id"])
    b = pd.DataFrame({
        "vote": np.where(rows >= 0, estate[rows], -1).astype(np.int32),
        "dwelling": rows.astype(np.int32),
        "choice": ballots["choice"].cat.codes.to_numpy(np.uint8),
        "time": pd.DatetimeIndex(ballots["time"]).asi8 // 1_000_000_000,
        "owner": np.full(len(ballots), -1, dtype=np.int32)})
    return pandas_tally.tally(frame, co_owners, b, OPENS, CLOSES, owners)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--estates", type=int, default=22200)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--ballots", type=int, default=2_500_000)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args(argv)
    pandas_tally = _pandas_tally()

    start = time.perf_counter()
    city = renewal.generate.generate(estates=args.estates, seed=args.seed)
    print(f"city: {city} (generated in {time.perf_counter() - start:.1f} s)")

    to_frame_s, dwellings = best(lambda: city.to_frame("dwellings"), args.repeats)
    print(f"to_frame('dwellings'): {to_frame_s:.3f} s ({to_frame_s / city.dwelling_count * 1e9:.0f} ns/dwelling)")

    frames = city.to_frames()
    from_s, again = best(lambda: renewal.Registry.from_frames(current_year=9999, **frames), 1)
    if not again == city:
        print("from_frames: MISMATCH: the registry differs from the city", file=sys.stderr)
        return 1
    del again
    text = city.dumps()
    json_s, _ = best(lambda: renewal.Registry.loads(text, current_year=9999), 1)
    del text
    print(f"from_frames: {from_s:.3f} s (round trip equal); reference Registry.loads of the "
          f"same city's JSON: {json_s:.3f} s; ratio {json_s / from_s:.1f}x")

    ballots = ballots_for(dwellings, args.ballots, args.seed)
    tally_s, result = best(lambda: votes.tally_estates(city, ballots, "civil_code_major", OPENS, CLOSES),
                           args.repeats)
    frame, co_owners, estate = reference_inputs(city, dwellings)
    index = pd.Index(dwellings["dwelling_id"])
    ref_s, reference = best(lambda: pandas_reference(pandas_tally, index, frame, co_owners, estate,
                                                     city.owner_count, ballots), 1)
    cpp = pd.DataFrame({"heads_total": result["heads_total"],
                        "heads_participating": result["heads_participating"],
                        "heads_agree": result["heads_agree"],
                        "area_total": result["area_total_centi_m2"],
                        "area_participating": result["area_participating_centi_m2"],
                        "area_agree": result["area_agree_centi_m2"], "passed": result["passed"]})
    try:
        pandas_tally.check(reference, cpp)
    except pandas_tally.Mismatch as e:
        print(f"tally_estates: MISMATCH with the pandas tally: {e}", file=sys.stderr)
        return 1
    print(f"tally_estates: {tally_s:.3f} s for {len(ballots):,} ballots, {len(result):,} estates "
          f"({int(result['passed'].sum()):,} passed); reference pandas groupby tally: {ref_s:.3f} s; "
          f"ratio {ref_s / tally_s:.1f}x; all {len(result):,} votes equal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
