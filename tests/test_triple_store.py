"""Publishing to a real triple store: an Oxigraph server started by the test, on loopback."""

from __future__ import annotations

import base64
import http.server
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import attrs
import pytest

import opengov
from opengov.cli.main import main
from opengov.io import rdf
from opengov.io.rdf._publish import MAX_DETAIL


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


# --- hostile stores and endpoints: a store of our own on loopback ------------------------------


class _Store(http.server.BaseHTTPRequestHandler):
    """Answers a PUT by its path: ``/ok`` takes the graph, ``/refuse`` answers 400 with a long
    hostile body, ``/slow`` does not answer in time. Every request is kept in ``seen``."""

    seen: ClassVar[list[tuple[str, dict[str, str], bytes]]] = []

    def do_PUT(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.seen.append((self.path, dict(self.headers), body))
        if self.path.startswith("/slow"):
            time.sleep(3)
        if self.path.startswith("/refuse"):
            answer = b"bad graph\nline two\x1b]0;retitled\x07\x1b[2J\xe2\x80\xae" + b"A" * 5000
            self.send_response(400, "Bad\x1b[2J Request")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)
            return
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def fake_store() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Store)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.hostile
def test_credentials_in_the_endpoint_are_sent_and_never_shown(
    fake_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    endpoint = f"http://alice:s%40cret@{fake_store}/ok?token=t0ken"
    assert main(["publish", "fr-2018-2020", "--endpoint", endpoint]) == 0
    path, headers, _ = _Store.seen[-1]
    assert headers["Authorization"] == "Basic " + base64.b64encode(b"alice:s@cret").decode()
    assert path.startswith("/ok?token=t0ken&graph=")
    for refused in ("refuse", "slow"):
        endpoint = f"http://alice:s%40cret@{fake_store}/{refused}?token=t0ken"
        assert main(["publish", "fr-2018-2020", "--endpoint", endpoint, "--timeout", "1"]) == 2
    err = capsys.readouterr().err
    assert f"published fr-2018-2020 to http://{fake_store}/ok as graph" in err
    for secret in ("alice", "cret", "t0ken"):
        assert secret not in err


@pytest.mark.hostile
def test_a_store_error_is_one_short_escaped_line(fake_store: str) -> None:
    with pytest.raises(rdf.PublishError) as caught:
        rdf.publish(opengov.datasets.load("fr-2018-2020"), f"http://{fake_store}/refuse")
    message = str(caught.value)
    assert message.startswith(f"http://{fake_store}/refuse refused the graph: HTTP 400 Bad")
    assert "\n" not in message and "\x1b" not in message and "\x07" not in message
    assert "bad graph line two\\x1b]0;retitled\\x07" in message
    assert len(message) < MAX_DETAIL + 200


@pytest.mark.hostile
def test_publish_gives_up_after_the_timeout(
    fake_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    start = time.monotonic()
    argv = ["publish", "fr-2018-2020", "--endpoint", f"http://{fake_store}/slow"]
    assert main([*argv, "--timeout", "0.5"]) == 2
    assert time.monotonic() - start < 2.5
    assert capsys.readouterr().err == (
        f"opengov: error: http://{fake_store}/slow did not answer within 0.5 s\n"
    )
    for bad in ("0", "-1", "nan", "inf", "soon"):
        assert main([*argv, "--timeout", bad]) == 2
        assert "not a positive number of seconds" in capsys.readouterr().err


@pytest.mark.hostile
def test_publish_without_personal_data(fake_store: str) -> None:
    plan = opengov.datasets.load("fr-2018-2020")
    emails = {c.email for cm in plan.commitments for c in cm.contacts if c.email}
    assert emails
    rdf.publish(plan, f"http://{fake_store}/ok")
    body = _Store.seen[-1][2].decode()
    assert all(email in body for email in emails)
    rdf.publish(plan, f"http://{fake_store}/ok", personal_data=False)
    body = _Store.seen[-1][2].decode()
    assert not [email for email in emails if email in body]
    assert main(["publish", "fr-2018-2020", "--endpoint", f"http://{fake_store}/ok",
                 "--no-personal-data"]) == 0  # fmt: skip
    assert not [email for email in emails if email in _Store.seen[-1][2].decode()]


@pytest.mark.hostile
@pytest.mark.parametrize("ident", ["../../evil", "fr/../../../x", "a/./b", ".."])
def test_ids_that_leave_the_base_are_not_published(ident: str, fake_store: str) -> None:
    plan = attrs.evolve(opengov.datasets.load("fr-2018-2020"), id=ident, commitments=[])
    before = len(_Store.seen)
    with pytest.raises(rdf.PublishError, match=r"leaves https://w3id\.org/opengov/id/"):
        rdf.publish(plan, f"http://{fake_store}/ok")
    assert len(_Store.seen) == before, "nothing was sent"
