"""The W3C SPARQL query test suites, run against a real `kg serve` over HTTP.

`manifest` reads the test manifests, `results` reads and compares results, `runner` loads
each test's data into a store, asks the server and prints the tables
(`python -m tests.w3c.runner --help`)."""
