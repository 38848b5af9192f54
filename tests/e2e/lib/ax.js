// Reads the page the way a screen reader does: Chromium's full accessibility tree over CDP
// (Accessibility.getFullAXTree), with no canvas coordinates and no bridge items.
"use strict";

async function axTree(page) {
  if (!page.axCdp) page.axCdp = await page.context().newCDPSession(page);
  const {nodes} = await page.axCdp.send("Accessibility.getFullAXTree");
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const node = (n) => ({
    role: n.role ? n.role.value : "",
    name: n.name ? String(n.name.value) : "",
    ignored: !!n.ignored,
    props: Object.fromEntries((n.properties || []).map((p) => [p.name, p.value && p.value.value])),
    children: () => (n.childIds || []).map((id) => byId.get(id)).filter(Boolean).map(node),
  });
  return node(nodes[0]);
}

// Every node below `root` (depth first, document order) that is not ignored.
function flatten(root) {
  const out = [];
  const walk = (n) => { if (!n.ignored) out.push(n); n.children().forEach(walk); };
  walk(root);
  return out;
}

// All the text a screen reader reads inside a node (its static texts, joined).
function textOf(n) {
  return flatten(n).filter((c) => c.role === "StaticText").map((c) => c.name).join(" ");
}

const find = async (page, role, name) =>
  flatten(await axTree(page)).find((n) => n.role === role && (name === undefined ||
    (name instanceof RegExp ? name.test(n.name) : n.name === name)));

module.exports = {axTree, flatten, textOf, find};
