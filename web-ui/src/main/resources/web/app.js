'use strict';
/* Martello web UI: a small hash-routed single page over the REST API, live through server-sent events. */
const S = {session: null, ws: null, workspaces: [], view: null, listeners: []};
const $view = document.getElementById('view');

function esc(v) {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}
function pill(v) { return v ? `<span class="pill ${esc(v)}">${esc(String(v).replace(/_/g, '-'))}</span>` : '<span class="muted">–</span>'; }
function when(iso) { return iso ? `<span title="${esc(iso)}">${esc(timeAgo(Date.parse(iso)))}</span>` : '<span class="muted">never</span>'; }
function dur(ms) {
  if (ms == null || ms < 0) return '–';
  if (ms < 1000) return ms + ' ms';
  const s = ms / 1000; if (s < 60) return s.toFixed(1) + ' s';
  const m = Math.floor(s / 60); return m < 60 ? `${m}m ${Math.round(s % 60)}s` : `${Math.floor(m / 60)}h ${m % 60}m`;
}
function pct(x) { return x == null ? '–' : (x * 100).toFixed(1) + '%'; }
function canOperate() { return S.session && (S.session.role === 'operator' || S.session.role === 'admin'); }
function wsPath(p) { return `/api/workspaces/${encodeURIComponent(S.ws)}${p}`; }
function assetPath(key) { return key.split('/').map(encodeURIComponent).join('/'); }

async function api(path, opts = {}) {
  const headers = {'Accept': 'application/json'};
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (S.session && S.session.csrfToken && opts.method && opts.method !== 'GET') headers['X-CSRF-Token'] = S.session.csrfToken;
  const res = await fetch(path, {method: opts.method || 'GET', headers, credentials: 'same-origin',
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body)});
  if (res.status === 401 && !opts.allow401) { location.href = '/login.html'; throw new Error('not logged in'); }
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) { const err = new Error(body && body.message || res.statusText); err.status = res.status; err.body = body; throw err; }
  return body;
}

function toast(text, bad) {
  const t = document.getElementById('toast');
  t.textContent = text; t.className = 'toast' + (bad ? ' bad' : ''); t.hidden = false;
  clearTimeout(toast.timer); toast.timer = setTimeout(() => { t.hidden = true; }, 5000);
}
function showError(e) { $view.insertAdjacentHTML('afterbegin', `<div class="error-box">${esc(e.message)}</div>`); }

/* ---------- live events ---------- */
function connectEvents() {
  const live = document.getElementById('live');
  const es = new EventSource('/api/events');
  es.onopen = () => live.classList.add('on');
  es.onerror = () => live.classList.remove('on');
  // a page left with its stream open would hold one of the browser's six connections to this host
  window.addEventListener('pagehide', () => es.close());
  for (const type of ['run-started', 'step-started', 'step-finished', 'materialized', 'run-finished', 'freshness']) {
    es.addEventListener(type, (m) => {
      const data = JSON.parse(m.data);
      if (data.workspace && data.workspace !== S.ws) return;
      S.listeners.forEach((l) => l(type, data));
    });
  }
}
function onLive(fn) { S.listeners.push(fn); }
function throttle(fn, ms) {
  let t = null; return () => { if (t) return; t = setTimeout(() => { t = null; fn(); }, ms); };
}

