"""News as people save it, for the tests: web pages saved from (invented) news sites, with
their navigation, cookie banners, related-article lists and comments, and a web archive of
them written with warcio as a crawler writes one.

The outlets, people and places are invented. BOILERPLATE are names that appear only around the
articles (banners, menus, related and most-read lists, comments, newsletters, footers);
ARTICLE_NAMES are names the articles themselves state.
"""
from __future__ import annotations

import io
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "fixtures" / "news"
HARBOUR = PAGES / "harbour-ledger.html"
VALLEY = PAGES / "valley-courier.html"

BOILERPLATE = ["Quillmark Analytics", "Brightfeather Media", "Ottoline Harrowgate", "Desmond Achterberg",
               "Kessington Athletic", "Belinda Crowthorne", "Reginald Okonkwo-Hale", "Marguerite Delacroix-Finch",
               "Cornelius Abernathy-Vance", "Priscilla Dunmore", "Bartholomew Quince", "Hortense Ellingworth",
               "Ambrose Fitzwilliam-Krug", "Orbitrail Ads", "Peregrine Metrics", "Caspian Thornbury",
               "Octavia Lindqvist", "Emeka Hollister", "Wendell Marchbanks", "Gideon Farrowby",
               "Tamsin Oyelaran-Brooke", "Philippa Grindlewood", "Horatio Pennyfeather", "Glenbrook Motors",
               "Pinecrest Gazette", "Bellweather Newspapers"]
ARTICLE_NAMES = ["Imogen Castellane", "Wexmouth Port Authority", "Augustin Velasquez-Moore", "Tobias Wrenfield",
                 "Fitzgerald Obuya", "Marisol Undergrove", "Lucinda Baptiste-Rowe"]

# A page without a date of its own, in Windows-1252 as its server says: the archive's record
# gives the date.
UNDATED = ("<html><head><title>Caf\u00e9 owners protest new terrace fees</title></head><body>"
           "<nav><a href='/'>Home</a> <a href='/city'>City</a></nav>"
           "<article><h1>Caf\u00e9 owners protest new terrace fees</h1>"
           "<p>Owners of caf\u00e9s in Lindenholm marched to the town hall on Friday to protest against new fees "
           "for terraces. Their spokeswoman, Ren\u00e9e Vasquez-Lindqvist, said the fees would close smaller "
           "businesses.</p><p>The mayor of Lindenholm, Anselm Kettering, said the council would review the fees "
           "in the spring.</p></article>"
           "<div class='related'><h2>Related</h2><a href='/x'>Florist Jasper Ollivant opens second shop</a></div>"
           "</body></html>")
UNDATED_URL = "https://lindenholm-post.example/city/cafe-owners-protest-terrace-fees"
UNDATED_FETCHED = "2024-05-17T08:21:04Z"
HARBOUR_URL = "https://harbourledger.example/news/2024/03/12/port-authority-approves-eastgate-dredging?utm_source=feed"
VALLEY_URL = "https://www.valleycourier.example/2023/11/06/rail-strike-ends-pay-offer/"


def write_warc(path: Path) -> Path:
    """A WARC (gzipped when the name ends .gz) as a crawler writes it: a warcinfo record, then
    for each page a request and its response — three news pages, an image, a redirect, a 404
    page — and a metadata record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newskg tests", "format":
                                                                      "WARC File Format 1.1"}))

        def response(url: str, status: str, content_type: str, body: bytes, date: str) -> None:
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(
                f"GET / HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode()),
                warc_headers_dict={"WARC-Date": date})
            writer.write_record(request)
            headers = StatusAndHeaders(status, [("Content-Type", content_type),
                                                ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers,
                                                          warc_headers_dict={"WARC-Date": date}))

        response(HARBOUR_URL, "200 OK", "text/html; charset=utf-8", HARBOUR.read_bytes(), "2024-03-12T10:02:11Z")
        response("https://harbourledger.example/img/eastgate.jpg", "200 OK", "image/jpeg",
                 b"\xff\xd8\xff\xe0" + bytes(200), "2024-03-12T10:02:12Z")
        response("http://valleycourier.example/rail", "301 Moved Permanently", "text/html",
                 b"<html><body>Moved to <a href='/x'>here</a></body></html>", "2024-03-12T10:02:13Z")
        response(VALLEY_URL, "200 OK", "text/html", VALLEY.read_bytes(), "2024-03-12T10:02:14Z")
        response("https://lindenholm-post.example/missing", "404 Not Found", "text/html; charset=utf-8",
                 b"<html><body><h1>Page not found</h1><p>Try Ferdinand Mallory's archive.</p></body></html>",
                 "2024-05-17T08:21:03Z")
        response(UNDATED_URL, "200 OK", "text/html; charset=windows-1252", UNDATED.encode("cp1252"),
                 UNDATED_FETCHED)
        writer.write_record(writer.create_warc_record(UNDATED_URL, "metadata", payload=io.BytesIO(
            b"fetchTimeMs: 212\r\n"), warc_content_type="application/warc-fields"))
    return path
