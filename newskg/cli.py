"""The `kg` command: build, load, serve, query, queries, export, stats, evaluate, explain, curate, train, doctor."""
from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import click
import pyoxigraph as ox
from click.core import ParameterSource
from tqdm import tqdm

from newskg.graph import curation, named_queries, registry
from newskg.graph import export as exporters
from newskg.graph.distributed import ClusterError, dask_extractions
from newskg.graph.doctor import report as doctor_report
from newskg.graph.evaluate import evaluate as evaluate_gold, evaluate_coref, parts, render, render_coref
from newskg.graph.explain import NotFound, explain as explain_entity, find, render as render_explanation
from newskg.graph.export import FORMATS as EXPORT_FORMATS
from newskg.graph.export.filters import FilterError, find_entity
from newskg.graph.view import load as load_view
from newskg.graph.ingest import KINDS
from newskg.graph.pipeline import ExtractionError, build as run_build, stats as store_stats
from newskg.graph.rdf import merge_quads
from newskg.graph.records import ENTITY_TYPES
from newskg.graph.resolve import Merge
from newskg.graph.store import DEFAULT_STORE, Change, Store, StoreError, is_remote, open_store
from newskg.graph.vocab import CLASS_OF_TYPE

# Imported where they are used, not here, because they take long to load and most verbs never
# need them: spaCy (newskg.graph.extract, newskg.graph.train: 0.7 s), rdflib's SPARQL parser
# (newskg.graph.sparql: 0.2 s), Flask and gunicorn (newskg.api.server: 0.3 s). `kg --help`, `kg
# stats` and the like start in a tenth of a second.


def _echo_json(data, err: bool = False) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str), err=err)


def _show_progress(progress: bool | None) -> bool:
    return sys.stderr.isatty() if progress is None else progress


def _table(rows: list[tuple], header: tuple | None = None) -> str:
    """Rows of a label and right-aligned values; a label's leading spaces indent it."""
    rows = [header, *rows] if header else rows
    width = max(len(r[0]) for r in rows)
    columns = max(len(r) for r in rows) - 1
    widths = [max(len(_cell(r[i + 1])) if len(r) > i + 1 else 0 for r in rows) for i in range(columns)]
    return "\n".join((r[0].ljust(width) + "".join("  " + (_cell(r[i + 1]) if len(r) > i + 1 else "").rjust(w)
                                                   for i, w in enumerate(widths))).rstrip() for r in rows)


def _cell(value) -> str:
    if value is None:
        return ""
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def _open(ctx: click.Context, write: bool = False) -> Store:
    try:
        store = open_store(ctx.obj["store"], base=ctx.obj["base"], write=write)
        if write:
            registry.prepare_writer(store)
        return store
    except StoreError as e:
        raise click.ClickException(str(e)) from None


