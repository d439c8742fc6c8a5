"""RDF against pyoxigraph on the same triples: every syntax, both directions, and memory.

Run: python benchmarks/rdf_throughput.py [PLANS] [REPEAT]   (default 1000 plans; the OGP
collection's times are medians of REPEAT runs, default 5, the corpus's of one run each: a run
there takes seconds to a minute)

Two data sets: OGP's 558-commitment export (tests/data/ogp) imported as one collection, and the
synthetic corpus of PLANS plans (benchmarks/corpus.py) as one collection. For each syntax
(Turtle, N-Triples, JSON-LD):

- write: ``opengov.io.rdf.dumps`` (model → text) against ``pyoxigraph.serialize`` of the same
  triples, already built as pyoxigraph terms (what a store's dump costs);
- read: ``opengov.io.rdf.loads`` (text → model, every check included) against
  ``list(pyoxigraph.parse(...))`` of the same text (triples as Python objects).

Both sides are timed in this process, alternately, and the ratio is opengov ÷ pyoxigraph. Then
the peak of Python memory (tracemalloc) while reading the OGP collection from a file, in each
syntax and in JSON, and every round trip is checked to give the same collection.
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
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import pyoxigraph as ox
from corpus import make_corpus

import opengov
from opengov.io import rdf
from opengov.io.ogp import read_export
from opengov.io.rdf._terms import NAMESPACES
from opengov.model import PlanCollection

ROOT = Path(__file__).resolve().parents[1]
OGP = ROOT / "tests" / "data" / "ogp" / "open_parliament_0703.csv"
SYNTAXES = {
    "turtle": (ox.RdfFormat.TURTLE, ".ttl"),
    "nt": (ox.RdfFormat.N_TRIPLES, ".nt"),
    "json-ld": (ox.RdfFormat.JSON_LD, ".jsonld"),
}
TARGET = 10.0


def seconds(run: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def medians(pair: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median time of each run, the runs alternating so both see the same machine load."""
    times: dict[str, list[float]] = {name: [] for name in pair}
    for _ in range(repeat):
        for name, run in pair.items():
            times[name].append(seconds(run))
    return {name: statistics.median(values) for name, values in times.items()}


def compare(name: str, collection: PlanCollection, repeat: int) -> list[tuple[str, float]]:
    nt = rdf.dumps(collection, "nt").encode("utf-8")
    triples = [quad.triple for quad in ox.parse(nt, ox.RdfFormat.N_TRIPLES)]
    prefixes = {**NAMESPACES, "id": rdf.DEFAULT_BASE}
    runs = f"median of {repeat}" if repeat > 1 else "one run"
    print(f"\n{name}: {len(collection.plans):,} plans, {len(triples):,} triples; {runs}")
    print(f"{'syntax':<10}{'direction':<10}{'opengov s':>11}{'pyoxigraph s':>14}{'ratio':>8}")
    ratios = []
    for syntax, (fmt, _) in SYNTAXES.items():
        text = rdf.dumps(collection, syntax)
        assert rdf.loads(text, syntax) == collection, f"{syntax} round trip"
        write = medians(
            {
                "opengov": lambda s=syntax: rdf.dumps(collection, s),
                "pyoxigraph": lambda f=fmt: ox.serialize(triples, format=f, prefixes=prefixes),
            },
            repeat,
        )
        read = medians(
            {
                "opengov": lambda t=text, s=syntax: rdf.loads(t, s),
                "pyoxigraph": lambda t=text, f=fmt: list(ox.parse(t, f)),
            },
            repeat,
        )
        for direction, found in (("write", write), ("read", read)):
            ratio = found["opengov"] / found["pyoxigraph"]
            ratios.append((f"{name} {syntax} {direction}", ratio))
            print(
                f"{syntax:<10}{direction:<10}{found['opengov']:>11.3f}{found['pyoxigraph']:>14.3f}"
                f"{ratio:>7.1f}x"
            )
    return ratios


def peak(run: Callable[[], object]) -> int:
    """Peak bytes of Python memory while ``run`` runs (what it returns is dropped after)."""
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    kept = run()
    found = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del kept
    return found


def memory(collection: PlanCollection) -> float:
    print("\nreading the OGP collection from a file: peak of Python memory (tracemalloc)")
    with tempfile.TemporaryDirectory() as folder:
        files = {"json": Path(folder) / "ogp.json"}
        files.update({s: Path(folder) / f"ogp{suffix}" for s, (_, suffix) in SYNTAXES.items()})
        for path in files.values():
            opengov.dump(collection, path)
        peaks = {syntax: peak(lambda p=path: opengov.load(p)) for syntax, path in files.items()}
        sizes = {syntax: path.stat().st_size for syntax, path in files.items()}
    for syntax, found in peaks.items():
        print(
            f"  {syntax:<8} file {sizes[syntax] / 1e6:6.1f} MB   peak {found / 1e6:7.1f} MB"
            f"   {found / peaks['json']:5.2f}x JSON's"
        )
    return peaks["nt"] / peaks["json"]


def main(plans: int = 1000, repeat: int = 5) -> None:
    print(
        f"Python {platform.python_version()} on {platform.machine()}; "
        f"pyoxigraph {version('pyoxigraph')}, opengov {opengov.__version__}"
    )
    ogp = read_export(OGP).collection
    ratios = compare("OGP export", ogp, repeat)
    corpus = PlanCollection(id="bench", plans=make_corpus(plans))
    ratios += compare(f"corpus of {plans:,} plans", corpus, 1)
    del corpus
    nt_memory = memory(ogp)
    print(
        f"\ntargets (every ratio within {TARGET:.0f}x pyoxigraph; N-Triples read ≤ 3x JSON memory):"
    )
    worst = max(ratios, key=lambda item: item[1])
    print(
        f"  worst ratio: {worst[1]:.1f}x ({worst[0]}): {'met' if worst[1] <= TARGET else 'NOT met'}"
    )
    print(
        f"  N-Triples read memory: {nt_memory:.2f}x JSON's: {'met' if nt_memory <= 3 else 'NOT met'}"
    )


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 1000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 5,
    )
