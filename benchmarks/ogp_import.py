"""OGP export throughput: read_export and write_export on the real 558-row sample.

Run: python benchmarks/ogp_import.py [REPEAT]   (default 7 repetitions)
Prints the median time of each step and its rate in rows per second. The sample is looked up as
the tests do: ``tests/data/ogp/``, else ``$OPENGOV_SHARED/data/ogp/`` or ``../shared/data/ogp/``.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from opengov.io.ogp import read_export, write_export

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = Path("data") / "ogp" / "open_parliament_0703.csv"


def sample_path() -> Path:
    configured = os.environ.get("OPENGOV_SHARED")
    candidates = [ROOT / "tests"]
    candidates += [Path(configured)] if configured else []
    candidates += [ROOT.parent / "shared", ROOT / "shared"]
    for candidate in candidates:
        if (candidate / SAMPLE).is_file():
            return candidate / SAMPLE
    raise SystemExit("the OGP sample was not found; set OPENGOV_SHARED to the shared/ folder")


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(repeat: int = 7) -> None:
    path = sample_path()
    found = read_export(path)
    rows = found.rows
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "export.csv"
        results = {
            "read_export": median_seconds(lambda: read_export(path), repeat),
            "read_export(check_derived=True)": median_seconds(
                lambda: read_export(path, check_derived=True), repeat
            ),
            "write_export": median_seconds(lambda: write_export(found.collection, out), repeat),
        }
    print(f"{path.name}: {rows} rows, {len(found.plans)} plans; median of {repeat} runs")
    print(f"Python {platform.python_version()} on {platform.machine()}")
    for name, seconds in results.items():
        print(f"  {name:<34} {seconds * 1000:8.1f} ms  {rows / seconds:10,.0f} rows/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
