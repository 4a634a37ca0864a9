"""newskg's benchmarks: `python -m benchmarks` (or `make bench`).

Every figure is measured beside its baseline in the same run, on the same data, and printed
with the ratio and the target it is held to; a figure that misses says why. Benchmarks are
not tests: nothing here runs in `make test`.

    corpus      the news corpus of ../shared, as `kg build` reads it (and repeated for scale)
    extraction  words/s against bare spaCy, two processes against one, the build against extraction
    storage     store writes against pyoxigraph's bulk load; SPARQL at ≥1M triples against rdflib
    http        the neighbours endpoint and /sparql under load (wrk, a second process)
    memory      peak memory of `kg build` as the corpus grows
    report      the table
"""
