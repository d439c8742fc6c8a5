"""Serialisation speed and memory of opengov against the practical limit and its peers.

Run: ``make bench`` (or ``python benchmarks/serialisation.py [PLANS]``, default 1000 plans of
20 commitments × 5 milestones: 100,000 milestones). Prints medians of several repetitions, the
corpus size, and ratios:

- JSON dump and load: opengov vs the same data as plain dicts through orjson (the practical
  limit), pydantic v2 models and msgspec structs (what a user might pick instead);
- CSV tables: write and read, a folder and a zip (in a temporary folder), against opengov's own
  JSON dump and load (the target: within 2x);
- peak memory of the loaded corpus vs the dict tree;
- everything again at one tenth of the size, to show how cost grows.
"""

from __future__ import annotations

import gc
import platform
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import attrs
import cattrs
import msgspec
import orjson
import pydantic
from corpus import make_corpus
from peers import MCollection, PCollection

from opengov.io import csv as ogcsv
from opengov.io import json as ogjson
from opengov.model import PlanCollection

REPEAT = 5


def median(run: Callable[[], object], repeat: int = REPEAT) -> float:
    """Median wall time of ``run`` (the collector runs between repetitions, not during timing)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def retained(build: Callable[[], Any]) -> int:
    """Bytes still allocated by what ``build`` returns."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = build()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return after - before


def measure(plans: int) -> dict[str, float]:
    corpus = PlanCollection(id="bench", plans=make_corpus(plans))
    document = ogjson.to_dict(corpus)
    data = orjson.dumps(document)
    text = ogjson.dumps(corpus, indent=False)
    pyd = PCollection.model_validate_json(data)
    ms = msgspec.json.decode(data, type=MCollection)
    folder = Path(tempfile.mkdtemp())
    ogcsv.write_zip(corpus, folder / "corpus.zip")
    ogcsv.write_folder(corpus, folder / "tables")

    results = {
        "json dump: opengov": median(lambda: ogjson.dump_bytes(corpus, indent=False)),
        "json dump: orjson on dicts": median(lambda: orjson.dumps(document)),
        "json dump: pydantic v2": median(lambda: pyd.model_dump_json(exclude_defaults=True)),
        "json dump: msgspec": median(lambda: msgspec.json.encode(ms)),
        "json load: opengov": median(lambda: ogjson.loads(text)),
        "json load: orjson to dicts": median(lambda: orjson.loads(data)),
        "json load: pydantic v2": median(lambda: PCollection.model_validate_json(data)),
        "json load: msgspec": median(lambda: msgspec.json.decode(data, type=MCollection)),
        "csv write (folder)": median(lambda: ogcsv.write_folder(corpus, folder / "again"), 3),
        "csv read (folder)": median(lambda: ogcsv.read_folder(folder / "tables"), 3),
        "csv write (zip)": median(lambda: ogcsv.write_zip(corpus, folder / "again.zip"), 3),
        "csv read (zip)": median(lambda: ogcsv.read_zip(folder / "corpus.zip"), 3),
    }
    results["bytes"] = len(data)
    results["memory: opengov objects"] = retained(lambda: ogjson.loads(text))
    results["memory: dict tree"] = retained(lambda: orjson.loads(data))
    results["memory: pydantic models"] = retained(lambda: PCollection.model_validate_json(data))
    return results


def report(plans: int, results: dict[str, float]) -> None:
    milestones = plans * 100
    print(
        f"\ncorpus: {plans:,} plans x 20 commitments x 5 milestones = {milestones:,} milestones, {results['bytes'] / 1e6:.1f} MB of JSON"
    )
    print(f"{'operation':<32}{'median s':>10}{'vs opengov':>12}")
    for kind in ("dump", "load"):
        ours = results[f"json {kind}: opengov"]
        for name, seconds in results.items():
            if name.startswith(f"json {kind}"):
                print(f"{name:<32}{seconds:>10.3f}{ours / seconds:>11.2f}x")
    print(f"{'':<32}{'':>10}{'vs JSON':>12}")
    for name in csv_names():
        json_name = "json dump: opengov" if "write" in name else "json load: opengov"
        print(f"{name:<32}{results[name]:>10.3f}{results[name] / results[json_name]:>11.2f}x")
    dicts = results["memory: dict tree"]
    for name in ("memory: opengov objects", "memory: dict tree", "memory: pydantic models"):
        print(
            f"{name:<32}{results[name] / 1e6:>9.1f} MB{results[name] / dicts:>11.2f}x of the dict tree"
        )


def csv_names() -> list[str]:
    return [f"csv {d} ({w})" for w in ("folder", "zip") for d in ("write", "read")]


def main() -> None:
    plans = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.system()}; median of {REPEAT} (csv: 3)"
    )
    print(
        f"attrs {attrs.__version__}, cattrs {cattrs.__version__ if hasattr(cattrs, '__version__') else _version('cattrs')}, orjson {orjson.__version__}, "
        f"pydantic {pydantic.VERSION}, msgspec {msgspec.__version__}"
    )
    big = measure(plans)
    report(plans, big)
    small = measure(max(1, plans // 10))
    report(max(1, plans // 10), small)
    print("\nscaling (10x the data):")
    for name in big:
        if name.startswith(("json", "csv")):
            print(f"{name:<32}{big[name] / small[name]:>8.1f}x the time")
    print("\ntargets:")
    print(
        f"  json dump no slower than pydantic v2: {big['json dump: opengov'] <= big['json dump: pydantic v2']}"
    )
    print(
        f"  json load no slower than pydantic v2: {big['json load: opengov'] <= big['json load: pydantic v2']}"
    )
    print(
        f"  json dump within 4x of orjson: {big['json dump: opengov'] / big['json dump: orjson on dicts']:.1f}x"
    )
    print(
        f"  json load within 4x of orjson: {big['json load: opengov'] / big['json load: orjson to dicts']:.1f}x"
    )
    for name in csv_names():
        json_name = "json dump: opengov" if "write" in name else "json load: opengov"
        ratio = big[name] / big[json_name]
        print(f"  {name} within 2x of JSON: {ratio:.2f}x ({'met' if ratio <= 2 else 'NOT met'})")


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


if __name__ == "__main__":
    main()