def _store_option(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """`--store`/`--base` after the verb: the same as before it (given in both places, they
    must agree)."""
    if value is None:
        return
    root = ctx.find_root()
    if root.get_parameter_source(param.name) == ParameterSource.COMMANDLINE and root.obj[param.name] != value:
        raise click.UsageError(f"--{param.name} is given twice, {root.obj[param.name]} before the verb and {value} "
                               "after it; give it once")
    root.obj[param.name] = value


def _global_options() -> list[click.Option]:
    return [click.Option(["--store"], metavar="PATH", expose_value=False, callback=_store_option,
                         help="Same as `kg --store PATH VERB`: the store's folder or sparql+http:// URL  "
                              "[env var: KG_STORE; default: kgstore]"),
            click.Option(["--base"], metavar="IRI", expose_value=False, callback=_store_option,
                         help="Same as `kg --base IRI VERB`: the base IRI for a new store  [env var: KG_BASE]")]


class _Verb(click.Command):
    """A verb of `kg`: it also takes the global options, `--store` and `--base`, after its name
    (`kg build seeds/ --store X` as well as `kg --store X build seeds/`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.params += _global_options()


class _VerbGroup(click.Group):
    """A verb of `kg` with verbs of its own (`kg curate merge`): the global options after it, and
    after each of its verbs, too."""

    command_class = _Verb

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.params += _global_options()


class _VerbGroup(click.Group):
    """A verb with verbs of its own (`kg curate merge`): it and they take the global options too."""

    command_class = _Verb

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.params += _Verb(name="_").params


class _Command(click.Group):
    """The `kg` group: a failure of the machine (a full disk, a folder it may not write, a file
    where a folder should be) ends the command with what went wrong and what to do, never with
    a traceback."""

    command_class = _Verb
    group_class = _VerbGroup

    def invoke(self, ctx: click.Context):
        # over a file size limit (ulimit -f), a write then fails with EFBIG instead of the
        # process being killed by SIGXFSZ, and the store stays as it was
        if hasattr(signal, "SIGXFSZ"):
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # the reader of standard output stopped (`kg queries | head`): nothing to say
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(1)
        except OSError as e:
            raise click.ClickException(os_problem(e, (ctx.obj or {}).get("store"))) from None
        except MemoryError:
            raise click.ClickException("out of memory: give the command less at once (fewer or smaller files, "
                                       "--batch) or run it on a machine with more memory") from None


def os_problem(e: OSError, store: str | None) -> str:
    """What an operating system error means for the user, and what to do about it."""
    where = e.filename or store or "the store"
    code = e.errno
    if code is None:  # the store's engine reports its I/O errors as text
        text = str(e)
        code = next((c for c, words in ((errno.ENOSPC, "No space left"), (errno.EFBIG, "File too large"),
                                         (errno.EACCES, "Permission denied"), (errno.EROFS, "Read-only file system"))
                     if words in text), None)
    advice = {
        errno.ENOSPC: f"the disk is full (writing {where}): free some space, or choose a store on another disk "
                      "(--store); nothing half-written was published",
        errno.EDQUOT: f"the disk quota is used up (writing {where}): free some space or choose another --store",
        errno.EFBIG: f"a file grew over this process's size limit (ulimit -f) writing {where}: raise the limit",
        errno.EACCES: f"no permission to write {where}: choose a folder you can write (--store PATH) or change "
                      "its permissions",
        errno.EPERM: f"not permitted to write {where}: choose a folder you can write (--store PATH)",
        errno.EROFS: f"{where} is on a read-only file system: choose another folder (--store PATH)",
        errno.ENOTDIR: f"{store or where} is not a folder: --store must name a folder (or a new one to create)",
        errno.EEXIST: f"{store or where} exists and is not a folder: --store must name a folder (or a new one "
                      "to create)",
    }.get(code)
    return advice or f"{e.strerror or e} ({where})"


@click.group(cls=_Command, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--store", envvar="KG_STORE", default=DEFAULT_STORE, show_default=True, show_envvar=True,
              help="Folder of the on-disk store, or sparql+http://HOST:PORT/PATH of a SPARQL 1.1 server "
                   "(see the README: Storage on a SPARQL server).")
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
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=None,
              help="Extraction processes  [default: one per core]")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler to extract on (e.g. tcp://host:8786).")
@click.option("--batch", "batch", type=click.IntRange(1, 10_000), default=None,
              help="Articles per write: each batch's articles and registry entries are written together  "
                   "[default: 64]")
@click.option("--publish-every", type=click.FloatRange(0), default=30.0, show_default=True, metavar="SECONDS",
              help="Folder stores: make the batches written so far visible to readers (the server) at most "
                   "this often, and at the end; 0 after every batch.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when on a terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def build(ctx, paths, model, workers, scheduler, batch, publish_every, progress, as_json):
    """Extract articles (.txt, .md, .html, .warc, .jsonl files or folders; any of them compressed as .gz,
    .xz, .bz2 or .zst; `-` for standard input) into the store, in one process per core unless -j says.

    Articles already in the store unchanged are left as they are; changed ones replace their own
    facts. Bad input (unreadable, binary, empty, too large, a bad JSON line, a duplicate id, a file
    gone during the build) is reported with its reason and skipped, the rest is built; what is
    read but not as written (not UTF-8…) is built with a note. Ends with a summary: built,
    skipped and why. The exit code is 1 when some input was skipped, 0 when all of it is in the
    store.

    Killed at any point, a build loses nothing that was published before: readers see whole
    batches only, and building again completes the store.
    """
    show = _show_progress(progress)
    try:
        store = open_store(ctx.obj["store"], base=ctx.obj["base"], write=True,
                           **({} if is_remote(ctx.obj["store"]) else {"publish_every": publish_every}))
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    for graph in getattr(store, "recovered", []):
        click.echo(f"note: removed {graph}, half-written by an interrupted build; building its article again "
                   "restores it", err=True)
    bar = None
    words = 0

    def on_start(total):
        nonlocal bar
        if show and total:
            bar = tqdm(total=total, unit="article", desc="extracting", file=sys.stderr, dynamic_ncols=True)

    def on_progress(n, article):
        nonlocal words
        if bar is not None:
            words += len(article.text.split())
            bar.set_postfix_str(f"{words / max(bar.format_dict['elapsed'], 1e-6):,.0f} words/s", refresh=False)
            bar.update(1)

    def on_skip(source, reason):
        if not as_json:
            click.echo(f"skipped {source}: {reason}", err=True)

    def on_note(source, note):
        if not as_json:
            click.echo(f"note: {source}: {note}", err=True)

    extractions = None
    if scheduler:
        extractions = lambda articles: dask_extractions(articles, scheduler, model)  # noqa: E731
    try:
        report = run_build(paths, store, model=model, workers=workers, progress=on_progress, on_skip=on_skip,
                           on_note=on_note, extractions=extractions, on_start=on_start,
                           **({"commit_every": batch} if batch else {}))
    except (ClusterError, ExtractionError) as e:
        raise click.ClickException(str(e)) from None
    except Exception as e:
        # spaCy is imported here only when needed: with -j the build's own process never loads it
        from newskg.graph.extract import ModelError  # (a second of a -j build's start otherwise)

        if isinstance(e, ModelError):
            raise click.ClickException(str(e)) from None
        raise
    finally:
        if bar is not None:
            bar.close()
        store.close()
    summary = store_stats(_open(ctx)) if report.built or report.unchanged else {}
    if as_json:
        _echo_json({"report": report.as_dict(), "stats": summary})
    else:
        rate = report.words / report.seconds if report.seconds else 0
        click.echo(f"built {report.built} article(s) ({report.replaced} replaced), {report.unchanged} unchanged, "
                   f"{len(report.skipped)} skipped in {report.seconds:.1f}s ({rate:,.0f} words/s)")
        click.echo()
        click.echo(_table(_build_rows(report, summary), header=("", "this build", "in the store")))
        why = _skipped_text(report)
        if why:
            click.echo()
            click.echo(why)
    if report.skipped:
        ctx.exit(1)


def _skipped_text(report, examples: int = 5) -> str:
    """Why inputs were skipped, by kind, with a few of each; then the notes."""
    lines = []
    if report.skipped:
        lines.append(f"skipped {len(report.skipped)} input(s); nothing of them is in the store:")
        for kind, items in sorted(report.skipped_by_kind().items(), key=lambda x: (-len(x[1]), x[0])):
            lines.append(f"  {KINDS.get(kind, kind)} ({len(items)}):")
            lines += [f"    {source}: {reason}" for source, reason in items[:examples]]
            if len(items) > examples:
                lines.append(f"    … and {len(items) - examples} more (kg build --json lists every one)")
    if report.notes:
        lines.append(f"built with a note ({len(report.notes)}):")
        lines += [f"    {source}: {note}" for source, note in report.notes[:examples]]
        if len(report.notes) > examples:
            lines.append(f"    … and {len(report.notes) - examples} more (kg build --json lists every one)")
    return "\n".join(lines)


def _build_rows(report, s: dict) -> list[tuple]:
    rows = [("articles", report.built, s.get("documents")),
            ("  replaced", report.replaced), ("  unchanged", report.unchanged), ("  skipped", len(report.skipped)),
            ("  with a note", len(report.notes)),
            ("mentions", report.mentions), ("relation statements", report.relations)]
    return rows + _stats_rows(s, column=2) + [("time", f"{report.seconds:.1f}s")]


def _stats_rows(s: dict, column: int = 1) -> list[tuple]:
    """The store's counts as table rows, values in the given column."""
    if not s:
        return []
    pad = (None,) * (column - 1)
    rows = [("entities", *pad, s["entities"])]
    rows += [(f"  {t}", *pad, n) for t, n in s["entities_by_type"].items()]
    rows.append(("relations", *pad, sum(s["relations_by_predicate"].values())))
    rows += [(f"  {p}", *pad, n) for p, n in s["relations_by_predicate"].items()]
    rows += [("co-mention pairs", *pad, s["comentions"]), ("quads", *pad, s["quads"])]
    return rows


def _print_stats(s: dict) -> None:
    click.echo(_table([("articles", s["documents"]), *_stats_rows(s)]))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--graph", "graph_iri", metavar="IRI", help="Load into this named graph (default: the file's own "
              "graphs; the default graph for triple formats).")
@click.option("--format", "fmt", type=click.Choice(["turtle", "ntriples", "nquads", "trig", "rdfxml", "jsonld", "n3"]),
              help="RDF format (default: from the file extension).")
@click.option("--force", is_flag=True, help="Also write into what `kg build` maintains: an article's graph, "
              "the entity registry, the store's metadata (refused without it).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary.")
@click.pass_context
def load(ctx, files, graph_iri, fmt, force, as_json):
    """Import RDF files into the store: curated facts, vocabularies, test data.

    Each file is one transaction: a malformed file, or one with an ill-typed literal
    ("lots"^^xsd:integer), is refused with the parser's message and line, and nothing of it is
    written (the other files still load; exit code 1). Writing into an article's graph or the
    entity registry, which `kg build` maintains, needs --force.
    """
    formats = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
               "trig": ox.RdfFormat.TRIG, "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD,
               "n3": ox.RdfFormat.N3}
    store = _open(ctx, write=True)
    loaded, failed = {}, {}
    try:
        for f in files:
            try:
                loaded[f] = store.load(f, graph=graph_iri, fmt=formats.get(fmt), force=force)
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
@click.option("--json", "as_json", is_flag=True, help="Print the sizes as JSON.")
@click.pass_context
def compact(ctx, as_json):
    """Rewrite the store's published version in its smallest form (folder stores).

    Builds add their batches to the store as they come, and the store keeps them as written: a
    store built batch by batch takes up to twice the space of the same data written at once. This
    writes the published version anew, at once, and publishes it; readers go on meanwhile. It
    takes about as long as loading the whole store (minutes per million articles' worth of quads)."""
    if is_remote(ctx.obj["store"]):
        raise click.ClickException("kg compact is for folder stores; a SPARQL server keeps its own storage")
    store = _open(ctx, write=True)
    try:
        before, after = store.compact()
    finally:
        store.close()
    if as_json:
        _echo_json({"before_bytes": before, "after_bytes": after})
    else:
        click.echo(f"{before / 1e6:,.0f} MB → {after / 1e6:,.0f} MB")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def stats(ctx, as_json):
    """Documents, entities per type, relations per predicate, triples."""
    s = store_stats(_open(ctx))
    _echo_json(s) if as_json else _print_stats(s)


