"""read_survey of a 200,000-dwelling survey workbook (issue 18: ≤ 10 s), beside plain
``pandas.read_excel`` of the same file measured in the same run.

    PYTHONPATH=build/python /usr/bin/python3 bench/survey_bench.py [--dwellings 200000]

A synthetic city (``renewal.generate.generate``) with about ``--dwellings`` dwellings is
written once with ``to_frames`` as a workbook (sheets estates, buildings, dwellings,
districts, streets: a survey without an owners sheet, the dwellings naming their owners;
xlsxwriter, untimed) and as a folder of CSV files. Then, best of ``--repeats``:

- ``renewal.read_survey(workbook)``: every sheet read, checked and built into a Registry,
  which must equal ``from_frames`` of the same frames (else exit status 1);
- ``pandas.read_excel(workbook, sheet_name=None)`` (openpyxl): the sheets as frames,
  nothing checked or built — the reference;
- ``renewal.read_survey(folder of CSV)``;
- with ``--openpyxl``, read_survey through openpyxl (the fallback for workbooks the fast
  reader does not take);
- with ``--owners``, a workbook with the owners sheet too (as many rows again), which
  must give the city itself.

Prints one line per path with seconds and the ratio to the reference. No timing is
asserted; docs/performance.md records the numbers.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import tempfile
import time

import pandas as pd
import xlsxwriter

import renewal
import renewal.generate
from renewal import _xlsx

DWELLINGS_PER_ESTATE = 135  # the generator's average (22,200 estates: 3.0 M dwellings)


def write_workbook(path: pathlib.Path, frames: dict) -> None:
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "nan_inf_to_errors": True})
    for name, frame in frames.items():
        ws = wb.add_worksheet(name)
        ws.write_row(0, 0, list(frame.columns))
        columns = [frame[c].astype(object).where(frame[c].notna(), None).to_numpy()
                   for c in frame.columns]
        for r in range(len(frame)):
            for k, column in enumerate(columns):
                v = column[r]
                if v is not None:
                    ws.write(r + 1, k, v)
    wb.close()


def best(repeats: int, fn):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dwellings", type=int, default=200_000)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--owners", action="store_true",
                    help="also a workbook with the owners sheet (as many rows again)")
    ap.add_argument("--openpyxl", action="store_true", help="also time the openpyxl fallback")
    args = ap.parse_args()

    year = 2026
    city = renewal.generate.generate(max(1, args.dwellings // DWELLINGS_PER_ESTATE), args.seed)
    frames = city.to_frames(["estates", "buildings", "dwellings", "districts", "streets"])
    # The survey as a surveyor has it: no owners sheet (the dwellings name their owners),
    # so the expected registry is the same frames through from_frames.
    expected = renewal.Registry.from_frames(
        frames["estates"], frames["buildings"], frames["dwellings"], current_year=year,
        districts=frames["districts"], streets=frames["streets"])
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        book = pathlib.Path(tmp) / "survey.xlsx"
        folder = pathlib.Path(tmp) / "csv"
        folder.mkdir()
        start = time.perf_counter()
        write_workbook(book, frames)
        for name, frame in frames.items():
            frame.to_csv(folder / f"{name}.csv", index=False)
        print(f"city: {city.estate_count} estates, {city.dwelling_count:,} dwellings (the "
              f"dwellings sheet's rows); workbook {book.stat().st_size / 1e6:.1f} MB written "
              f"in {time.perf_counter() - start:.1f} s (untimed)")

        ref, sheets = best(args.repeats, lambda: pd.read_excel(book, sheet_name=None,
                                                               engine="openpyxl"))
        print(f"pandas.read_excel (openpyxl), reference: {ref:7.2f} s  "
              f"({len(sheets['dwellings']):,} dwelling rows)")
        for what, path in ((".xlsx", book), ("folder of .csv", folder)):
            t, again = best(args.repeats, lambda: renewal.read_survey(path, current_year=year))
            ok &= again == expected
            print(f"read_survey({what}):{' ' * (24 - len(what))}{t:7.2f} s  ratio {t / ref:.2f}  "
                  f"equal: {again == expected}")
        if args.openpyxl:
            fast = _xlsx.read_sheets
            _xlsx.read_sheets = lambda *a, **k: (_ for _ in ()).throw(_xlsx.Unreadable("bench"))
            try:
                t, again = best(args.repeats, lambda: renewal.read_survey(book, current_year=year))
            finally:
                _xlsx.read_sheets = fast
            ok &= again == expected
            print(f"read_survey(.xlsx) through openpyxl:     {t:7.2f} s  ratio {t / ref:.2f}")
        if args.owners:
            full = pathlib.Path(tmp) / "with_owners.xlsx"
            write_workbook(full, city.to_frames(["estates", "buildings", "dwellings", "owners",
                                                 "districts", "streets"]))
            t, again = best(args.repeats, lambda: renewal.read_survey(full, current_year=year))
            ok &= again == city
            print(f"read_survey(.xlsx with the owners sheet, {city.owner_count:,} more rows): "
                  f"{t:.2f} s  equal: {again == city}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
