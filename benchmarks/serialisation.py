"""Serialisation speed and memory of opengov against the practical limit and its peers.

Run: ``make bench`` (or ``python benchmarks/serialisation.py [PLANS]``, default 1000 plans of
20 commitments × 5 milestones: 100,000 milestones). Prints medians of several repetitions, the
corpus size, and ratios:

- JSON dump and load: opengov vs the same data as plain dicts through orjson (the practical
  limit), pydantic v2 models and msgspec structs (what a user might pick instead);
- CSV tables: write and read (a zip in a temporary folder);
- RDF: to_graph + rdflib N-Triples vs the streaming writer, in triples per second (on a tenth of
  the corpus: rdflib's graph is the slow path this compares against);
- peak memory of the loaded corpus vs the dict tree;
- everything again at one tenth of the size, to show how cost grows.
"""

from __future__ import annotations

import gc
import io
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
import rdflib
from corpus import make_corpus
from peers import MCollection, PCollection

from opengov.io import csv as ogcsv
from opengov.io import json as ogjson
from opengov.io import rdf
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
    sample = PlanCollection(id="bench", plans=corpus.plans[: max(1, plans // 10)])
    triples = sum(1 for plan in sample.plans for _ in rdf.ntriples_lines(plan))

    def rdflib_nt() -> None:
        for plan in sample.plans:
            rdf.to_graph(plan).serialize(format="nt")

    results = {
        "json dump: opengov": median(lambda: ogjson.dump_bytes(corpus, indent=False)),
        "json dump: orjson on dicts": median(lambda: orjson.dumps(document)),
        "json dump: pydantic v2": median(lambda: pyd.model_dump_json(exclude_defaults=True)),
        "json dump: msgspec": median(lambda: msgspec.json.encode(ms)),
        "json load: opengov": median(lambda: ogjson.loads(text)),
        "json load: orjson to dicts": median(lambda: orjson.loads(data)),
        "json load: pydantic v2": median(lambda: PCollection.model_validate_json(data)),
        "json load: msgspec": median(lambda: msgspec.json.decode(data, type=MCollection)),
        "csv write (zip)": median(lambda: ogcsv.write_zip(corpus, folder / "again.zip"), 3),
        "csv read (zip)": median(lambda: ogcsv.read_zip(folder / "corpus.zip"), 3),
        "rdf: to_graph + rdflib nt": median(rdflib_nt, 3),
        "rdf: streaming nt": median(lambda: rdf.write_ntriples(sample.plans, io.StringIO()), 3),
    }
    results["triples"] = triples
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
    for name in ("csv write (zip)", "csv read (zip)"):
        print(f"{name:<32}{results[name]:>10.3f}")
    triples = results["triples"]
    for name in ("rdf: to_graph + rdflib nt", "rdf: streaming nt"):
        print(
            f"{name:<32}{results[name]:>10.3f}   {triples / results[name]:>10,.0f} triples/s ({int(triples):,} triples)"
        )
    print(
        f"streaming vs rdflib: {results['rdf: to_graph + rdflib nt'] / results['rdf: streaming nt']:.1f}x faster"
    )
    dicts = results["memory: dict tree"]
    for name in ("memory: opengov objects", "memory: dict tree", "memory: pydantic models"):
        print(
            f"{name:<32}{results[name] / 1e6:>9.1f} MB{results[name] / dicts:>11.2f}x of the dict tree"
        )


def main() -> None:
    plans = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.system()}; median of {REPEAT} (csv, rdf: 3)"
    )
    print(
        f"attrs {attrs.__version__}, cattrs {cattrs.__version__ if hasattr(cattrs, '__version__') else _version('cattrs')}, orjson {orjson.__version__}, "
        f"pydantic {pydantic.VERSION}, msgspec {msgspec.__version__}, rdflib {rdflib.__version__}"
    )
    big = measure(plans)
    report(plans, big)
    small = measure(max(1, plans // 10))
    report(max(1, plans // 10), small)
    print("\nscaling (10x the data):")
    for name in big:
        if name.startswith(("json", "csv", "rdf")):
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
    print(
        f"  streaming nt >= 5x rdflib: {big['rdf: to_graph + rdflib nt'] / big['rdf: streaming nt']:.1f}x"
    )


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


if __name__ == "__main__":
    main()
