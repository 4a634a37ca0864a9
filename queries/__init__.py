"""Named SPARQL queries (`*.rq`), served by the API at /api/queries and run by `kg query NAME`."""