@main.command()
@click.argument("query")
@click.option("--param", "-p", multiple=True, metavar="NAME=VALUE", help="A named query's parameter.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv"]), default="table",
              show_default=True, help="Results as a table, SPARQL JSON results, CSV or TSV.")
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.pass_context
def query(ctx, query, param, fmt, as_json):
    """Run SPARQL: a .rq file, a named query from queries/ (see `kg queries`), or query text."""
    from newskg.graph.sparql import Refused, Unreadable, render_cli, run_text  # rdflib: see the imports above

    store = _open(ctx)
    params = {}
    for p in param:
        if "=" not in p:
            raise click.BadParameter(f"{p!r} is not NAME=VALUE", param_hint="--param")
        k, v = p.split("=", 1)
        params[k] = v
    bindings = None
    if _is_file(query):
        text = Path(query).read_text(encoding="utf-8")
        nq = named_queries.parse(Path(query).stem, text)
    elif named_queries.NAME.match(query):
        try:
            nq = named_queries.get(query)
        except (KeyError, named_queries.QueryError) as e:
            raise click.ClickException(str(e).strip('"')) from None
        text = nq.text
    else:
        text, nq = query, None
    try:
        if nq is not None and (nq.params or params):
            params = _entity_params(store, nq, params)
            bindings = nq.bindings(params, store.vocab)
        result = run_text(store, text, bindings)
    except (named_queries.QueryError, SyntaxError, Refused, Unreadable) as e:
        raise click.ClickException(f"query failed: {e}") from None
    fmt = "json" if as_json else fmt
    click.echo(render_cli(result, fmt), nl=False)


