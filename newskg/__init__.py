"""newskg: news articles in, a knowledge graph out.

Installed, everything is under this one name, so that nothing of newskg collides with another
distribution's modules: `newskg.graph` (ingest, extraction, resolution, RDF, the store, exports),
`newskg.api` (the web service), `newskg.queries` (the named SPARQL queries) and `newskg.cli` (the
`kg` command, on top of both). In the repository those three folders sit at the top, where a
reader looks first; `graph`, `api` and `queries` here are links to them, which the wheel
replaces with copies.
"""
