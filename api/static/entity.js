// An entity's page: its facts, relations with their evidence sentences and its articles
// (GET /api/entities/<id>), its mentions over time (timeline.js) and its neighborhood graph
// (graph.js), of all articles or of those published in a date range.
import { el, entityLink, getJSON, plural } from "./dom.js";
import { drawNeighborhood } from "./graph.js";
import { drawTimeline } from "./timeline.js";

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
      el("span", { class: "muted" }, el("a", { href: articleUrl(e.document), "data-document": e.document },
        e.title || e.document), ` · ${e.method} · confidence ${Number(e.confidence).toFixed(2)}`)))));
}

function relations(entity) {
  const target = document.getElementById("relations");
  if (!entity.relations.length) {
    target.replaceChildren(el("p", { class: "muted" }, "No relation is stated about this entity."));
    return;
  }
  target.replaceChildren(el("ul", { class: "relations" }, entity.relations.map((r) => relation(entity, r))));
}

const articleUrl = (id) => "/article/" + id.split("/").map(encodeURIComponent).join("/");

// newest first, then the undated ones; each opens the article page
function articles(entity) {
  const sorted = [...entity.articles].sort((a, b) => (b.date || "").localeCompare(a.date || "") || b.mentions - a.mentions);
  document.getElementById("articles").replaceChildren(...sorted.map((a) => el("li", {},
    el("a", { href: articleUrl(a.id), class: "article" }, a.title || a.id),
    el("span", { class: "muted" }, ` — ${a.date ? a.date.slice(0, 10) + " · " : ""}${plural(a.mentions, "mention")}`))));
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
    since: controls.elements.since.value,
    until: controls.elements.until.value,
  });
}

// a bar of the timeline shows the graph of its week or month
function showPeriod(since, until) {
  controls.elements.since.value = since;
  controls.elements.until.value = until;
  redraw();
  document.getElementById("graph-controls").scrollIntoView({ block: "start" });
}

const timelineControls = document.getElementById("timeline-controls");

function timeline() {
  drawTimeline(document.getElementById("timeline"), document.getElementById("timeline-status"), id,
    page.dataset.type, { period: timelineControls.elements.period.value, onPick: container ? showPeriod : null });
}

controls.addEventListener("change", redraw);
timelineControls.addEventListener("change", timeline);
document.getElementById("all-dates").addEventListener("click", () => {
  controls.elements.since.value = "";
  controls.elements.until.value = "";
  redraw();
});
load();
timeline();
redraw();
