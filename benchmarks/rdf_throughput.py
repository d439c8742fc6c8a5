"""RDF serialisation throughput: rdflib Graph vs the streaming N-Triples writer (and pyoxigraph).

Run: python benchmarks/rdf_throughput.py [PLANS]   (default 60 plans, about 170k triples)
Prints medians of several repetitions, in triples per second, and the ratios.
"""

from __future__ import annotations

import io
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import rdflib
from corpus import make_corpus

from opengov.io import rdf


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(plans: int = 60, repeat: int = 3) -> None:
    corpus = make_corpus(plans)
    triples = sum(1 for plan in corpus for _ in rdf.ntriples_lines(plan))

    def graph_nt() -> None:
        for plan in corpus:
            rdf.to_graph(plan).serialize(format="nt")

    def graph_turtle() -> None:
        for plan in corpus:
            rdf.to_graph(plan).serialize(format="turtle")

    def stream() -> None:
        rdf.write_ntriples(corpus, io.StringIO())

    results = {
        "to_graph + rdflib N-Triples": median_seconds(graph_nt, repeat),
        "to_graph + rdflib Turtle": median_seconds(graph_turtle, repeat),
        "streaming N-Triples writer": median_seconds(stream, repeat),
    }
    try:
        import pyoxigraph

        text = io.StringIO()
        rdf.write_ntriples(corpus, text)
        data = text.getvalue().encode("utf-8")

        def oxigraph_round() -> None:
            store = pyoxigraph.Store()
            store.bulk_load(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
            store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())

        results["pyoxigraph load + dump (reference)"] = median_seconds(oxigraph_round, repeat)
    except ImportError:  # pragma: no cover - optional
        pass

    print(f"corpus: {plans} plans x 20 commitments x 5 milestones, {triples:,} triples")
    print(
        f"python {platform.python_version()}, rdflib {rdflib.__version__}, {platform.machine()}, median of {repeat}"
    )
    print(f"{'operation':<40}{'seconds':>10}{'triples/s':>14}")
    for name, seconds in results.items():
        print(f"{name:<40}{seconds:>10.3f}{triples / seconds:>14,.0f}")
    stream_rate = triples / results["streaming N-Triples writer"]
    print(
        f"streaming / rdflib N-Triples: {stream_rate / (triples / results['to_graph + rdflib N-Triples']):.1f}x"
    )
    print(
        f"streaming / rdflib Turtle:    {stream_rate / (triples / results['to_graph + rdflib Turtle']):.1f}x"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
