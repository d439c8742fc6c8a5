"""Publishing to a real triple store: an Oxigraph server started by the test, on loopback."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import opengov
from opengov.cli.main import main
from opengov.io import rdf


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _oxigraph() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        raise RuntimeError("the oxigraph server is not installed (it is part of the test extras)")
    return found


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [_oxigraph(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    err = process.stderr.read().decode() if process.stderr else ""
                    raise RuntimeError(f"oxigraph did not start: {err}") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def sparql(url: str, query: str) -> list[dict[str, str]]:
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(
        f"{url}/query", data=data, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        results = json.load(response)
    return [{k: v["value"] for k, v in row.items()} for row in results["results"]["bindings"]]


def test_publish_the_france_plan_and_query_it(store: str) -> None:
    plan = opengov.datasets.load("fr-2018-2020")
    graph = rdf.publish(plan, f"{store}/store")
    assert graph == rdf.iri_for_id("fr-2018-2020")
    rows = sparql(
        store,
        f"""PREFIX og: <https://w3id.org/opengov/ns#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?n ?title WHERE {{ GRAPH <{graph}> {{
            ?plan og:hasCommitment ?c . ?c og:number ?n ; dcterms:title ?title }} }} ORDER BY ?n""",
    )
    assert [int(r["n"]) for r in rows] == list(range(1, 22))
    assert rows[1]["title"] == "Accroître la transparence de la commande publique"
    count = f"SELECT (COUNT(*) AS ?t) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    first = int(sparql(store, count)[0]["t"])
    assert first == len(rdf.to_graph(plan))
    rdf.publish(plan, f"{store}/store")
    assert int(sparql(store, count)[0]["t"]) == first, "publishing again replaces the graph"


def test_what_the_store_holds_reads_back_as_the_plan(store: str) -> None:
    plan = opengov.datasets.load("fr-2018-2020")
    graph = rdf.publish(plan, f"{store}/store")
    with urllib.request.urlopen(
        f"{store}/store?{urllib.parse.urlencode({'graph': graph})}", timeout=30
    ) as response:
        text = response.read().decode("utf-8")
    assert rdf.loads(text, "turtle") == plan


def test_publish_command(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "publish",
                "fr-2018-2020",
                "--endpoint",
                f"{store}/store",
                "--graph",
                "https://example.org/g",
            ]
        )
        == 0
    )
    assert "as graph <https://example.org/g>" in capsys.readouterr().err
    rows = sparql(
        store, "SELECT (COUNT(*) AS ?t) WHERE { GRAPH <https://example.org/g> { ?s ?p ?o } }"
    )
    assert int(rows[0]["t"]) > 2000


def test_unreachable_store_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    port = _free_port()
    assert main(["publish", "fr-2018-2020", "--endpoint", f"http://127.0.0.1:{port}/store"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"opengov: error: cannot reach http://127.0.0.1:{port}/store")
    assert "Traceback" not in err
