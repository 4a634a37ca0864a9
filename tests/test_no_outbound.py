"""The service never fetches from elsewhere: every way a SPARQL query could name a remote
source — SERVICE (however spelled or hidden), LOAD, FROM / FROM NAMED (a file too), the protocol's
default-graph-uri / named-graph-uri, a function IRI, a named query's IRI parameter, a
fragment's subject — is refused or answered from the store alone, while a local listener that
every such IRI points to counts the connections it gets: none. Updates are refused.

(tests/test_api.py checks the refusals' error shape on the test client; this is the real
server, and the proof that nothing was fetched.)"""
import socket
import threading
import time

import pytest
import requests

JSON = {"Accept": "application/sparql-results+json"}


@pytest.fixture
def listener():
    """A TCP listener on a free loopback port, counting the connections it accepts."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.1)
    connections, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, address = sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connections.append(address)
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", connections
    stop.set()
    thread.join(2)
    sock.close()


def refused(response, code: str) -> None:
    assert response.status_code == 400, response.text[:300]
    assert response.json()["error"]["code"] == code, response.text[:300]


def test_the_listener_counts_connections(listener):
    """The check of the tests below can fail: a connection to the listener is seen."""
    url, connections = listener
    with pytest.raises(requests.RequestException):
        requests.get(url + "/probe", timeout=2)
    assert len(connections) == 1


def test_no_query_makes_the_server_connect_anywhere(server, listener):
    url, connections = listener
    sparql = server + "/sparql"
    services = [
        f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ service silent <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?x ?y ?z . SERVICE<{url}/sparql>{{?s ?p ?o}} }} LIMIT 1",
        f"SELECT * WHERE {{ SERVICE ?where {{ ?s ?p ?o }} VALUES ?where {{ <{url}/sparql> }} }}",
        f"PREFIX r: <{url}/> SELECT * WHERE {{ SERVICE r:sparql {{ ?s ?p ?o }} }}",
        # hidden from a scan that takes `\#` or an escaped IRI's `#` for a comment, or `\'` for a string (the
        # check before this test let these through, and Oxigraph then called the service)
        f"PREFIX ex: <http://example.org/> SELECT * WHERE {{ BIND(ex:p\\# AS ?x) SERVICE <{url}/s> {{ ?a ?b ?c }} }}",
        f"PREFIX ex: <http://example.org/> SELECT * WHERE {{ BIND(ex:p\\' AS ?x) SERVICE <{url}/s> {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ BIND(<http://example.org/\\u0041#x> AS ?x) SERVICE <{url}/s> {{ ?a ?b ?c }} }}",
    ]
    for query in services:
        refused(requests.get(sparql, params={"query": query}, headers=JSON), "refused")
        refused(requests.post(sparql, data=query, headers={"Content-Type": "application/sparql-query", **JSON}),
                "refused")
    # LOAD is an update: refused as a query, and updates are refused whichever way they come
    load = f"LOAD <{url}/data.ttl>"
    refused(requests.post(sparql, data={"query": load}), "refused")
    refused(requests.post(sparql, data={"update": load}), "update_refused")
    refused(requests.post(sparql, data=load, headers={"Content-Type": "application/sparql-update"}),
            "update_refused")
    refused(requests.post(sparql, data={"update": f"INSERT DATA {{ <{url}/a> <{url}/b> <{url}/c> }}"}),
            "update_refused")

    def empty(query, **params):
        r = requests.get(sparql, params={"query": query, **params}, headers=JSON)
        assert r.status_code == 200, r.text[:300]
        return r.json()["results"]["bindings"]

    # graphs named by IRI select graphs of the store (there are none of these): nothing is fetched
    assert empty(f"SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}") == []
    assert empty(f"SELECT * FROM NAMED <{url}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}") == []
    assert empty("SELECT * WHERE { ?s ?p ?o }", **{"default-graph-uri": f"{url}/data.ttl"}) == []
    assert empty("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", **{"named-graph-uri": f"{url}/data.ttl"}) == []
    # nor are files read
    assert empty("SELECT * FROM <file:///etc/hostname> WHERE { ?s ?p ?o }") == []
    # a function IRI is not dereferenced: an unknown function is an evaluation error (unbound)
    rows = empty(f"SELECT ?x WHERE {{ BIND(<{url}/function>(\"a\") AS ?x) }}")
    assert rows == [{}]
    r = requests.get(sparql, params={"query": f"DESCRIBE <{url}/thing>"}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and r.text.strip() == ""
    # nor are IRIs given to the other endpoints
    r = requests.get(server + "/api/queries/relations", params={"entity": f"{url}/entity"}, headers=JSON)
    assert r.status_code == 200 and r.json()["results"]["bindings"] == []
    assert requests.get(server + "/fragments", params={"subject": f"{url}/entity"}).status_code == 200

    time.sleep(0.5)  # a connection attempt in flight would have arrived by now
    assert connections == [], f"the server connected to the listener {len(connections)} time(s)"
