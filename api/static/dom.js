// Small helpers shared by the pages: build DOM nodes (text is never parsed as HTML), read the JSON API.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
  }
  node.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== ""));
  return node;
}

export async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

export const browseUrl = (id) => "/browse/" + encodeURIComponent(id);

export const typeBadge = (type) => el("span", { class: `type type-${type}` }, type);

export const entityLink = (id, label, type) =>
  el("a", { href: browseUrl(id), class: "entity" }, type ? [typeBadge(type), " "] : [], label);

export const plural = (n, word, words = word + "s") => `${n} ${n === 1 ? word : words}`;
