// pith explain: labels on the decided elements, the panel's links to them.
// PITH holds [node, label, class, drawn] per decision; PITH_CSS the labels' style.
(() => {
  "use strict";
  const host = document.getElementById("pith-view");
  if (host && !host.shadowRoot) {
    // A browser without declarative shadow roots: attach it by hand.
    const template = host.querySelector("template");
    host.attachShadow({ mode: "open" }).appendChild(template.content);
    template.remove();
  }
  const panel = host && host.shadowRoot;
  const layer = document.createElement("pith-marks");
  document.documentElement.appendChild(layer);
  const marks = layer.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = PITH_CSS;
  marks.appendChild(style);

  // Per element: its decisions' labels and the class of the first.
  const byNode = new Map();
  for (const [node, label, cls, drawn] of PITH) {
    if (node === null) continue;
    const entry = byNode.get(node) || { labels: [], cls };
    if (drawn) entry.labels.push(label);
    byNode.set(node, entry);
  }
  const element = (node) => document.querySelector(`[data-pith-node="${node}"]`);
  const shown = (el) => {
    if (!el) return false;
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 || r.height > 0;
  };

  function place() {
    for (const old of marks.querySelectorAll(".label")) old.remove();
    const origin = layer.getBoundingClientRect();
    const taken = new Map();
    for (const [node, { labels, cls }] of byNode) {
      const el = element(node);
      const visible = shown(el);
      if (panel) {
        for (const entry of panel.querySelectorAll(`.entry[data-node="${node}"]`)) {
          entry.classList.toggle("unseen", !visible);
        }
      }
      if (!visible || labels.length === 0) continue;
      const r = el.getBoundingClientRect();
      const x = Math.max(0, Math.round(r.left - origin.left));
      let y = Math.max(0, Math.round(r.top - origin.top));
      // Labels of elements that start at the same place stack downwards.
      const spot = `${Math.round(x / 8)},${Math.round(y / 8)}`;
      const stacked = taken.get(spot) || 0;
      taken.set(spot, stacked + 1);
      y += stacked * 15;
      const label = document.createElement("div");
      label.className = `label ${cls}`;
      label.dataset.node = node;
      label.textContent = labels.join(" | ");
      label.style.left = `${x}px`;
      label.style.top = `${y}px`;
      marks.appendChild(label);
    }
  }

  if (panel) {
    const go = (entry) => {
      const el = element(entry.dataset.node);
      if (!el) return;
      el.scrollIntoView({ block: "center" });
      el.setAttribute("data-pith-flash", "");
      setTimeout(() => el.removeAttribute("data-pith-flash"), 1500);
    };
    panel.addEventListener("click", (e) => {
      const entry = e.target.closest(".entry[data-node]");
      if (entry) go(entry);
    });
    panel.addEventListener("keydown", (e) => {
      const entry = e.target.closest(".entry[data-node]");
      if (entry && (e.key === "Enter" || e.key === " ")) {
        e.preventDefault();
        go(entry);
      }
    });
  }
  // The page is for looking at: its links and forms go nowhere.
  document.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest("a[href]");
    if (a && !a.getAttribute("href").startsWith("#")) e.preventDefault();
  }, true);
  document.addEventListener("submit", (e) => e.preventDefault(), true);

  place();
  window.addEventListener("resize", place);
  window.addEventListener("load", place);
})();
