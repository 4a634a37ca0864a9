"""Namespaces, IRIs and the ontology.

Every IRI newskg mints lives under one base IRI (configurable; stored in the store):
  {base}entity/{slug}        an entity          {base}doc/{id}        an article and its named graph
  {base}doc/{id}#s3 / #m7 / #r2 / #c5           its sentences, mentions, statements, co-mentions
  {base}ontology#Person      the ontology       {base}graph/entities  the entity registry graph
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import quote, unquote

DEFAULT_BASE = "http://localhost:8000/"
ONTOLOGY_FILE = Path(__file__).with_name("ontology.ttl")

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "http://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
OWL = "http://www.w3.org/2002/07/owl#"

CLASS_OF_TYPE = {"PERSON": "Person", "ORG": "Organization", "PLACE": "Place", "EVENT": "Event", "GROUP": "Group"}
TYPE_OF_CLASS = {v: k for k, v in CLASS_OF_TYPE.items()}


def default_base() -> str:
    return os.environ.get("KG_BASE", DEFAULT_BASE)


@dataclass(frozen=True)
class Vocabulary:
    """IRIs under one base."""
    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not self.base.endswith(("/", "#")):
            object.__setattr__(self, "base", self.base + "/")

    @cached_property
    def ns(self) -> str:
        return self.base + "ontology#"

    @property
    def ontology(self) -> str:
        return self.base + "ontology"

    @property
    def registry(self) -> str:
        return self.base + "graph/entities"

    @property
    def meta(self) -> str:
        return self.base + "graph/meta"

    def term(self, local: str) -> str:
        return self.ns + local

    def cls(self, entity_type: str) -> str:
        return self.ns + CLASS_OF_TYPE[entity_type]

    def entity(self, slug: str) -> str:
        return f"{self.base}entity/{quote(slug, safe='-._~')}"

    def document(self, article_id: str) -> str:
        return f"{self.base}doc/{quote(article_id, safe='/-._~')}"

    def slug_of(self, iri: str) -> str | None:
        prefix = self.base + "entity/"
        return unquote(iri[len(prefix):]) if iri.startswith(prefix) else None

    def document_id_of(self, iri: str) -> str | None:
        prefix = self.base + "doc/"
        return unquote(iri[len(prefix):].split("#", 1)[0]) if iri.startswith(prefix) else None

    @property
    def prefixes(self) -> dict[str, str]:
        """Prefixes every query may use without declaring them."""
        return {"nkg": self.ns, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "skos": SKOS, "prov": PROV,
                "schema": SCHEMA, "dcterms": DCTERMS, "owl": OWL,
                "entity": self.base + "entity/", "doc": self.base + "doc/"}

    def ontology_turtle(self) -> str:
        return ONTOLOGY_FILE.read_text(encoding="utf-8")
