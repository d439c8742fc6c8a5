"""Publishing to a SPARQL 1.1 Graph Store (HTTP protocol): one named graph per plan, replaced
on every publish so that publishing again is idempotent."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

from opengov.errors import OpenGovError
from opengov.io.rdf._ntriples import ntriples_lines
from opengov.io.rdf._terms import DEFAULT_BASE, iri_for_id

__all__ = ["PublishError", "graph_iri", "publish"]


class PublishError(OpenGovError, RuntimeError):
    """The store refused the graph or could not be reached."""


def graph_iri(obj: object, base: str = DEFAULT_BASE) -> str:
    """The default named graph of a plan: its own IRI."""
    ident = getattr(obj, "id", None)
    if not isinstance(ident, str):
        raise PublishError(f"cannot name a graph for a {type(obj).__name__}")
    return iri_for_id(ident, base)


def publish(
    obj: object,
    endpoint: str,
    *,
    graph: str | None = None,
    base: str = DEFAULT_BASE,
    timeout: float = 60.0,
) -> str:
    """Replace the named graph ``graph`` (default: the plan's IRI) at a Graph Store endpoint
    with the plan's triples (HTTP PUT of N-Triples). Returns the graph IRI.

    ``endpoint`` is the store's Graph Store Protocol URL (Oxigraph: ``http://host:port/store``).
    """
    target = graph or graph_iri(obj, base)
    parsed = urllib.parse.urlsplit(endpoint)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise PublishError(f"not an http(s) endpoint: {endpoint!r}")
    separator = "&" if parsed.query else "?"
    url = f"{endpoint}{separator}{urllib.parse.urlencode({'graph': target})}"
    body = "".join(ntriples_lines(obj, base)).encode("utf-8")
    request = urllib.request.Request(
        url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        detail = exc.read(500).decode("utf-8", "replace").strip()
        raise PublishError(
            f"{endpoint} refused the graph: HTTP {exc.code} {exc.reason}: {detail}"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PublishError(f"cannot reach {endpoint}: {reason}") from None
    if status not in (200, 201, 204):
        raise PublishError(f"{endpoint} answered HTTP {status}")
    return target