def _is_file(argument: str) -> bool:
    """Whether `kg query`'s argument names a file; query text is never one, even when it is too
    long or too odd to be a file name."""
    if "\n" in argument or "{" in argument:
        return False
    try:
        return Path(argument).is_file()
    except (OSError, ValueError):  # a name too long for the file system, a NUL
        return False


def _entity_params(store: Store, nq, params: dict[str, str]) -> dict[str, str]:
    """The entity parameters as entity IRIs: an id, an IRI or a name that names one entity; an
    unknown one is an error with the closest names (it would silently match nothing)."""
    view = None
    out = dict(params)
    for p in nq.params:
        value = params.get(p.name)
        if p.type != "entity" or value is None:
            continue
        iri = value if re.match(r"^[a-z][a-z0-9+.-]*:", value) else store.vocab.entity(value)
        if not re.search(r'[<>"{}|^`\\\s]', iri) and store.select(
                f"SELECT ?c WHERE {{ GRAPH <{store.vocab.registry}> {{ <{iri}> a ?c }} }} LIMIT 1", union=False):
            continue
        view = view or load_view(store)
        try:
            out[p.name] = store.vocab.entity(find_entity(view, value, store.vocab.base))
        except FilterError as e:
            raise click.ClickException(f"parameter {p.name!r}: " + str(e).replace("in the graph being exported",
                                                                                "in the store")) from None
    return out


@main.command("queries")
@click.option("--json", "as_json", is_flag=True, help="Print the queries, their descriptions and parameters as JSON.")
def list_queries(as_json):
    """List the named queries and their parameters."""
    cat = named_queries.catalogue()
    if as_json:
        _echo_json([q.as_dict() for q in cat.values()])
        return
    for q in cat.values():
        params = " ".join(f"{p.name}={p.type}" + (f"[{p.default}]" if p.default else "") for p in q.params)
        click.echo(f"{q.name:22} {q.title}" + (f"  ({params})" if params else ""))


TYPE_NAMES = {**{t: t for t in ENTITY_TYPES}, **{c.upper(): t for t, c in CLASS_OF_TYPE.items()}}


@main.command(epilog="""\b
Filters (--type, --min-weight, --only, --ego/--depth, --since/--until, --no-isolated) apply to
graphml, gexf, png and svg. The RDF formats (turtle, ntriples, nquads, trig, jsonld) are always
the whole dataset: a filter with one of them is an error; for part of the RDF, run a CONSTRUCT
query with `kg query`.

\b
GraphML is readable by Gephi, yEd, networkx, igraph and graphology. Relations are directed edges;
a graph that also holds co-mentions is written directed with `kind` = comention on them (those
readers refuse or ignore mixed GraphML); co-mentions alone are written undirected. GEXF (Gephi)
is a mixed graph: co-mentions are undirected edges there; networkx reads a GEXF of one kind of
edge only.

\b
Examples:
  kg export -o graph.gexf
  kg export -o people.graphml --type person --only relations
  kg export -o ego.png --ego "Human Rights Watch" --depth 2
  kg export -o spring.gexf --since 2023-03-01 --until 2023-05-31 --min-weight 2
  kg export --format nquads -o - | gzip > graph.nq.gz""")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS),
              help="Output format  [default: from the output file's extension (.graphml .gexf .png .svg .ttl .nt "
                   ".nq .trig .jsonld; another is an error); graphml for '-']")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), required=True,
              help="File to write ('-' for standard output). It appears whole or not at all.")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              type=click.Choice(sorted(TYPE_NAMES), case_sensitive=False),
              help="Keep only entities of this type (repeatable): person, org(anization), place, event, group.")
@click.option("--min-weight", type=click.IntRange(1), default=1, show_default=True,
              help="Keep co-mentions shared by at least N sentences (relations are always kept).")
@click.option("--only", type=click.Choice(["relations", "comentions"]),
              help="Keep one kind of edge: stated relations, or co-mentions.")
