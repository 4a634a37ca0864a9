// The neighborhood graph (GET /api/entities/<id>/neighbors) drawn with Cytoscape.js: nodes
// coloured by type and sized by mentions, relations as labelled arrows, co-mentions dashed.
// Clicking a node opens its page. The instance is window.cy (the browser tests read it).
import { browseUrl, getJSON, plural } from "./dom.js";


const cssVar = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

function style(types) {
  return [
    { selector: "node", style: {
      "label": "data(label)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3,
      "text-wrap": "wrap", "text-max-width": 110, "color": "#222", "min-zoomed-font-size": 7,
      "width": "mapData(mentions, 1, 40, 16, 44)", "height": "mapData(mentions, 1, 40, 16, 44)",
      "border-width": 1, "border-color": "#fff" } },
    ...types.map((t) => ({ selector: `node[type = "${t}"]`, style: { "background-color": cssVar(`--type-${t}`) } })),
    { selector: "node.root", style: { "border-width": 4, "border-color": "#111", "font-weight": "bold" } },
    { selector: "edge", style: { "curve-style": "bezier", "width": 1.5 } },
    // labels level, on an opaque ground with a border, and as large on screen whatever the zoom
    // (keepReadable): a rotated 9px label over crossing lines could not be read
    { selector: "edge.relation", style: {
      "line-color": "#555", "target-arrow-color": "#555", "target-arrow-shape": "triangle",
      "label": "data(label)", "font-size": LABEL_PX, "color": "#222", "text-rotation": "none",
      "text-background-color": "#fff", "text-background-opacity": 1, "text-background-padding": 2,
      "text-background-shape": "roundrectangle", "text-border-color": "#bbb", "text-border-width": 1,
      "text-border-opacity": 1, "text-events": "yes",
      "width": "mapData(weight, 1, 6, 1.5, 4)" } },
    { selector: "edge.comention", style: {
      "line-style": "dashed", "line-color": "#b8b8b8", "width": "mapData(weight, 1, 10, 1, 3)", "opacity": 0.8 } },
    { selector: ":selected", style: { "overlay-opacity": 0.15 } },
  ];
}

// on-screen size of labels, in pixels, at any zoom
const LABEL_PX = 12;

// fitting a large neighbourhood zooms out until its labels are specks: the relations' labels grow
// as the zoom shrinks, so that they keep LABEL_PX on screen (the names of the many nodes would
// then cover the graph: they are hidden below 7 px instead, and come back on zooming in)
function keepReadable(cy) {
  const scale = () => {
    cy.style().selector("edge.relation").style("font-size", LABEL_PX / Math.min(cy.zoom(), 1)).update();
  };
  cy.on("zoom", scale);
  scale();
}

let drawing = 0;

export async function drawNeighborhood(container, status, id, { depth = 1, comentions = true, since = "", until = "" } = {}) {
  // the entity types and relation predicates come from the server (graph/records.py)
  const { types, relations } = container.dataset;
  const params = new URLSearchParams({ depth, limit: 150 });
  if (!comentions) params.set("predicate", relations);
  if (since) params.set("since", since);
  if (until) params.set("until", until);
  status.textContent = "Loading…";
  const asked = ++drawing;
  let body;
  try {
    body = await getJSON(`/api/entities/${encodeURIComponent(id)}/neighbors?${params}`);
  } catch (error) {
    status.textContent = error.message;
    return;
  }
  if (asked !== drawing) return; // the controls changed again meanwhile
  const elements = [
    ...body.nodes.map((n) => ({ data: { id: n.id, label: n.label, type: n.type, mentions: n.mentions },
                                classes: n.id === body.root ? "root" : "" })),
    ...body.edges.map((e, i) => ({
      data: { id: `e${i}`, source: e.source, target: e.target, weight: e.weight, evidence: e.evidence,
              articles: e.articles, label: e.kind === "relation" ? e.predicates.join(", ") : "" },
      classes: e.kind })),
  ];
  if (window.cy) window.cy.destroy();
  const cy = window.cytoscape({
    container, elements, style: style(types.split(",")), minZoom: 0.2, maxZoom: 3,
    layout: { name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
              idealEdgeLength: () => 70, nodeRepulsion: () => 400000, gravity: 0.4, numIter: 1500 },
  });
  window.cy = cy;
  keepReadable(cy);
  container.dataset.nodes = cy.nodes().length;
  container.dataset.edges = cy.edges().length;
  container.dataset.range = since || until ? `${since}..${until}` : "";
  const shown = body.total_nodes > cy.nodes().length ? ` (the nearest of ${body.total_nodes})` : "";
  const published = `published ${since ? "from " + since : ""}${since && until ? " " : ""}${until ? "to " + until : ""}`;
  const range = since || until ? ` in articles ${published}` : "";
  const root = body.nodes.find((n) => n.id === body.root);
  const summary = root && root.mentions === 0
    ? `No article ${published} mentions ${root.label}.`
    : `${plural(cy.nodes().length, "entity", "entities")}${shown}, `
      + `${plural(cy.edges(".relation").length, "relation")}, ${plural(cy.edges(".comention").length, "co-mention")}${range}. `
      + "Click an entity to open it.";
  status.textContent = summary;
  cy.on("tap", "node", (event) => {
    if (event.target.id() !== body.root) location.assign(browseUrl(event.target.id()));
  });
  cy.on("tap", "edge", (event) => {
    const d = event.target.data();
    const [a, b] = [cy.getElementById(d.source).data("label"), cy.getElementById(d.target).data("label")];
    status.textContent = d.label
      ? `${a} ${d.label} ${b}: ${plural(d.evidence, "statement")} in ${plural(d.articles, "article")}.`
      : `${a} and ${b} are mentioned together in ${plural(d.weight, "sentence")} of ${plural(d.articles, "article")}.`;
  });
  cy.on("tap", (event) => { if (event.target === cy) status.textContent = summary; });
}
