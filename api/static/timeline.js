// An entity's mentions per week or month (GET /api/entities/<id>/timeline) as a bar chart in
// plain SVG, built with DOM calls. A bar's title says its period and counts; clicking one
// calls onPick(start, end) with the period's first and last day.
import { getJSON, plural } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 720;
const HEIGHT = 170;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 34 };

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const day = (iso) => new Date(iso + "T00:00:00Z");
const iso = (d) => d.toISOString().slice(0, 10);
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// the last day of the period starting on `start`
function periodEnd(start, period) {
  const d = day(start);
  if (period === "week") d.setUTCDate(d.getUTCDate() + 6);
  else { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return iso(d);
}

function label(start, period) {
  const d = day(start);
  return period === "week" ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}` : `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export async function drawTimeline(container, status, id, type, { period = "", onPick } = {}) {
  status.textContent = "Loading…";
  let body;
  try {
    const query = period ? `?period=${period}` : "";
    body = await getJSON(`/api/entities/${encodeURIComponent(id)}/timeline${query}`);
  } catch (error) {
    status.textContent = error.message;
    return;
  }
  const undated = body.undated.mentions
    ? ` ${plural(body.undated.mentions, "mention")} in ${plural(body.undated.articles, "article")} without a date are not shown.`
    : "";
  if (!body.periods.length) {
    container.replaceChildren();
    container.dataset.bars = 0;
    status.textContent = "No dated article mentions this entity." + undated;
    return;
  }
  const periods = body.periods;
  const most = Math.max(...periods.map((p) => p.mentions), 1);
  const innerW = WIDTH - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = innerW / periods.length;
  const barW = Math.max(2, Math.min(48, step * 0.8));
  const y = (n) => MARGIN.top + innerH - (n / most) * innerH;
  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: "img",
    "aria-label": `mentions per ${body.period}` });
  chart.style.setProperty("--bar", `var(--type-${type})`);
  chart.append(svg("line", { class: "axis", x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0) }));
  for (const tick of [0, most]) {
    chart.append(svg("text", { x: MARGIN.left - 6, y: y(tick) + 4, "text-anchor": "end" }, String(tick)));
  }
  const every = Math.ceil(periods.length / 10); // at most about ten labels under the bars
  periods.forEach((p, i) => {
    const x = MARGIN.left + i * step + (step - barW) / 2;
    const height = Math.max(p.mentions ? 1 : 0, y(0) - y(p.mentions));
    const bar = svg("rect", { class: "bar", x, y: y(0) - height, width: barW, height,
      "data-start": p.start, "data-mentions": p.mentions },
    svg("title", {}, `${body.period} of ${p.start}: ${plural(p.mentions, "mention")} in ${plural(p.articles, "article")}`));
    if (onPick) {
      bar.style.cursor = "pointer";
      bar.addEventListener("click", () => onPick(p.start, periodEnd(p.start, body.period)));
    }
    chart.append(bar);
    if (i % every === 0) {
      chart.append(svg("text", { x: x + barW / 2, y: HEIGHT - 10, "text-anchor": "middle" }, label(p.start, body.period)));
    }
  });
  container.replaceChildren(chart);
  container.dataset.bars = periods.length;
  container.dataset.period = body.period;
  const total = periods.reduce((n, p) => n + p.mentions, 0);
  status.textContent = `${plural(total, "mention")} per ${body.period}, ${periods[0].start} to `
    + `${periodEnd(periods.at(-1).start, body.period)}.${undated}` + (onPick ? " Click a bar to see that period's graph." : "");
}

