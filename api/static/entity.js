// An entity's page: its facts, relations with their evidence sentences and its articles
// (GET /api/entities/<id>), and its neighborhood graph (graph.js).
import { el, entityLink, getJSON, plural } from "./dom.js";
import { drawNeighborhood } from "./graph.js";

const page = document.getElementById("entity");
const id = page.dataset.id;

function facts(entity) {
  const titles = entity.relations.filter((r) => r.predicate === "title" && r.direction === "out").map((r) => r.value);
  const rows = [
    ["Type", entity.type],
    ["Label", entity.label],
    ["Also called", entity.aliases.join(" · ") || "—"],
    ["Titles", titles.join(" · ") || "—"],
    ["Mentions", `${plural(entity.mentions, "mention")} in ${plural(entity.documents, "article")}`],
  ];
  document.getElementById("facts").replaceChildren(
    ...rows.flatMap(([term, value]) => [el("dt", {}, term), el("dd", { "data-fact": term.toLowerCase() }, value)]));
}

function relation(entity, r) {
  const self = el("strong", {}, entity.label);
  const other = r.entity ? entityLink(r.entity.id, r.entity.label) : el("q", {}, r.value);
  const [subject, object] = r.direction === "out" ? [self, other] : [other, self];
  const articles = new Set(r.evidence.map((e) => e.document)).size;
  return el("li", { class: "relation", "data-predicate": r.predicate },
    el("p", {}, subject, " ", el("em", { class: "predicate" }, r.predicate), " ", object,
      el("span", { class: "muted" }, ` — ${plural(r.evidence.length, "sentence")}, ${plural(articles, "article")}`)),
    el("ul", { class: "evidence" }, r.evidence.map((e) => el("li", {},
      el("blockquote", {}, e.sentence),
      el("span", { class: "muted" }, `${e.document} · ${e.method} · confidence ${Number(e.confidence).toFixed(2)}`)))));
}

function relations(entity) {
  const target = document.getElementById("relations");
  if (!entity.relations.length) {
    target.replaceChildren(el("p", { class: "muted" }, "No relation is stated about this entity."));
    return;
  }
  target.replaceChildren(el("ul", { class: "relations" }, entity.relations.map((r) => relation(entity, r))));
}

function articles(entity) {
  document.getElementById("articles").replaceChildren(...entity.articles.map((a) => el("li", {},
    a.title || a.id, el("span", { class: "muted" }, ` — ${a.id} · ${plural(a.mentions, "mention")}`))));
}

async function load() {
  try {
    const entity = await getJSON("/api/entities/" + encodeURIComponent(id));
    facts(entity);
    relations(entity);
    articles(entity);
  } catch (error) {
    document.getElementById("facts").replaceChildren(el("dt", {}, "Error"), el("dd", {}, error.message));
  }
}

const controls = document.getElementById("graph-controls");
const container = document.getElementById("graph");

function redraw() {
  if (!container) return; // the libraries are not installed; the page says so
  drawNeighborhood(container, document.getElementById("graph-status"), id, {
    depth: controls.elements.depth.value,
    comentions: controls.elements.comentions.checked,
  });
}

controls.addEventListener("change", redraw);
load();
redraw();
