// Home page: search entities as you type (GET /api/entities?q=…), results link to their pages.
import { el, entityLink, getJSON, plural } from "./dom.js";

const form = document.getElementById("search");
const input = document.getElementById("q");
const type = document.getElementById("type");
const results = document.getElementById("results");
const status = document.getElementById("search-status");
let timer;
let latest = 0;

async function search() {
  const q = input.value.trim();
  const asked = ++latest;
  const params = new URLSearchParams({ q });
  if (type.value) params.set("type", type.value);
  history.replaceState(null, "", q ? "?" + params : location.pathname);
  params.set("limit", 20);
  if (!q) {
    results.replaceChildren();
    status.textContent = "";
    return;
  }
  try {
    const body = await getJSON("/api/entities?" + params);
    if (asked !== latest) return; // a newer search has started
    status.textContent = body.total ? `${plural(body.total, "entity", "entities")} found` : `Nothing found for “${q}”.`;
    results.replaceChildren(...body.results.map((r) => el("li", {},
      entityLink(r.id, r.label, r.type),
      r.aliases.length ? el("span", { class: "muted" }, " — also " + r.aliases.slice(0, 6).join(", ")) : "",
      el("span", { class: "muted" }, ` · ${plural(r.mentions, "mention")}`))));
  } catch (error) {
    status.textContent = error.message;
  }
}

input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 150); });
type.addEventListener("change", search);
form.addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(timer); search(); });

const initial = new URLSearchParams(location.search);
if (initial.get("q")) {
  input.value = initial.get("q");
  type.value = initial.get("type") || "";
  search();
}
