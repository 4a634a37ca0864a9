"""The `kg` command: build, serve, query, export, stats, evaluate, train."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import click

from .store import DEFAULT_STORE, Store, StoreError

EXPORT_FORMATS = ("graphml", "gexf", "turtle", "ntriples", "nquads", "trig", "jsonld")


def _echo_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _open(ctx: click.Context, write: bool = False) -> Store:
    try:
        return Store(ctx.obj["store"], base=ctx.obj["base"], write=write)
    except StoreError as e:
        raise click.ClickException(str(e)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--store", envvar="KG_STORE", default=DEFAULT_STORE, show_default=True, show_envvar=True,
              type=click.Path(file_okay=False), help="Folder of the on-disk store.")
@click.option("--base", envvar="KG_BASE", default=None, show_envvar=True,
              help="Base IRI of minted IRIs for a new store (default http://localhost:8000/); "
                   "a built store keeps its own.")
@click.version_option(package_name="newskg")
@click.pass_context
def main(ctx: click.Context, store: str, base: str | None) -> None:
    """newskg: news articles in, a knowledge graph out — served over SPARQL and exported for Gephi.

    \b
    Typical use:
      kg build seeds/            extract the articles of a folder into the store
      kg stats                   what the graph holds
      kg serve                   SPARQL endpoint, lookups and web pages on http://localhost:8000
      kg export --format graphml -o graph.graphml
    """
    ctx.ensure_object(dict)
    ctx.obj.update(store=store, base=base)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--model", envvar="KG_MODEL", show_envvar=True,
              help="spaCy pipeline (package name or folder); default: newskg's own.")
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Extraction processes.")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler to extract on (e.g. tcp://host:8786).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when on a terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def build(ctx, paths, model, workers, scheduler, progress, as_json):
    """Extract articles (.txt, .md, .html, .jsonl files or folders) into the store.

    Articles already in the store unchanged are skipped; changed ones replace their own facts.
    The exit code is 1 when some input was skipped (the rest is built).
    """
    from .extract import ModelError
    from .pipeline import build as run_build, stats

    show = sys.stderr.isatty() if progress is None else progress
    store = _open(ctx, write=True)
    bar = None
    skipped_live = []

    def on_progress(n, article):
        nonlocal bar
        if show:
            if bar is None:
                from tqdm import tqdm
                bar = tqdm(unit="article", desc="extracting", file=sys.stderr, dynamic_ncols=True)
            bar.update(1)

    def on_skip(source, reason):
        skipped_live.append(source)
        if not as_json:
            click.echo(f"skipped {source}: {reason}", err=True)

    extractions = None
    if scheduler:
        from .distributed import dask_extractions
        extractions = lambda articles: dask_extractions(articles, scheduler, model)  # noqa: E731
    try:
        report = run_build(paths, store, model=model, workers=workers, progress=on_progress, on_skip=on_skip,
                           extractions=extractions)
    except ModelError as e:
        raise click.ClickException(str(e)) from None
    finally:
        if bar is not None:
            bar.close()
        store.close()
    summary = stats(Store(ctx.obj["store"])) if report.built or report.unchanged else {}
    if as_json:
        _echo_json({"report": report.as_dict(), "stats": summary})
    else:
        rate = report.words / report.seconds if report.seconds else 0
        click.echo(f"built {report.built} article(s) ({report.replaced} replaced), {report.unchanged} unchanged, "
                   f"{len(report.skipped)} skipped in {report.seconds:.1f}s ({rate:,.0f} words/s)")
        click.echo(f"{report.mentions} mentions, {report.relations} relation statements")
        if summary:
            _print_stats(summary)
    if report.skipped:
        ctx.exit(1)


def _print_stats(s: dict) -> None:
    click.echo(f"documents  {s['documents']}")
    click.echo(f"entities   {s['entities']}  " + ", ".join(f"{k} {v}" for k, v in s["entities_by_type"].items()))
    click.echo("relations  " + (", ".join(f"{k} {v}" for k, v in s["relations_by_predicate"].items()) or "none"))
    click.echo(f"co-mention pairs {s['comentions']}")
    click.echo(f"quads      {s['quads']}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--graph", "graph_iri", metavar="IRI", help="Load into this named graph (default: the file's own "
              "graphs; the default graph for triple formats).")
@click.option("--format", "fmt", type=click.Choice(["turtle", "ntriples", "nquads", "trig", "rdfxml", "jsonld", "n3"]),
              help="RDF format (default: from the file extension).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary.")
@click.pass_context
def load(ctx, files, graph_iri, fmt, as_json):
    """Import RDF files into the store: curated facts, vocabularies, test data.

    Each file is one transaction: a malformed file is refused with the parser's message and
    line, and nothing of it is written (the other files still load; exit code 1).
    """
    import pyoxigraph as ox

    formats = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
               "trig": ox.RdfFormat.TRIG, "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD,
               "n3": ox.RdfFormat.N3}
    store = _open(ctx, write=True)
    loaded, failed = {}, {}
    try:
        for f in files:
            try:
                loaded[f] = store.load(f, graph=graph_iri, fmt=formats.get(fmt))
            except StoreError as e:
                failed[f] = str(e)
                if not as_json:
                    click.echo(f"error: {e}", err=True)
    finally:
        store.close()
    if as_json:
        _echo_json({"loaded": loaded, "failed": failed})
    else:
        for f, n in loaded.items():
            click.echo(f"loaded {n} quads from {f}")
    if failed:
        ctx.exit(1)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def stats(ctx, as_json):
    """Documents, entities per type, relations per predicate, triples."""
    from .pipeline import stats as compute

    s = compute(_open(ctx))
    _echo_json(s) if as_json else _print_stats(s)


@main.command()
@click.argument("query")
@click.option("--param", "-p", multiple=True, metavar="NAME=VALUE", help="A named query's parameter.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv"]), default="table",
              show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.pass_context
def query(ctx, query, param, fmt, as_json):
    """Run SPARQL: a .rq file, a named query from queries/ (see `kg queries`), or query text."""
    from . import queries as named
    from .sparql import run_text

    store = _open(ctx)
    params = {}
    for p in param:
        if "=" not in p:
            raise click.BadParameter(f"{p!r} is not NAME=VALUE", param_hint="--param")
        k, v = p.split("=", 1)
        params[k] = v
    bindings = None
    if Path(query).is_file():
        text = Path(query).read_text(encoding="utf-8")
        nq = named.parse(Path(query).stem, text)
    elif named.NAME.match(query):
        try:
            nq = named.get(query)
        except (KeyError, named.QueryError) as e:
            raise click.ClickException(str(e).strip('"')) from None
        text = nq.text
    else:
        text, nq = query, None
    try:
        if nq is not None and (nq.params or params):
            bindings = nq.bindings(params, store.vocab)
        result = run_text(store, text, bindings)
    except (named.QueryError, SyntaxError) as e:
        raise click.ClickException(f"query failed: {e}") from None
    fmt = "json" if as_json else fmt
    from .sparql import render_cli
    click.echo(render_cli(result, fmt), nl=False)


@main.command("queries")
@click.option("--json", "as_json", is_flag=True)
def list_queries(as_json):
    """List the named queries and their parameters."""
    from . import queries as named

    cat = named.catalogue()
    if as_json:
        _echo_json([q.as_dict() for q in cat.values()])
        return
    for q in cat.values():
        params = " ".join(f"{p.name}={p.type}" + (f"[{p.default}]" if p.default else "") for p in q.params)
        click.echo(f"{q.name:22} {q.title}" + (f"  ({params})" if params else ""))


@main.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="graphml", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), required=True,
              help="File to write ('-' for standard output).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary.")
@click.pass_context
def export(ctx, fmt, output, as_json):
    """Export the graph: GraphML/GEXF for Gephi, or RDF (turtle, ntriples, nquads, trig, jsonld)."""
    from . import export as exporters

    store = _open(ctx)
    started = time.perf_counter()
    summary = exporters.export(store, fmt, output)
    summary["seconds"] = round(time.perf_counter() - started, 3)
    if output != "-":
        _echo_json(summary) if as_json else click.echo(
            f"wrote {output} ({fmt}): " + ", ".join(f"{k} {v}" for k, v in summary.items()), err=True)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", "-w", default=2, show_default=True, type=int, help="Server processes.")
@click.option("--threads", default=4, show_default=True, type=int, help="Threads per process.")
@click.pass_context
def serve(ctx, host, port, workers, threads):
    """Serve the store: SPARQL endpoint, lookups and web pages (gunicorn, a production server)."""
    from api.server import run

    _open(ctx)  # fail early, with the store's own message, if there is nothing to serve
    run(store=ctx.obj["store"], host=host, port=port, workers=workers, threads=threads)


@main.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def evaluate(ctx, gold, as_json):
    """Score the store against gold files in the guidelines' format (GUIDELINES.md)."""
    from .evaluate import evaluate as run, render

    result = run(_open(ctx), [Path(g) for g in gold])
    _echo_json(result) if as_json else click.echo(render(result))


@main.command()
@click.option("--corpora", type=click.Path(exists=True, file_okay=False),
              default=lambda: os.environ.get("KG_CORPORA", "../shared/data/corpora"), show_default="../shared/data/corpora",
              help="Folder with ud_english_ewt, ud_english_gum_open and uner_english_ewt.")
@click.option("--output", type=click.Path(file_okay=False), default=None,
              help="Where to save the pipeline (default: newskg's default model folder).")
@click.option("--max-epochs", type=int, default=None, help="Override the configs' epochs (quick runs).")
@click.option("--json", "as_json", is_flag=True)
def train(corpora, output, max_epochs, as_json):
    """Rebuild the default spaCy pipeline from the openly licensed corpora (takes about an hour)."""
    from . import train as trainer

    kwargs = {"max_epochs": max_epochs}
    if output:
        kwargs["output"] = Path(output)
    scores = trainer.train(Path(corpora), log=lambda m: click.echo(m, err=True), **kwargs)
    _echo_json(scores) if as_json else click.echo(json.dumps(scores, indent=1))


if __name__ == "__main__":
    main()