@click.option("--ego", metavar="ENTITY",
              help="Keep the ego network of this entity (id, IRI, or a name that names one entity).")
@click.option("--depth", type=click.IntRange(1, 10), default=None,
              help="Steps from --ego, edges followed either way  [default: 1]")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Keep what articles published on or after this day say (articles without a published date "
                   "are left out when a range is given).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Keep what articles published on or before this day say (same rule).")
@click.option("--no-isolated", "drop_isolated", is_flag=True, help="Leave out entities the filters leave without "
              "an edge.")
@click.option("--labels", type=click.IntRange(0), default=20, show_default=True,
              help="png/svg: label the N most mentioned entities.")
@click.option("--max-nodes", type=click.IntRange(1), default=300, show_default=True,
              help="png/svg: draw at most the N most mentioned entities (filter first for a readable picture).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on standard error (default: when it is a "
              "terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary (on standard error when the output is "
              "'-').")
@click.pass_context
def export(ctx, fmt, output, types, min_weight, only, ego, depth, since, until, drop_isolated, labels, max_nodes,
           progress, as_json):
    """Export the graph: GraphML/GEXF for Gephi and graph libraries, a PNG/SVG picture, or RDF."""
    if depth is not None and ego is None:
        raise click.UsageError("--depth needs --ego ENTITY: the depth is counted from that entity")
    if fmt is None and output != "-":
        fmt = exporters.format_of(output)
        if fmt is None:
            suffix = Path(output).suffix
            which = "extension " + suffix if suffix else "name (no extension)"
            raise click.UsageError(
                f"cannot tell the format of {output} from its {which}: name the file with one of "
                f"{', '.join(exporters.EXTENSIONS)}, or give --format ({', '.join(EXPORT_FORMATS)})")
    fmt = fmt or "graphml"
    try:
        filters = exporters.ExportFilter(
            types=frozenset(TYPE_NAMES[t.upper()] for t in types), only=only, min_weight=min_weight, ego=ego,
            depth=depth or 1, since=since.date() if since else None, until=until.date() if until else None,
            drop_isolated=drop_isolated)
    except exporters.FilterError as e:
        raise click.UsageError(str(e)) from None
    store = _open(ctx)
    bars = []

    def bar(description, total, unit):
        if not _show_progress(progress):
            return lambda n: None
        bars.append(tqdm(total=total, desc=description, unit=unit, unit_scale=unit == "B", file=sys.stderr,
                         dynamic_ncols=True, leave=False))
        return bars[-1].update

    started = time.perf_counter()
    try:
        summary = exporters.export(store, fmt, output, filters, progress=bar, labels=labels, max_nodes=max_nodes)
    except exporters.FilterError as e:
        raise click.ClickException(str(e)) from None
    except BrokenPipeError:  # the reader of standard output stopped (`| head`): nothing to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        ctx.exit(1)
    except OSError as e:
        raise click.ClickException(f"cannot write {output}: {e.strerror or e}; check that its folder exists and "
                                   "is writable") from None
    finally:
        for b in bars:
            b.close()
    summary["seconds"] = round(time.perf_counter() - started, 3)
    if as_json:
        _echo_json(summary, err=output == "-")
    elif output != "-":
        click.echo(_export_line(summary), err=True)
    if not as_json and summary.get("articles", {}).get("without_date"):
        click.echo(f"note: {summary['articles']['without_date']} article(s) without a published date were left out "
                   "(a date range was given)", err=True)
    if not as_json and summary.get("entities_left_out"):
        click.echo(f"note: drew the {summary['nodes']} most mentioned entities, {summary['entities_left_out']} left "
                   "out; filter (--type, --ego, --min-weight) or raise --max-nodes", err=True)


def _export_line(s: dict) -> str:
    if "quads" in s:
        return f"wrote {s['output']} ({s['format']}): {s['quads']:,} quads in {s['seconds']:.1f}s"
    return (f"wrote {s['output']} ({s['format']}): {s['nodes']:,} entities, {s['relations']:,} relations, "
            f"{s['comentions']:,} co-mentions in {s['seconds']:.1f}s")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every "
              "interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port; --json says which).")
@click.option("--workers", "-w", default=2, show_default=True, type=click.IntRange(1), help="Server processes.")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1), help="Threads per process.")
@click.option("--query-timeout", type=click.FloatRange(0, min_open=True), default=10.0, show_default=True,
              envvar="KG_QUERY_TIMEOUT", show_envvar=True, metavar="SECONDS",
              help="Stop a SPARQL query (/sparql, a named query) running longer and answer 503 query_timeout.")
@click.option("--query-processes", type=click.IntRange(1), default=None, envvar="KG_QUERY_PROCESSES",
              show_envvar=True, help="Processes evaluating SPARQL queries, per server process  [default: --threads]")
@click.option("--json", "as_json", is_flag=True, help="Once listening, print the address as one line of JSON "
              "(url, host, port, store, version, base, pid) and keep serving; the access log goes to standard "
              "error.")
