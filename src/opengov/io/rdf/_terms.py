"""Namespaces, term names and IRI minting for the RDF form (plain strings: no rdflib here).

Instance IRIs are minted from ids and a base IRI, the same way every time: ``base + id`` with
every character outside the unreserved set (and ``/``) percent-encoded. Objects without an id
(a resource, an evidence item, the IRM assessment of a commitment) get a fragment IRI under
their nearest identified owner: ``…/c01#resources/2``, ``…/c01#irm/values``. No blank nodes.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

__all__ = [
    "DEFAULT_BASE",
    "NAMESPACES",
    "OG",
    "OGV",
    "id_from_iri",
    "iri_for_id",
]

#: The library's vocabulary (classes and properties).
OG = "https://w3id.org/opengov/ns#"
#: The controlled vocabularies, as SKOS concepts (``ogv:completion-substantial``).
OGV = "https://w3id.org/opengov/vocab#"
#: Where instance IRIs are minted unless a base is given.
DEFAULT_BASE = "https://w3id.org/opengov/id/"
#: The public IRI of the shipped JSON-LD context.
CONTEXT_IRI = "https://w3id.org/opengov/context.jsonld"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
VCARD = "http://www.w3.org/2006/vcard/ns#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
EARL = "http://www.w3.org/ns/earl#"
SH = "http://www.w3.org/ns/shacl#"
FOAF = "http://xmlns.com/foaf/0.1/"

#: Prefixes bound in every serialisation.
NAMESPACES = {
    "og": OG,
    "ogv": OGV,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "org": ORG,
    "vcard": VCARD,
    "prov": PROV,
    "schema": SCHEMA,
    "earl": EARL,
    "foaf": FOAF,
}

_SAFE = "/-._~"


def iri_for_id(ident: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of an identified object."""
    return base + quote(ident, safe=_SAFE)


def id_from_iri(iri: str, base: str = DEFAULT_BASE) -> str | None:
    """The id an IRI was minted from, or None if it is not under ``base`` (or has a fragment)."""
    if not iri.startswith(base) or "#" in iri:
        return None
    return unquote(iri[len(base) :])


def fragment(owner: str, path: str) -> str:
    """The IRI of an unidentified object under its owner (``owner#path``)."""
    separator = "/" if "#" in owner else "#"
    return f"{owner}{separator}{path}"