/* ---------- router ---------- */
const routes = [
  [/^#\/lineage(?:\?(.*))?$/, 'lineage', (m) => lineage(new URLSearchParams(m[1] || ''))],
  [/^#\/catalog(?:\?(.*))?$/, 'catalog', (m) => catalog(new URLSearchParams(m[1] || ''))],
  [/^#\/asset\/(.+)$/, 'catalog', (m) => asset(decodeURIComponent(m[1]))],
  [/^#\/freshness$/, 'freshness', () => freshness()],
  [/^#\/runs$/, 'runs', () => runs()],
  [/^#\/runs\/([0-9a-z]+)$/, 'runs', (m) => run(m[1])],
  [/^#\/schedules$/, 'schedules', () => schedules()],
];
async function route() {
  const hash = location.hash || '#/lineage';
  if (S.view && S.view.destroy) S.view.destroy();
  S.view = null; S.listeners = [];
  $view.className = 'view'; $view.innerHTML = '';
  for (const [re, nav, fn] of routes) {
    const m = hash.match(re);
    if (m) {
      document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('active', a.dataset.nav === nav));
      try { await fn(m); } catch (e) { if (e.message !== 'not logged in') showError(e); }
      return;
    }
  }
  location.hash = '#/lineage';
}

/* ---------- lineage ---------- */
async function lineage(params) {
  $view.className = 'view full';
  const focus = params.get('focus');
  const select = params.get('select') || (focus ? '' : '*');
  $view.innerHTML = `
    <div class="toolbar">
      <input id="select" class="select-box" spellcheck="false" placeholder="selection, e.g. +core/gmv_daily or mart:commerce and not tag:pii" value="${esc(focus ? '' : select)}">
      ${focus ? `<span class="muted">around <b>${esc(focus)}</b></span>
        <label class="muted">up <input id="up" type="number" min="0" max="50" value="${esc(params.get('up') || 2)}" style="width:60px"></label>
        <label class="muted">down <input id="down" type="number" min="0" max="50" value="${esc(params.get('down') || 2)}" style="width:60px"></label>` : ''}
      <button id="apply" class="btn">Show</button>
      <button id="fit" class="btn">Fit</button>
      <span id="count" class="muted"></span>
      <div class="spacer"></div>
      <div class="legend"><span style="--c:#16a34a">fresh</span><span style="--c:#d97706">warn</span><span style="--c:#dc2626">late</span><span style="--c:#94a3b8">no policy</span><span style="--c:#64748b">source</span></div>
    </div>
    <div id="lineage-error"></div>
    <div class="canvas-wrap"><canvas id="lineage"></canvas><div class="canvas-hint">drag to pan · scroll to zoom · click a node to open it</div></div>`;
  const apply = () => {
    const up = document.getElementById('up'), down = document.getElementById('down');
    const q = new URLSearchParams();
    const sel = document.getElementById('select').value.trim();
    if (focus && !sel) { q.set('focus', focus); q.set('up', up.value); q.set('down', down.value); } else q.set('select', sel || '*');
    location.hash = '#/lineage?' + q.toString();
  };
  document.getElementById('apply').onclick = apply;
  document.getElementById('select').addEventListener('keydown', (e) => { if (e.key === 'Enter') apply(); });
  const q = new URLSearchParams();
  if (focus) { q.set('focus', focus); q.set('up', params.get('up') || 2); q.set('down', params.get('down') || 2); } else q.set('select', select);
  let view;
  try {
    [view] = await Promise.all([api(wsPath('/lineage?' + q.toString()))]);
  } catch (e) {
    document.getElementById('lineage-error').innerHTML = `<div class="error-box" style="margin:12px 16px">${esc(e.message)}</div>`;
    return;
  }
  document.getElementById('count').textContent = `${view.nodes.length.toLocaleString()} nodes · ${(view.edges.length / 2).toLocaleString()} edges`;
  const canvas = new LineageCanvas(document.getElementById('lineage'), view, (n) => { location.hash = '#/asset/' + n.key; });
  window.martelloLineage = canvas;
  S.view = canvas;
  document.getElementById('fit').onclick = () => { canvas.fit(); canvas.request(); };
  if (focus) canvas.focusOn(focus);
  canvas.draw();
  const refresh = async () => canvas.setStatus(await api(wsPath('/lineage/status')));
  refresh();
  onLive(throttle(refresh, 500));
}

/* ---------- catalog ---------- */
async function catalog(params) {
  const all = await api(wsPath('/assets?limit=10000'));
  const uniq = (f) => [...new Set(all.items.flatMap(f))].sort();
  const opts = (vals, cur) => vals.map((v) => `<option ${v === cur ? 'selected' : ''}>${esc(v)}</option>`).join('');
  const tags = uniq((a) => Object.entries(a.tags || {}).map(([k, v]) => v ? `${k}=${v}` : k));
  $view.innerHTML = `
    <div class="page-head"><div><h1>Catalog</h1><div class="muted">${all.total} assets and sources in workspace ${esc(S.ws)}</div></div></div>
    <div class="filters">
      <input id="q" type="search" placeholder="Search keys and descriptions…" value="${esc(params.get('q') || '')}">
      <select id="mart"><option value="">all marts</option>${opts(uniq((a) => [a.mart]), params.get('mart'))}</select>
      <select id="owner"><option value="">all owners</option>${opts(uniq((a) => a.owners), params.get('owner'))}</select>
      <select id="kind"><option value="">all kinds</option>${opts(['table', 'view', 'incremental', 'source'], params.get('kind'))}</select>
      <select id="tag"><option value="">all tags</option>${opts(tags, params.get('tag'))}</select>
      <select id="freshness"><option value="">any freshness</option>${opts(['PASS', 'WARN', 'FAIL', 'UNKNOWN'], params.get('freshness'))}</select>
    </div>
    <div class="panel" style="padding:0"><table class="data" id="catalog-table"><thead><tr>
      <th>Asset</th><th>Mart</th><th>Kind</th><th>Owners</th><th>Freshness</th><th>Status</th><th>Last materialized</th></tr></thead><tbody></tbody></table></div>`;
  const ids = ['q', 'mart', 'owner', 'kind', 'tag', 'freshness'];
  const load = async () => {
    const q = new URLSearchParams({limit: '2000'});
    ids.forEach((id) => { const v = document.getElementById(id).value.trim(); if (v) q.set(id, v); });
    const res = await api(wsPath('/assets?' + q.toString()));
    document.querySelector('#catalog-table tbody').innerHTML = res.items.map((a) => `<tr>
      <td><a href="#/asset/${esc(a.key)}" class="asset-link">${esc(a.key)}</a><div class="muted" style="font-size:12px">${esc(a.description)}</div></td>
      <td>${esc(a.mart)}<div class="muted" style="font-size:12px">${esc(a.martKind)}</div></td><td>${esc(a.kind)}</td>
      <td>${a.owners.map((o) => `<span class="tag">${esc(o)}</span>`).join('')}</td>
      <td>${a.type === 'source' ? '<span class="muted">source</span>' : pill(a.freshness && a.freshness.state)}</td>
      <td>${a.type === 'source' ? '' : pill(a.staleness)}</td><td>${a.type === 'source' ? '' : when(a.lastMaterializedAt)}</td></tr>`).join('')
      || '<tr><td colspan="7" class="empty">No asset matches these filters.</td></tr>';
  };
  let t = null;
  ids.forEach((id) => document.getElementById(id).addEventListener('input', () => { clearTimeout(t); t = setTimeout(load, 150); }));
  await load();
  onLive(throttle(load, 1000));
}

/* ---------- asset ---------- */
async function asset(key) {
  if (!key.includes('/')) return source(key);
  const base = wsPath('/assets/' + assetPath(key));
  const render = async () => {
    const [d, hist, checks, parts] = await Promise.all([api(base), api(base + '/materializations?limit=60'),
      api(base + '/checks?limit=30'), api(base + '/partitions')]);
    const a = d.summary;
    $view.innerHTML = `
      <div class="page-head">
        <div><div class="muted">${esc(a.mart)} · ${esc(a.martKind)} mart</div><h1 id="asset-key">${esc(a.key)}</h1>
          <div>${pill(a.freshness && a.freshness.state)} <span id="staleness">${pill(a.staleness)}</span> <span class="tag">${esc(a.kind)}</span>${a.exposed ? '<span class="tag">exposed</span>' : ''}
          ${Object.entries(a.tags).map(([k, v]) => `<span class="tag">${esc(v ? k + '=' + v : k)}</span>`).join('')}</div></div>
        <div class="spacer"></div>
        <a class="btn" href="#/lineage?focus=${encodeURIComponent(a.key)}&up=2&down=2">Lineage around</a>
        ${canOperate() ? '<button id="materialize" class="btn primary">Materialize</button>' : ''}
      </div>
      <div class="grid two">
        <div class="panel"><h2>About</h2><p>${esc(a.description) || '<span class="muted">No description.</span>'}</p>
          <dl class="kv"><dt>Owners</dt><dd>${a.owners.map((o) => `<span class="tag">${esc(o)}</span>`).join('')}</dd>
          <dt>Mart</dt><dd>${esc(a.mart)} <span class="muted">${esc(d.martDescription)}</span></dd>
          <dt>Compute</dt><dd>${esc(d.compute)}</dd><dt>Partitions</dt><dd>${esc(d.partitions || 'none')}</dd>
          <dt>Automation</dt><dd>${esc(d.automation || 'none')}</dd><dt>Retries</dt><dd>${esc(d.retries)}</dd>
          <dt>Code version</dt><dd class="mono">${esc(d.codeVersion)}</dd><dt>Defined at</dt><dd class="mono">${esc(d.definedAt)}</dd></dl></div>
        <div class="panel"><h2>Status and SLO</h2><dl class="kv">
          <dt>Freshness policy</dt><dd>${esc(a.freshnessPolicy || 'none')}</dd>
          <dt>Freshness</dt><dd id="freshness-state">${pill(a.freshness && a.freshness.state)} <span class="muted">${esc(a.freshness && a.freshness.reason)}</span>${a.freshness && a.freshness.since ? ` <span class="muted">· since</span> ${when(a.freshness.since)}` : ''}</dd>
          ${d.freshnessPartitions.length ? `<dt>Judged partitions</dt><dd id="freshness-partitions">${d.freshnessPartitions.map((p) => `<div>${pill(p.state)} <span class="mono">${esc(p.partition)}</span> <span class="muted">${esc(p.reason)}</span></div>`).join('')}</dd>` : ''}
          <dt>Freshness SLO</dt><dd id="freshness-slo">${d.slo ? `7 days <b>${pct(d.slo.slo7d)}</b> · 28 days <b>${pct(d.slo.slo28d)}</b> <span class="muted">of tracked time in PASS</span>` : '<span class="muted">no policy</span>'}</dd>
          <dt>Staleness</dt><dd id="staleness-reason">${esc(a.stalenessReason || a.staleness)}</dd>
          <dt>Last materialized</dt><dd>${when(a.lastMaterializedAt)} ${a.lastRunId ? `in <a href="#/runs/${esc(a.lastRunId)}">${esc(a.lastRunId)}</a>` : ''}</dd>
          <dt>Rows</dt><dd>${a.rows == null ? '–' : Number(a.rows).toLocaleString()}</dd></dl></div>
        <div class="panel"><h2>Materializations</h2>${chart(hist)}</div>
        <div class="panel"><h2>Partitions</h2>${parts.partitioned ? `<div class="muted" style="margin-bottom:8px">${esc(parts.definition)} · newest ${parts.partitions.length}${a.freshnessPolicy ? ` · colour by <select id="grid-by"><option value="status">status</option><option value="freshness"${S.gridBy === 'freshness' ? ' selected' : ''}>freshness</option></select>` : ''}</div><div class="part-grid" id="part-grid">${partCells(parts.partitions)}</div>` : '<p class="muted">Not partitioned.</p>'}</div>
        <div class="panel"><h2>Upstream</h2>${links(d.upstream)}<h2 class="section-gap">Downstream</h2>${links(d.downstream)}</div>
        <div class="panel"><h2>Columns (contract)</h2>${d.columns.length ? `<table class="data"><thead><tr><th>Column</th><th>Type</th><th>Nullable</th><th>Description</th></tr></thead><tbody>${d.columns.map((c) => `<tr><td class="mono">${esc(c.name)}</td><td>${esc(c.type)}</td><td>${c.nullable ? 'yes' : 'no'}</td><td>${esc(c.description)}</td></tr>`).join('')}</tbody></table>` : '<p class="muted">No declared columns.</p>'}</div>
        <div class="panel"><h2>Checks</h2>${d.checks.length ? `<table class="data"><thead><tr><th>Check</th><th>Severity</th><th>Last result</th></tr></thead><tbody>${d.checks.map((c) => { const r = checks.find((x) => x.check === c.name); return `<tr><td class="mono">${esc(c.name)}</td><td>${esc(c.severity)}</td><td>${r ? pill(r.passed ? 'PASS' : 'FAIL') + ' ' + when(r.at) : '<span class="muted">not run</span>'}</td></tr>`; }).join('')}</tbody></table>` : '<p class="muted">No checks.</p>'}</div>
        <div class="panel" style="grid-column:1/-1"><h2>SQL</h2>${d.sql ? `<pre class="sql">${esc(d.sql)}</pre>` : '<p class="muted">Computed in Java.</p>'}</div>
      </div>`;
    const gridBy = document.getElementById('grid-by');
    if (gridBy) gridBy.onchange = () => { S.gridBy = gridBy.value; document.getElementById('part-grid').innerHTML = partCells(parts.partitions); };
    const btn = document.getElementById('materialize');
    if (btn) btn.onclick = async () => {
      btn.disabled = true; btn.textContent = 'Launching…';
      try {
        const r = await api(wsPath('/runs'), {method: 'POST', body: {select: a.key}});
        toast(r.runId ? `Run ${r.runId} started` : 'Run queued');
        btn.textContent = 'Running…';
      } catch (e) { toast(e.message, true); btn.disabled = false; btn.textContent = 'Materialize'; }
    };
  };
  await render();
  onLive((type, data) => { if ((type === 'materialized' && data.asset === key) || (type === 'run-finished')
    || (type === 'freshness' && (data.transitions || []).some((t) => t.asset === key))) render(); });
}

function partCells(partitions) {
  const byFreshness = S.gridBy === 'freshness';
  return partitions.map((p) => {
    const f = p.freshness;
    const cls = byFreshness ? (f ? 'F-' + f.state : 'F-UNKNOWN') : p.status;
    const title = `${p.key}: ${p.status}` + (f ? ` · freshness ${f.state}: ${f.reason}` : '');
    return `<i class="${esc(cls)}" title="${esc(title)}"></i>`;
  }).join('');
}

async function source(key) {
  const res = await api(wsPath('/assets?q=' + encodeURIComponent(key)));
  const s = res.items.find((x) => x.key === key);
  if (!s) throw new Error(`No asset or source '${key}'.`);
  $view.innerHTML = `<div class="page-head"><div><div class="muted">source of ${esc(s.mart)}</div><h1>${esc(s.key)}</h1></div><div class="spacer"></div>
    <a class="btn" href="#/lineage?focus=${encodeURIComponent(s.key)}&up=0&down=2">Lineage around</a></div>
    <div class="panel"><p>${esc(s.description) || '<span class="muted">No description.</span>'}</p><dl class="kv"><dt>Owners</dt><dd>${s.owners.map((o) => `<span class="tag">${esc(o)}</span>`).join('')}</dd><dt>Freshness policy</dt><dd>${esc(s.freshnessPolicy || 'none')}</dd></dl>
    <p class="muted">Sources are produced outside Martello and never materialized.</p></div>`;
}

function links(keys) {
  return keys.length ? keys.map((k) => `<div><a href="#/asset/${esc(k)}">${esc(k)}</a></div>`).join('') : '<p class="muted">None.</p>';
}

function chart(hist) {
  if (!hist.length) return '<p class="muted">Never materialized.</p>';
  const W = 560, H = 150, P = 28, n = hist.length, bw = Math.max(3, (W - 2 * P) / n - 3);
  const maxD = Math.max(...hist.map((h) => h.durationMs), 1), maxR = Math.max(...hist.map((h) => h.rows), 1);
  const x = (i) => P + i * ((W - 2 * P) / n);
  const bars = hist.map((h, i) => `<rect x="${x(i).toFixed(1)}" y="${(H - P - (H - 2 * P) * h.durationMs / maxD).toFixed(1)}" width="${bw.toFixed(1)}" height="${((H - 2 * P) * h.durationMs / maxD).toFixed(1)}" rx="2" fill="#7dd3fc"><title>${esc(h.at)}: ${dur(h.durationMs)}, ${h.rows} rows</title></rect>`).join('');
  const line = hist.map((h, i) => `${(x(i) + bw / 2).toFixed(1)},${(H - P - (H - 2 * P) * h.rows / maxR).toFixed(1)}`).join(' ');
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none">${bars}<polyline points="${line}" fill="none" stroke="#0f172a" stroke-width="1.8"/>
    <text x="${P}" y="14" font-size="11" fill="#0284c7">duration (max ${esc(dur(maxD))})</text><text x="${W - P}" y="14" font-size="11" text-anchor="end" fill="#0f172a">rows (max ${maxR.toLocaleString()})</text></svg>`;
}

/* ---------- freshness ---------- */
async function freshness() {
  const f = await api(wsPath('/freshness'));
  const bar = (c) => { const t = Object.values(c).reduce((a, b) => a + b, 0) || 1; return `<div class="bar">${['PASS', 'WARN', 'FAIL', 'UNKNOWN'].map((s) => `<span style="width:${100 * c[s] / t}%;background:var(--${s.toLowerCase()})"></span>`).join('')}</div>`; };
  const card = (g) => `<div class="panel"><h2>${esc(g.name)}</h2>${bar(g.counts)}
    <div class="stat-row"><div><span class="stat" style="color:var(--pass)">${g.counts.PASS}</span><span class="muted">fresh</span></div><div><span class="stat" style="color:var(--warn)">${g.counts.WARN}</span><span class="muted">warn</span></div><div><span class="stat" style="color:var(--fail)">${g.counts.FAIL}</span><span class="muted">late</span></div><div><span class="stat" style="color:var(--unknown)">${g.counts.UNKNOWN}</span><span class="muted">unknown</span></div></div>
    <div class="muted">${g.assets} asset${g.assets === 1 ? '' : 's'} with a freshness policy</div>
    <div class="muted">SLO in PASS: 7 days <b>${pct(g.slo7d)}</b> · 28 days <b>${pct(g.slo28d)}</b></div></div>`;
  const parts = (l) => l.partitions.length ? `<div>${l.partitions.map((p) => `${pill(p.state)} <span class="mono">${esc(p.partition)}</span>`).join(' ')}</div>` : '';
  $view.innerHTML = `<div class="page-head"><div><h1>Freshness</h1><div class="muted">evaluated ${when(f.evaluatedAt)} by the ${esc(f.evaluatedBy)}</div></div></div>
    <h2>Late now</h2><div class="panel" style="padding:0;margin-bottom:22px"><table class="data" id="late"><thead><tr><th>Asset</th><th>State</th><th>Late since</th><th>Owners</th><th>SLO 7d / 28d</th><th>Why</th></tr></thead><tbody>
    ${f.late.map((l) => `<tr><td><a href="#/asset/${esc(l.key)}">${esc(l.key)}</a></td><td>${pill(l.state)}</td><td>${when(l.lateSince)}</td><td>${l.owners.map((o) => `<span class="tag">${esc(o)}</span>`).join('')}</td><td>${pct(l.slo7d)} / ${pct(l.slo28d)}</td><td class="muted">${esc(l.reason)}${parts(l)}</td></tr>`).join('') || '<tr><td colspan="6" class="empty">Everything with a policy is fresh.</td></tr>'}
    </tbody></table></div>
    <h2>By mart</h2><div class="grid cards" id="by-mart" style="margin-bottom:22px">${f.byMart.map(card).join('')}</div>
    <h2>By owner</h2><div class="grid cards" id="by-owner">${f.byOwner.map(card).join('')}</div>`;
  onLive(throttle(() => { if (location.hash === '#/freshness') route(); }, 2000));
}

/* ---------- runs ---------- */
async function runs() {
  const load = async () => {
    const list = await api(wsPath('/runs?limit=100'));
    $view.innerHTML = `<div class="page-head"><div><h1>Runs</h1><div class="muted">newest first</div></div></div>
      <div class="panel" style="padding:0"><table class="data" id="runs-table"><thead><tr><th>Run</th><th>Status</th><th>Selection</th><th>Trigger</th><th>Started</th><th>Duration</th></tr></thead><tbody>
      ${list.map((r) => `<tr><td><a class="mono" href="#/runs/${esc(r.id)}">${esc(r.id)}</a></td><td>${pill(r.status)}</td><td class="mono">${esc(r.selection)}</td><td>${esc(r.trigger)}</td><td>${when(r.startedAt || r.createdAt)}</td><td>${dur(r.finishedAt && r.startedAt ? Date.parse(r.finishedAt) - Date.parse(r.startedAt) : null)}</td></tr>`).join('') || '<tr><td colspan="6" class="empty">No runs yet. Open an asset and press Materialize.</td></tr>'}
      </tbody></table></div>`;
  };
  await load();
  onLive(throttle(load, 700));
}

async function run(id) {
  const load = async () => {
    const [d, logs] = await Promise.all([api(wsPath('/runs/' + id)), api(wsPath('/runs/' + id + '/logs'))]);
    const r = d.run;
    $view.innerHTML = `<div class="page-head"><div><div class="muted">run</div><h1 class="mono">${esc(r.id)}</h1>
      <div>${pill(r.status)} <span class="muted">${esc(r.trigger)} · <span class="mono">${esc(r.selection)}</span> · ${esc(r.message)}</span></div></div>
      <div class="spacer"></div>${canOperate() && d.cancellable ? '<button id="cancel" class="btn danger">Cancel run</button>' : ''}</div>
      <div class="panel" style="margin-bottom:16px"><h2>Timeline</h2>${gantt(d.steps, r)}</div>
      <div class="grid two"><div class="panel" style="padding:0"><table class="data"><thead><tr><th>Step</th><th>Status</th><th>Attempts</th><th>Duration</th><th>Message</th></tr></thead><tbody>
      ${d.steps.map((s) => `<tr><td><a href="#/asset/${esc(s.asset)}">${esc(s.asset)}</a>${s.partition ? `<span class="muted">[${esc(s.partition)}]</span>` : ''}</td><td>${pill(s.status)}</td><td>${s.attempts}</td><td>${dur(s.startedAt && s.finishedAt ? Date.parse(s.finishedAt) - Date.parse(s.startedAt) : null)}</td><td class="muted">${esc(s.failure ? s.failure + ': ' : '')}${esc(s.message)}</td></tr>`).join('')}
      </tbody></table></div>
      <div class="panel"><h2>Logs</h2>${logs.length ? logs.map((l) => `<div class="mono" style="margin-bottom:4px"><span class="muted">${esc((l.at || '').slice(11, 23))}</span> ${esc(l.asset || '')} <b>${esc(l.level || l.type)}</b> ${esc(l.check ? l.check + ' ' + (l.passed ? 'passed' : 'failed') : '')} ${esc(l.message)}</div>`).join('') : '<p class="muted">No log lines.</p>'}</div></div>`;
    const c = document.getElementById('cancel');
    if (c) c.onclick = async () => { try { await api(wsPath('/runs/' + id + '/cancel'), {method: 'POST', body: {}}); toast('Cancelling…'); } catch (e) { toast(e.message, true); } };
  };
  await load();
  onLive(throttle(() => load(), 400));
}

function gantt(steps, r) {
  const started = steps.filter((s) => s.startedAt);
  if (!started.length) return '<p class="muted">No step has started yet.</p>';
  const t0 = Math.min(...started.map((s) => Date.parse(s.startedAt)));
  const t1 = Math.max(...started.map((s) => s.finishedAt ? Date.parse(s.finishedAt) : Date.now()), t0 + 1);
  const W = 900, L = 240, row = 22, H = started.length * row + 24;
  const col = {SUCCEEDED: '#16a34a', FAILED: '#dc2626', RUNNING: '#2563eb', SKIPPED: '#d97706', CANCELED: '#94a3b8', PENDING: '#cbd5e1'};
  const bars = started.map((s, i) => {
    const a = Date.parse(s.startedAt), b = s.finishedAt ? Date.parse(s.finishedAt) : Date.now();
    const x = L + (W - L - 10) * (a - t0) / (t1 - t0), w = Math.max(2, (W - L - 10) * (b - a) / (t1 - t0));
    return `<text x="0" y="${i * row + 15}" font-size="12" fill="#334155">${esc(s.asset + (s.partition ? '[' + s.partition + ']' : ''))}</text>
      <rect x="${x.toFixed(1)}" y="${i * row + 4}" width="${w.toFixed(1)}" height="${row - 8}" rx="3" fill="${col[s.status] || '#94a3b8'}"><title>${esc(s.asset)}: ${esc(s.status)} ${dur(b - a)}</title></rect>`;
  }).join('');
  return `<svg class="gantt" viewBox="0 0 ${W} ${H}">${bars}<text x="${L}" y="${H - 4}" font-size="11" fill="#64748b">0</text><text x="${W - 10}" y="${H - 4}" font-size="11" text-anchor="end" fill="#64748b">${esc(dur(t1 - t0))}</text></svg>`;
}

/* ---------- schedules ---------- */
function until(iso) {
  if (!iso) return '<span class="muted">–</span>';
  const s = Math.max(0, (Date.parse(iso) - Date.now()) / 1000);
  const rel = s < 60 ? 'in under a minute' : s < 3600 ? `in ${Math.round(s / 60)}m` : s < 86400 ? `in ${Math.floor(s / 3600)}h ${Math.round(s % 3600 / 60)}m` : `in ${Math.round(s / 86400)}d`;
  return `<span title="${esc(iso)}">${esc(new Date(iso).toLocaleString())}</span> <span class="muted">${esc(rel)}</span>`;
}
async function schedules() {
  const head = '<div class="page-head"><div><h1>Schedules and automation</h1><div class="muted" id="sched-sub"></div></div></div>';
  let s;
  try {
    s = await api(wsPath('/schedules?limit=5'));
  } catch (e) {
    if (e.status !== 503) throw e;
    $view.innerHTML = `${head}<div class="panel empty"><h2>No scheduler in this server</h2><p>${esc(e.message)}</p><p class="muted">${esc(e.body && e.body.code || '')}</p></div>`;
    return;
  }
  $view.innerHTML = `${head}
    <h2>Schedules</h2><div class="panel" style="padding:0;margin-bottom:22px"><table class="data" id="schedules-table"><thead><tr>
      <th>Schedule</th><th>Cron</th><th>Selection</th><th>Next tick</th><th>Last tick</th><th>State</th>${canOperate() ? '<th></th>' : ''}</tr></thead><tbody></tbody></table></div>
    <h2>Automation</h2>
    <div class="filters"><input id="auto-q" type="search" placeholder="Filter assets…">
      <select id="auto-decision"><option value="">any latest decision</option><option>REQUESTED</option><option>SKIPPED</option></select></div>
    <div class="panel" style="padding:0"><table class="data" id="automation-table"><thead><tr>
      <th>Asset</th><th>Policy</th><th>Latest decision</th><th>Reason</th><th>Evaluated</th></tr></thead><tbody></tbody></table></div>`;
  const renderSchedules = () => {
    document.getElementById('sched-sub').textContent = `workspace ${S.ws} · daemon node ${s.node}`;
    document.querySelector('#schedules-table tbody').innerHTML = s.items.map((x) => `<tr data-schedule="${esc(x.name)}">
      <td><b>${esc(x.name)}</b>${x.priority ? `<div class="muted" style="font-size:12px">priority ${esc(x.priority)}</div>` : ''}</td>
      <td><span class="mono">${esc(x.cron)}</span><div class="muted" style="font-size:12px">${esc(x.timezone)}</div></td>
      <td><span class="mono">${esc(x.selection)}</span>${x.partition && x.partition !== 'latest' ? `<div class="muted" style="font-size:12px">partition ${esc(x.partition)}</div>` : ''}</td>
      <td>${x.paused ? '<span class="muted">paused</span>' : until(x.nextTick)}</td><td>${when(x.lastTick)}</td>
      <td class="state">${pill(x.paused ? 'PAUSED' : 'ACTIVE')}</td>
      ${canOperate() ? `<td style="text-align:right"><button class="btn sched-action" id="${x.paused ? 'resume' : 'pause'}-${esc(x.name)}" data-name="${esc(x.name)}" data-op="${x.paused ? 'resume' : 'pause'}">${x.paused ? 'Resume' : 'Pause'}</button></td>` : ''}</tr>`).join('')
      || `<tr><td colspan="7" class="empty">No schedules in workspace ${esc(S.ws)} (schedules: in workspace.yaml).</td></tr>`;
    document.querySelectorAll('.sched-action').forEach((b) => { b.onclick = async () => {
      b.disabled = true;
      try {
        const changed = await api(wsPath(`/schedules/${encodeURIComponent(b.dataset.name)}/${b.dataset.op}`), {method: 'POST', body: {}});
        s.items = s.items.map((x) => x.name === changed.name ? changed : x);
        toast(`Schedule ${changed.name} ${changed.paused ? 'paused' : 'resumed'}`);
        renderSchedules();
      } catch (e) { toast(e.message, true); b.disabled = false; }
    }; });
  };
  const renderAutomation = () => {
    const q = document.getElementById('auto-q').value.trim().toLowerCase();
    const d = document.getElementById('auto-decision').value;
    const rows = s.automation.filter((a) => (!q || a.asset.toLowerCase().includes(q) || a.policy.toLowerCase().includes(q))
      && (!d || (a.evaluations[0] && a.evaluations[0].decision === d)));
    document.querySelector('#automation-table tbody').innerHTML = rows.map((a) => {
      const [last, ...older] = a.evaluations;
      return `<tr data-asset="${esc(a.asset)}"><td><a href="#/asset/${esc(a.asset)}">${esc(a.asset)}</a></td><td>${esc(a.policy)}</td>
        <td>${last ? pill(last.decision) : '<span class="muted">not evaluated yet</span>'}${last && last.partition ? ` <span class="muted">[${esc(last.partition)}]</span>` : ''}</td>
        <td>${last ? esc(last.reason) : ''}${older.length ? `<details class="muted" style="font-size:12px;margin-top:4px"><summary>${older.length} earlier</summary>${older.map((e) => `<div>${esc(e.at.slice(0, 19).replace('T', ' '))} ${esc(e.decision.toLowerCase())}: ${esc(e.reason)}</div>`).join('')}</details>` : ''}</td>
        <td>${last ? when(last.at) : ''}</td></tr>`;
    }).join('') || `<tr><td colspan="5" class="empty">${s.automation.length ? 'No asset matches these filters.' : 'No asset of this workspace has an automation policy.'}</td></tr>`;
  };
  renderSchedules();
  renderAutomation();
  ['auto-q', 'auto-decision'].forEach((id) => document.getElementById(id).addEventListener('input', renderAutomation));
  const reload = async () => {
    if (location.hash !== '#/schedules') return;
    s = await api(wsPath('/schedules?limit=5'));
    renderSchedules(); renderAutomation();
  };
  onLive(throttle(reload, 2000));
}

/* ---------- start ---------- */
async function start() {
  S.session = await api('/api/session');
  document.getElementById('who').innerHTML = S.session.open ? '<span class="muted">open dev server</span>'
    : `${esc(S.session.user)}<span class="role">${esc(S.session.role)}</span> <a href="#" id="logout" style="color:#94a3b8;margin-left:8px">log out</a>`;
  const lo = document.getElementById('logout');
  if (lo) lo.onclick = async (e) => { e.preventDefault(); await api('/api/session', {method: 'DELETE'}); location.href = '/login.html'; };
  S.workspaces = await api('/api/workspaces');
  const pick = document.getElementById('workspace');
  pick.innerHTML = S.workspaces.map((w) => `<option>${esc(w.name)}</option>`).join('');
  S.ws = localStorage.getItem('martello.ws');
  if (!S.workspaces.some((w) => w.name === S.ws)) S.ws = S.workspaces.length ? S.workspaces[0].name : null;
  pick.value = S.ws;
  pick.onchange = () => { S.ws = pick.value; localStorage.setItem('martello.ws', S.ws); route(); };
  connectEvents();
  window.addEventListener('hashchange', route);
  route();
}
start().catch((e) => { if (e.message !== 'not logged in') showError(e); });