@click.pass_context
def serve(ctx, host, port, workers, threads, query_timeout, query_processes, as_json):
    """Serve the store: SPARQL endpoint, lookups and web pages (gunicorn, a production server)."""
    from newskg.api.server import run  # Flask and gunicorn: see the imports above

    # Fail early, with the store's own message, if there is nothing to serve. The store is
    # opened in a process of its own: an embedded store starts RocksDB's threads, which the
    # server's worker processes, forked from this one, would inherit as dead threads and try
    # to join at exit (a segmentation fault at every shutdown).
    probe = subprocess.run([sys.executable, "-c", "import json, sys; from newskg.cli import _describe_store; "
                            "print(json.dumps(_describe_store(sys.argv[1], sys.argv[2] or None)))",
                            ctx.obj["store"], ctx.obj["base"] or ""], capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": os.pathsep.join(
                               [str(Path(__file__).resolve().parent.parent), os.environ.get("PYTHONPATH", "")])})
    if probe.returncode != 0:
        raise click.ClickException(f"the store could not be checked: {probe.stderr.strip()[-500:]}")
    found = json.loads(probe.stdout)
    if isinstance(found, str):
        raise click.ClickException(found)
    version, base = found
    location = ctx.obj["store"] if is_remote(ctx.obj["store"]) else str(Path(ctx.obj["store"]).resolve())
    os.environ["KG_BASE"] = base  # the workers open the graph this is (a SPARQL server may hold several)

    _check_port(host, port)

    def ready(addresses):
        bound_host, bound_port = addresses[0][:2]
        shown = f"[{bound_host}]" if ":" in bound_host else bound_host
        click.echo(json.dumps({"url": f"http://{shown}:{bound_port}/", "host": bound_host, "port": bound_port,
                               "store": location, "version": version, "base": base,
                               "pid": os.getpid()}))
        sys.stdout.flush()

    run(store=ctx.obj["store"], host=host, port=port, workers=workers, threads=threads,
        on_ready=ready if as_json else None, access_log="-" if not as_json else None,
        query_timeout=query_timeout, query_processes=query_processes or threads)


def _check_port(host: str, port: int) -> None:
    """Fail with advice when the address is taken: gunicorn would retry for five seconds,
    printing a line each time, and end without saying what to do."""
    if port == 0:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as e:
        raise click.ClickException(f"cannot listen on {host}: {e.strerror}; give --host an address of this machine "
                                   "(127.0.0.1, 0.0.0.0 for every interface)") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        # as gunicorn binds: a port left in TIME_WAIT by a server just stopped is free
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except PermissionError:
            raise click.ClickException(f"port {port} on {host} needs privileges this user lacks: choose a port "
                                       f"from 1024 up (--port {8000 if port != 8000 else 8080})") from None
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                raise click.ClickException(
                    f"port {port} on {host} is in use (another `kg serve`, or another server): stop it, or choose "
                    f"another port with --port {port + 1 if port < 65535 else 8000} (--port 0 takes any free "
                    "one)") from None
            if e.errno == errno.EADDRNOTAVAIL:
                raise click.ClickException(f"{host} is not an address of this machine: give --host one of its "
                                           "addresses (127.0.0.1, 0.0.0.0 for every interface)") from None
            raise


def _describe_store(location: str, base: str | None) -> tuple[str, str] | str:
    """(published version, base IRI) of the store at `location`, or why it cannot be served."""
    try:
        store = open_store(location, base=base)
    except StoreError as e:
        return str(e)
    except OSError as e:
        return os_problem(e, location)
    try:
        return store.version, store.vocab.base
    finally:
        store.close()


@main.command()
@click.argument("gold", nargs=-1, type=click.Path(exists=True))
@click.option("--coref", "coref", type=click.Path(exists=True, file_okay=False), metavar="GOLD_DIR",
              help="Score resolution across articles against mention-level gold instead (GOLD_DIR/mentions.jsonl, "
                   "as tests/validation/coref has): B-cubed P/R/F, gold entities split over several nodes, nodes "
                   "holding several gold entities, and both lists.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores, breakdowns and misses as JSON.")
@click.pass_context
def evaluate(ctx, gold, coref, as_json):
    """Score the store against gold files in the guidelines' format (GUIDELINES.md).

    GOLD is gold files or folders of them. A folder whose subfolders hold the gold of several
    parts (tests/validation: tune/gold and report/gold) is scored part by part; each part is
    scored on what its own articles say, when the store holds others too.

    \b
      kg build tests/validation/tune/articles.jsonl tests/validation/report/articles.jsonl
      kg evaluate tests/validation
      kg evaluate --coref tests/validation/coref      (a store built from the Wikinews corpus)
    """
    if coref:
        if gold:
            raise click.UsageError("give gold files or --coref GOLD_DIR, not both")
        try:
            result = evaluate_coref(_open(ctx), Path(coref))
        except ValueError as e:
            raise click.ClickException(str(e)) from None
        _echo_json(result) if as_json else click.echo(render_coref(result))
        return
    if not gold:
        raise click.UsageError("give gold files or folders, or --coref GOLD_DIR")
    store = _open(ctx)
    found = parts([Path(g) for g in gold])
    results = {name: evaluate_gold(store, paths) for name, paths in found.items()}
    if len(results) == 1:
        result = next(iter(results.values()))
        _echo_json(result) if as_json else click.echo(render(result))
    elif as_json:
        _echo_json({"parts": results})
    else:
        click.echo("\n\n".join(f"== {name} ==\n{render(result)}" for name, result in results.items()))


