// The SPARQL editor: YASGUI on this service's /sparql, opening on a question about this graph,
// with the named queries (GET /api/queries) as examples. /query?name=NAME&PARAM=VALUE opens one
// of them.
import { el, getJSON } from "./dom.js";

const prefixes = JSON.parse(document.getElementById("prefixes").textContent);
const host = document.getElementById("yasgui");
const list = document.getElementById("examples");
const asked = new URLSearchParams(location.search);

// A parameter value as a SPARQL term, written like the server binds it (graph/named_queries.py).
function term(param, value) {
  switch (param.type) {
    case "entity":
      if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return `<${value}>`;
      return /^[\w-]+$/.test(value) ? `entity:${value}` : `<${prefixes.entity}${encodeURIComponent(value)}>`;
    case "iri": return `<${value}>`;
    case "integer": case "decimal": case "boolean":
      return /^[-+]?[\w.]+$/.test(value) ? value : JSON.stringify(value);
    case "date": return `${JSON.stringify(value)}^^xsd:date`;
    default: return JSON.stringify(value);
  }
}

// The query ready to run in the editor: parameters bound by VALUES, used prefixes declared.
function editorText(query, values) {
  const lines = query.query.split("\n");
  const head = lines.findIndex((line) => !line.startsWith("#"));
  let body = lines.slice(head).join("\n");
  for (const p of query.parameters) {
    const value = values.get(p.name) ?? p.default;
    const line = value == null
      ? `# VALUES ?${p.name} { … }  # ${p.type}: ${p.description}`
      : `VALUES ?${p.name} { ${term(p, value)} }  # ${p.description}`;
    body = body.replace(/\bWHERE\s*\{/i, (where) => `${where}\n  ${line}`);
  }
  const used = Object.entries(prefixes).filter(([name]) => new RegExp(`(^|[^\\w?$:-])${name}:`).test(body));
  return [...lines.slice(0, head), ...used.map(([name, iri]) => `PREFIX ${name}: <${iri}>`), body].join("\n");
}

// What a new tab holds: a question about this graph, not YASGUI's `?sub ?pred ?obj`.
const FIRST_TITLE = "Most mentioned entities";
const FIRST_QUERY = `PREFIX nkg: <${prefixes.nkg}>
PREFIX rdfs: <${prefixes.rdfs}>
# The 20 most mentioned entities, their type and how many articles mention them
SELECT ?entity ?label ?type ?mentions ?articles WHERE {
  ?entity a ?class ; rdfs:label ?label ; nkg:mentionCount ?mentions ; nkg:documentCount ?articles .
  ?class rdfs:subClassOf nkg:Entity .
  BIND(STRAFTER(STR(?class), "#") AS ?type)
}
ORDER BY DESC(?mentions) ?label
LIMIT 20`;

// A literal as its value: 2, not "2"^^xsd:integer (a language tag is kept). YASR's table writes
// the datatype unless its compact mode is on, which also hides IRIs' brackets and row numbers.
function literalsAsValues() {
  const table = window.Yasgui.Yasr.plugins.table;
  if (!table || table.prototype.newskgValues) return;
  const formatLiteral = table.prototype.formatLiteral;
  table.prototype.formatLiteral = function (binding, prefixes) {
    return formatLiteral.call(this, { ...binding, datatype: undefined }, prefixes);
  };
  table.prototype.newskgValues = true;
}

function startEditor() {
  const endpoint = new URL(host.dataset.endpoint, location.href).href;
  literalsAsValues();
  const yasgui = new window.Yasgui(host, {
    requestConfig: { endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint }] },
    // the class and property completers would ask lov.linkeddata.es; this service is offline
    yasqe: { autocompleters: ["prefixes", "variables"], value: FIRST_QUERY },
    yasr: { prefixes }, // results show entity:taliban rather than the whole IRI
  });
  window.yasgui = yasgui;
  return yasgui;
}

// A tab as YASGUI opens it, untouched: examples open in it rather than beside it.
const pristine = (tab) => [FIRST_QUERY, window.Yasgui.Yasqe.defaults.value].includes(tab.getQuery());

async function main() {
  const yasgui = host && window.Yasgui ? startEditor() : null;
  let queries;
  try {
    queries = (await getJSON("/api/queries")).queries;
  } catch (error) {
    list.replaceChildren(el("li", {}, error.message));
    return;
  }
  // an entity parameter with no value gets the most mentioned entity
  const values = new URLSearchParams(asked);
  if (!values.has("entity") && queries.some((q) => q.parameters.some((p) => p.type === "entity"))) {
    const top = (await getJSON("/api/entities?limit=1")).results[0];
    if (top) values.set("entity", top.id);
  }
  // each example in a tab of its own, so opening one never overwrites the user's query; the
  // first, untouched tab is reused, so none is left over
  const open = (query) => {
    const current = yasgui.getTab();
    const tab = yasgui.tabNameTaken(query.title)
      || (current && pristine(current) ? current.setName(query.title) : yasgui.addTab(true, { name: query.title }));
    yasgui.selectTabId(tab.getId());
    tab.setQuery(editorText(query, values));
    tab.query();
  };
  list.replaceChildren(...queries.map((q) => el("li", {},
    yasgui
      ? el("button", { type: "button", class: "example", "data-name": q.name, title: q.description }, q.title)
      : el("a", { href: `/api/queries/${encodeURIComponent(q.name)}` }, q.title))));
  if (!yasgui) return;
  list.addEventListener("click", (event) => {
    const name = event.target.closest("button.example")?.dataset.name;
    if (name) open(queries.find((q) => q.name === name));
  });
  const wanted = queries.find((q) => q.name === asked.get("name"));
  if (wanted) {
    open(wanted);
  } else if (pristine(yasgui.getTab())) {
    yasgui.getTab().setName(FIRST_TITLE).setQuery(FIRST_QUERY);
    yasgui.getTab().query();
  }
}

main();
