'use strict';
/*
 * The lineage canvas: draws a server-laid-out graph (nodes with x/y, edges as index pairs, mart zones) and only what
 * is in view, so 5,000+ assets pan and zoom smoothly. Detail follows the zoom: coloured tiles far out, names and
 * owners closer in. Freshness colours come from a separate status overlay that can be refreshed live.
 */
window.LineageCanvas = class LineageCanvas {
  constructor(canvas, view, onOpen) {
    this.canvas = canvas; this.view = view; this.onOpen = onOpen;
    this.ctx = canvas.getContext('2d');
    this.status = {}; this.highlight = null;
    this.scale = 1; this.tx = 20; this.ty = 20;
    this.zoneColours = ['#e0f2fe', '#ede9fe', '#dcfce7', '#fef9c3', '#fce7f3', '#e0e7ff', '#ccfbf1', '#ffedd5'];
    this.bind();
    this.resize();
    this.fit();
  }

  bind() {
    let drag = null;
    this.canvas.addEventListener('mousedown', (e) => { drag = {x: e.clientX, y: e.clientY, tx: this.tx, ty: this.ty, moved: false}; this.canvas.classList.add('dragging'); });
    window.addEventListener('mousemove', this.onMove = (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      this.tx = drag.tx + dx; this.ty = drag.ty + dy; this.request();
    });
    window.addEventListener('mouseup', this.onUp = (e) => {
      if (!drag) return;
      const clicked = !drag.moved; drag = null; this.canvas.classList.remove('dragging');
      if (clicked) {
        const n = this.nodeAt(e.clientX, e.clientY);
        if (n) this.onOpen(n);
      }
    });
    this.canvas.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = this.canvas.getBoundingClientRect();
      const mx = e.clientX - r.left, my = e.clientY - r.top;
      const k = Math.exp(-e.deltaY * 0.0015);
      const s = Math.min(2.5, Math.max(0.02, this.scale * k));
      this.tx = mx - (mx - this.tx) * (s / this.scale); this.ty = my - (my - this.ty) * (s / this.scale);
      this.scale = s; this.request();
    }, {passive: false});
    window.addEventListener('resize', this.onResize = () => { this.resize(); this.request(); });
  }

  destroy() {
    window.removeEventListener('mousemove', this.onMove); window.removeEventListener('mouseup', this.onUp);
    window.removeEventListener('resize', this.onResize);
  }

  resize() {
    const r = this.canvas.getBoundingClientRect(), d = window.devicePixelRatio || 1;
    this.w = r.width; this.h = r.height;
    this.canvas.width = Math.max(1, Math.round(r.width * d)); this.canvas.height = Math.max(1, Math.round(r.height * d));
    this.dpr = d;
  }

  fit() {
    const v = this.view;
    if (!v.width || !v.height) return;
    const s = Math.min((this.w - 40) / v.width, (this.h - 40) / v.height, 1.1);
    this.scale = Math.max(0.02, s);
    this.tx = (this.w - v.width * this.scale) / 2; this.ty = Math.max(20, (this.h - v.height * this.scale) / 2);
    if (v.height * this.scale > this.h) this.ty = 20;
  }

  focusOn(key) {
    const n = this.view.nodes.find((x) => x.key === key);
    if (!n) return;
    this.highlight = key; this.scale = Math.max(this.scale, 0.8);
    this.tx = this.w / 2 - (n.x + this.view.nodeWidth / 2) * this.scale;
    this.ty = this.h / 2 - (n.y + this.view.nodeHeight / 2) * this.scale;
    this.request();
  }

  setStatus(status) { this.status = status || {}; this.request(); }

  /** Screen position (client coordinates) of a node's centre, for tests and the focus link. */
  positionOf(key) {
    const n = this.view.nodes.find((x) => x.key === key);
    if (!n) return null;
    const r = this.canvas.getBoundingClientRect();
    return {x: r.left + this.tx + (n.x + this.view.nodeWidth / 2) * this.scale,
            y: r.top + this.ty + (n.y + this.view.nodeHeight / 2) * this.scale};
  }

  nodeAt(cx, cy) {
    const r = this.canvas.getBoundingClientRect();
    const wx = (cx - r.left - this.tx) / this.scale, wy = (cy - r.top - this.ty) / this.scale;
    const W = this.view.nodeWidth, H = this.view.nodeHeight;
    for (const n of this.view.nodes) {
      if (wx >= n.x && wx <= n.x + W && wy >= n.y && wy <= n.y + H) return n;
    }
    return null;
  }

  request() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  colour(n) {
    if (n.type === 'source') return '#64748b';
    const s = this.status[n.key];
    const f = s ? s[0] : 'UNKNOWN';
    return f === 'PASS' ? '#16a34a' : f === 'WARN' ? '#d97706' : f === 'FAIL' ? '#dc2626' : '#94a3b8';
  }

  draw() {
    const c = this.ctx, v = this.view, s = this.scale, W = v.nodeWidth, H = v.nodeHeight;
    c.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    c.clearRect(0, 0, this.w, this.h);
    c.translate(this.tx, this.ty); c.scale(s, s);
    const x0 = -this.tx / s, y0 = -this.ty / s, x1 = x0 + this.w / s, y1 = y0 + this.h / s;
    // zones
    v.zones.forEach((z, i) => {
      if (z.y > y1 || z.y + z.height < y0) return;
      c.fillStyle = this.zoneColours[i % this.zoneColours.length];
      c.globalAlpha = 0.55; c.fillRect(-30, z.y, v.width + 30, z.height - 8); c.globalAlpha = 1;
      c.fillStyle = '#334155';
      c.font = `600 ${Math.max(14, 13 / s)}px system-ui, sans-serif`;
      const label = `${z.mart}  ·  ${z.kind}  ·  ${z.owner}  ·  ${z.nodes} nodes`;
      c.fillText(label, Math.max(-20, x0 + 8), z.y + Math.min(28, 22 / Math.max(s, 0.3)) );
    });
    // edges, one path
    const nodes = v.nodes, e = v.edges;
    c.beginPath();
    for (let i = 0; i < e.length; i += 2) {
      const a = nodes[e[i]], b = nodes[e[i + 1]];
      const ax = a.x + W, ay = a.y + H / 2, bx = b.x, by = b.y + H / 2;
      if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) continue;
      const mx = (ax + bx) / 2;
      c.moveTo(ax, ay); c.bezierCurveTo(mx, ay, mx, by, bx, by);
    }
    c.strokeStyle = 'rgba(71,85,105,0.35)'; c.lineWidth = 1.2 / Math.max(s, 0.4); c.stroke();
    // nodes
    const detail = s >= 0.45, tiny = s < 0.12;
    for (const n of nodes) {
      if (n.x > x1 || n.x + W < x0 || n.y > y1 || n.y + H < y0) continue;
      const col = this.colour(n);
      if (tiny) { c.fillStyle = col; c.fillRect(n.x, n.y, W, H); continue; }
      c.fillStyle = n.type === 'source' ? '#f8fafc' : '#ffffff';
      c.strokeStyle = this.highlight === n.key ? '#0284c7' : '#cbd5e1';
      c.lineWidth = this.highlight === n.key ? 3 : 1;
      roundRect(c, n.x, n.y, W, H, 8); c.fill(); c.stroke();
      c.fillStyle = col; roundRect(c, n.x, n.y, 6, H, 3); c.fill();
      if (!detail) continue;
      const name = n.key.includes('/') ? n.key.slice(n.key.indexOf('/') + 1) : n.key;
      c.fillStyle = '#0f172a'; c.font = '600 13px system-ui, sans-serif';
      c.fillText(clip(c, name, W - 22), n.x + 14, n.y + 19);
      c.fillStyle = '#64748b'; c.font = '11px system-ui, sans-serif';
      c.fillText(clip(c, `${n.kind} · ${n.owner}`, W - 22), n.x + 14, n.y + 34);
      const st = this.status[n.key];
      if (n.type === 'asset') {
        const stale = st ? st[1] : 'MISSING';
        const when = st && st[2] ? ago(st[2]) : 'never';
        c.fillStyle = stale === 'UP_TO_DATE' ? '#16a34a' : stale === 'STALE' ? '#d97706' : '#dc2626';
        c.fillText(stale.replace('_', '-').replace('_', '-'), n.x + 14, n.y + 49);
        c.fillStyle = '#64748b'; c.fillText(when, n.x + W - 10 - c.measureText(when).width, n.y + 49);
      } else {
        c.fillStyle = '#64748b'; c.fillText('source', n.x + 14, n.y + 49);
      }
    }
    if (!this.firstPaint) {
      this.firstPaint = performance.now();
      document.body.dataset.lineageReady = '1';
      window.__lineageFirstPaint = this.firstPaint;
    }
  }
};

function roundRect(c, x, y, w, h, r) {
  c.beginPath(); c.moveTo(x + r, y); c.arcTo(x + w, y, x + w, y + h, r); c.arcTo(x + w, y + h, x, y + h, r);
  c.arcTo(x, y + h, x, y, r); c.arcTo(x, y, x + w, y, r); c.closePath();
}

function clip(c, text, max) {
  if (c.measureText(text).width <= max) return text;
  let t = text;
  while (t.length > 1 && c.measureText(t + '…').width > max) t = t.slice(0, -1);
  return t + '…';
}

function ago(ms) {
  const s = Math.max(0, (Date.now() - ms) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return Math.round(s / 60) + 'm ago';
  if (s < 86400) return Math.round(s / 3600) + 'h ago';
  return Math.round(s / 86400) + 'd ago';
}
window.timeAgo = ago;