@main.command()
@click.argument("entity")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@click.pass_context
def explain(ctx, entity, as_json):
    """Why each form is on an entity: the rule, the evidence and the article of each join.

    ENTITY is an id, an IRI or a name (the most mentioned entity of that name). A retired IRI
    (merged into another entity) is explained as the entity it now is.
    """
    try:
        result = explain_entity(_open(ctx), entity)
    except NotFound as e:
        raise click.ClickException(str(e)) from None
    _echo_json(result) if as_json else click.echo(render_explanation(result))


@main.group(cls=_VerbGroup)
@click.option("--json", "as_json", is_flag=True, help="Print the item made (or, with list, the items) as JSON.")
@click.pass_context
def curate(ctx, as_json):
    """An analyst's corrections, kept in the store and applied on every build.

    \b
      kg curate merge A B        B is A (now, and in every later build)
      kg curate never A B        A and B are never merged
      kg curate split A FORM     an article entity with FORM never joins A
      kg curate label A TEXT     A's label
      kg curate type A TYPE      A's type (PERSON, ORG, PLACE, EVENT, GROUP)
      kg curate list
    A and B are ids, IRIs or names (see kg explain). merge, label and type apply at once; never and
    split apply to the articles built from then on (build changed articles again to apply them
    to those).
    """
    ctx.obj["curate_json"] = as_json


def _curate(ctx, action: str, entity: str, other: str | None = None, value: str | None = None) -> None:
    store = _open(ctx, write=True)
    try:
        try:
            a = store.vocab.slug_of(find(store, entity))
            b = store.vocab.slug_of(find(store, other)) if other else None
            item = curation.make(store, action, a, b, value)
        except (NotFound, curation.CurationError) as e:
            raise click.ClickException(str(e)) from None
        quads = curation.quads(item, store.vocab)
        renames, nodes = [], {}
        resolver = registry.load_resolver(store)  # applies the items before this one
        curation.apply_to_item(resolver, item)
        for n, merge in enumerate(resolver.take_merges()):
            quads += merge_quads(Merge(merge.retired, merge.into, merge.evidence), store.vocab, n)
            renames.append((store.vocab.entity(merge.retired), store.vocab.entity(merge.into)))
            nodes[store.vocab.entity(merge.retired)] = None
        node = resolver.nodes.get(resolver.current(a))
        if node is not None:
            nodes[store.vocab.entity(node.id)] = node
        registry.commit(store, Change(drop_graphs=[], quads=quads, nodes=list(nodes), renames=renames), nodes,
                        resolver=resolver)
    finally:
        store.close()
    if ctx.obj.get("curate_json"):
        _echo_json({**item.__dict__, "description": item.describe()})
    else:
        click.echo(f"curation {item.n}: {item.describe()}")


@curate.command("merge")
@click.argument("entity")
@click.argument("other")
@click.pass_context
def curate_merge(ctx, entity, other):
    """OTHER is ENTITY: merge it in now; its IRI answers as ENTITY's (owl:sameAs)."""
    _curate(ctx, "merge", entity, other)


@curate.command("never")
@click.argument("entity")
@click.argument("other")
@click.pass_context
def curate_never(ctx, entity, other):
    """ENTITY and OTHER are never merged by a later article."""
    _curate(ctx, "never", entity, other)


@curate.command("split")
@click.argument("entity")
@click.argument("form")
@click.pass_context
def curate_split(ctx, entity, form):
    """An article's entity that uses FORM never joins ENTITY (from the next build of its article)."""
    _curate(ctx, "split", entity, value=form)


@curate.command("label")
@click.argument("entity")
@click.argument("label")
@click.pass_context
def curate_label(ctx, entity, label):
    """ENTITY's label is LABEL, whatever its mentions say."""
    _curate(ctx, "label", entity, value=label)


@curate.command("type")
@click.argument("entity")
@click.argument("entity_type", metavar="TYPE", type=click.Choice(sorted(ENTITY_TYPES), case_sensitive=False))
@click.pass_context
def curate_type(ctx, entity, entity_type):
    """ENTITY's type is TYPE."""
    _curate(ctx, "type", entity, value=entity_type.upper())


@curate.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the items as JSON.")
@click.pass_context
def curate_list(ctx, as_json):
    """The store's curation items, oldest first."""
    found = curation.items(_open(ctx))
    if as_json or ctx.obj.get("curate_json"):
        _echo_json([i.__dict__ for i in found])
    else:
        for i in found:
            click.echo(f"{i.n:4}  {i.created}  {i.describe()}")


@main.command()
@click.option("--corpora", type=click.Path(exists=True, file_okay=False),
              default=lambda: os.environ.get("KG_CORPORA", "../shared/data/corpora"),
              show_default="../shared/data/corpora",
              help="Folder with ud_english_ewt, ud_english_gum_open, uner_english_ewt, crossner_politics and wikigold.")
@click.option("--vectors", type=click.Path(exists=True, file_okay=False), default=None,
              help="spaCy vectors folder  [default: ../vectors/en_explosion_md_vectors beside --corpora]")
@click.option("--output", type=click.Path(file_okay=False), default=None,
              help="Where to save the pipeline (default: newskg's default model folder).")
@click.option("--max-epochs", type=int, default=None, help="Override the configs' epochs (quick runs).")
@click.option("--json", "as_json", is_flag=True, help="Print only the final scores, as JSON (the log goes to "
              "standard error).")
@click.option("--relations", "relation_parts", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Train the learned relation decision instead of the pipeline, from this validation part "
                   "(a folder with articles.jsonl and gold/; repeatable), into relations.json in --output "
                   "(default: graph/model/, which KG_RELATION_MODEL unset reads). Needs scikit-learn: "
                   "pip install 'newskg[train]'.")
@click.option("--cross-validate", is_flag=True,
              help="With --relations: relation P/R/F1 of the patterns alone and with a model, by 5-fold "
                   "cross-validation over the articles; nothing is written.")
def train(corpora, vectors, output, max_epochs, as_json, relation_parts, cross_validate):
    """Rebuild the default spaCy pipeline from the openly licensed corpora (takes about an hour),
    or, with --relations, the relation model from gold articles (a minute)."""
    if relation_parts:
        _train_relations([Path(p) for p in relation_parts], output, cross_validate, as_json)
        return
    if cross_validate:
        raise click.UsageError("--cross-validate goes with --relations PART")
    from newskg.graph import train as trainer  # spaCy: see the imports above

    kwargs = {"max_epochs": max_epochs}
    if vectors:
        kwargs["vectors"] = Path(vectors)
    if output:
        kwargs["output"] = Path(output)
    # spaCy's trainer prints its progress on standard output: with --json it goes to standard
    # error, so that standard output holds the scores alone (the training processes are forked
    # and inherit the redirection)
    with contextlib.redirect_stdout(sys.stderr) if as_json else contextlib.nullcontext():
        scores = trainer.train(Path(corpora), log=lambda m: click.echo(m, err=True), **kwargs)
    _echo_json(scores) if as_json else click.echo(json.dumps(scores, indent=1))


def _train_relations(parts: list[Path], output, cross_validate: bool, as_json: bool) -> None:
    try:
        import sklearn  # noqa: F401 - only asked whether it is there
    except ImportError:
        raise click.ClickException("training the relation model needs scikit-learn: "
                                   "pip install 'newskg[train]'") from None
    from newskg.graph import train_relations  # spaCy: see the imports above

    log = (lambda m: click.echo(m, err=True)) if as_json else click.echo
    for part in parts:  # (every part read before the minutes of parsing, so a bad one fails at once)
        try:
            train_relations.read_part(part)
        except train_relations.PartError as e:
            raise click.ClickException(str(e)) from None
    if cross_validate:
        scores = train_relations.cross_validate(parts, log=lambda m: None)
    else:
        kwargs = {"output": Path(output) / "relations.json"} if output else {}
        if output:
            Path(output).mkdir(parents=True, exist_ok=True)
        data = train_relations.train(parts, log=log, **kwargs)
        scores = {"trained_on": data["trained_on"], "examples": data["examples"]}
    _echo_json(scores) if as_json else click.echo(json.dumps(scores, indent=1))


@main.command()
@click.option("--model", envvar="KG_MODEL", show_envvar=True,
              help="spaCy pipeline to describe (package name or folder); default: the one `kg build` would use.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def doctor(ctx, model, as_json):
    """Say what newskg would use: spaCy pipeline, store, settings, package versions.

    The exit code is 1 when something stands in the way (no pipeline, no store…); each
    problem says what to do.
    """
    found = doctor_report(ctx.obj["store"], ctx.obj["base"], model)
    if as_json:
        _echo_json(found)
    else:
        click.echo(_doctor_text(found))
    if found["problems"]:
        ctx.exit(1)


def _doctor_text(r: dict) -> str:
    m, s, p = r["model"], r["store"], r["packages"]
    lines = [f"newskg {p['newskg']} (Python {p['python']})", "", "spaCy pipeline"]
    if m["path"]:
        lines += [f"  name        {m['name']} {m['version']}", f"  path        {m['path']}  (from {m['source']})",
                  f"  components  {', '.join(m['components'])}  + newskg's {', '.join(m['added_by_newskg'])}",
                  f"  needs spaCy {m['spacy_version']}  (installed {p['spacy']})"]
    else:
        lines.append(f"  missing     {m['requested']}  (from {m['source']})")
    lines += ["", "store", f"  path        {s['path']}"]
    if s["exists"]:
        c = s["counts"]
        lines += [f"  base IRI    {s['base']}", f"  version     {s['version']} (published)",
                  f"  size        {s['bytes'] / 1e6:,.1f} MB",
                  f"  holds       {c['documents']:,} articles, {c['entities']:,} entities, "
                  f"{sum(c['relations_by_predicate'].values()):,} relations, {c['comentions']:,} co-mention pairs, "
                  f"{c['quads']:,} quads"]
    else:
        lines.append("  (no graph built here yet)")
    q = r["query_processes"]
    lines += ["", "query processes", f"  network     {q['network']}: {q['why']}"]
    lines += ["", "settings"] + [f"  {k:<11} {v if v is not None else '(unset)'}" for k, v in r["settings"].items()]
    lines += ["", "packages", "  " + ", ".join(f"{k} {v}" for k, v in p.items() if k not in ("newskg", "python")
                                                  and v)]
    lines += [""] + ([f"problem: {x}" for x in r["problems"]] or ["no problems found"])
    return "\n".join(lines)
