// The product team's page: filters, charts of feedback per area and kind and its weekly trend, the top groups with
// quotes and their status, CSV export.
'use strict';
WD.signin(main => {
  const filters = WD.el('form', { class: 'card row', id: 'feedback-filters' });
  const summary = WD.el('section', { class: 'card', id: 'feedback-summary' });
  const charts = WD.el('div', { class: 'grid2', id: 'feedback-charts' });
  const groups = WD.el('section', { class: 'card', id: 'feedback-groups' });
  WD.clear(main, WD.el('h1', { text: WD.t('product.title') }), filters, summary, charts, groups);

  const iso = d => d.toISOString().slice(0, 10);
  const today = new Date();
  const from = WD.el('input', { type: 'date', id: 'filter-from', value: iso(new Date(today.getTime() - 29 * 864e5)) });
  const to = WD.el('input', { type: 'date', id: 'filter-to', value: iso(today) });
  const language = WD.el('select', { id: 'filter-language' }, WD.el('option', { value: '', text: WD.t('product.all') }),
    ['zh-CN', 'en', 'fr', 'de'].map(l => WD.el('option', { value: l, text: WD.t('language.' + l) })));
  const version = WD.el('input', { id: 'filter-version', placeholder: '3.2.1', size: 8 });
  const channel = WD.el('select', { id: 'filter-channel' }, WD.el('option', { value: '', text: WD.t('product.all') }),
    ['app', 'web', 'chat', 'email', 'phone'].map(c => WD.el('option', { value: c, text: WD.t('product.channel.' + c) })));
  const csv = WD.el('button', { type: 'button', class: 'secondary', id: 'feedback-csv', text: WD.t('product.csv') });
  WD.clear(filters,
    WD.el('label', {}, WD.t('product.from') + ' ', from), WD.el('label', {}, WD.t('product.to') + ' ', to),
    WD.el('label', {}, WD.t('product.language') + ' ', language), WD.el('label', {}, WD.t('product.version') + ' ', version),
    WD.el('label', {}, WD.t('product.channel') + ' ', channel), WD.el('button', { type: 'submit', text: WD.t('product.show') }), csv);
  filters.addEventListener('submit', e => { e.preventDefault(); load(); });

  function query() {
    const q = new URLSearchParams({ from: from.value, to: to.value });
    if (language.value) q.set('language', language.value);
    if (version.value) q.set('appVersion', version.value);
    if (channel.value) q.set('channel', channel.value);
    return q;
  }

  csv.addEventListener('click', async () => {
    const r = await fetch('/api/v1/product/feedback.csv?' + query(), { headers: Object.assign({ Accept: 'text/csv' }, WD.authHeaders()) });
    const url = URL.createObjectURL(await r.blob());
    const link = WD.el('a', { href: url, download: 'feedback-' + from.value + '-' + to.value + '.csv' });
    document.body.append(link); link.click(); link.remove(); URL.revokeObjectURL(url);
  });

  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    children.forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  }

  // Horizontal bars: one per code, its words on the left, its count on the bar's end.
  function bars(id, title, counts) {
    const max = Math.max(1, ...counts.map(c => c.count));
    const row = 26, left = 190, width = 460;
    const chart = svg('svg', { id, role: 'img', 'aria-label': title, viewBox: '0 0 ' + (left + width + 50) + ' ' + (counts.length * row + 10), width: '100%' });
    counts.forEach((c, i) => {
      const w = Math.round(width * c.count / max);
      chart.append(svg('text', { x: left - 8, y: i * row + 18, 'text-anchor': 'end', 'font-size': 13 }, c.text),
        svg('rect', { x: left, y: i * row + 5, width: Math.max(w, 1), height: row - 8, fill: '#1565c0', 'data-code': c.code }),
        svg('text', { x: left + w + 6, y: i * row + 18, 'font-size': 13 }, String(c.count)));
    });
    return WD.el('figure', { class: 'card' }, WD.el('figcaption', {}, WD.el('h2', { text: title })), chart);
  }

  // The weekly trend: one line per kind across the period's weeks.
  function trend(report) {
    const weeks = [...new Set(report.trend.filter(t => t.field === 'kind').map(t => t.week))].sort();
    const kinds = report.byKind.map(k => k.code);
    const colours = ['#c62828', '#1565c0', '#ef6c00', '#2e7d32', '#6a1b9a'];
    const w = 620, h = 200, pad = 30;
    const value = (week, kind) => (report.trend.find(t => t.field === 'kind' && t.week === week && t.code === kind) || { count: 0 }).count;
    const max = Math.max(1, ...weeks.flatMap(week => kinds.map(k => value(week, k))));
    const x = i => pad + (weeks.length < 2 ? (w - 2 * pad) / 2 : i * (w - 2 * pad) / (weeks.length - 1));
    const y = v => h - pad - v * (h - 2 * pad) / max;
    const chart = svg('svg', { id: 'chart-trend', role: 'img', 'aria-label': WD.t('product.trend'), viewBox: '0 0 ' + w + ' ' + (h + 20), width: '100%' },
      svg('line', { x1: pad, y1: h - pad, x2: w - pad, y2: h - pad, stroke: '#999' }));
    weeks.forEach((week, i) => chart.append(svg('text', { x: x(i), y: h - 8, 'text-anchor': 'middle', 'font-size': 11 }, WD.day(week))));
    kinds.forEach((k, n) => {
      const points = weeks.map((week, i) => x(i) + ',' + y(value(week, k))).join(' ');
      chart.append(svg('polyline', { points, fill: 'none', stroke: colours[n], 'stroke-width': 2, 'data-kind': k }));
      weeks.forEach((week, i) => chart.append(svg('circle', { cx: x(i), cy: y(value(week, k)), r: 3, fill: colours[n] })));
    });
    const legend = WD.el('p', { class: 'legend' }, report.byKind.map((k, n) => WD.el('span', { style: 'color:' + colours[n] + ';margin-right:1em', text: '● ' + k.text })));
    return WD.el('figure', { class: 'card' }, WD.el('figcaption', {}, WD.el('h2', { text: WD.t('product.trend') })), chart, legend);
  }

  function groupCard(g) {
    const note = WD.el('span', { 'aria-live': 'polite' });
    const announcement = WD.el('input', { class: 'announcement', placeholder: WD.t('product.announcement'), maxlength: 2000 });
    const set = async status => {
      try {
        const r = await WD.call('POST', '/api/v1/product/feedback/groups/' + g.id + '/status', { status, announcement: announcement.value || null });
        note.textContent = status === 'shipped' ? WD.t('product.told', r.customersTold) : '';
        load();
      } catch (err) { WD.showError(note, err); }
    };
    const arrow = { rising: '▲', falling: '▼', steady: '■' }[g.trend];
    return WD.el('li', { class: 'group', 'data-id': g.id },
      WD.el('h3', {}, WD.el('span', { text: g.label }), ' ', WD.el('span', { class: 'badge', text: WD.t('product.size', g.size, g.customers) }),
        ' ', WD.el('span', { class: 'badge ' + g.trend, title: WD.t('product.trend.' + g.trend), text: arrow + ' ' + WD.t('product.trend.' + g.trend) }),
        ' ', WD.el('span', { class: 'badge status', text: WD.t('product.status.' + g.status) })),
      WD.el('p', { class: 'hint', text: WD.t('product.languages') + ' ' + g.languages.map(l => WD.t('language.' + l)).join(', ') }),
      WD.el('ul', { class: 'quotes' }, g.samples.map(s => WD.el('li', {}, WD.el('q', { lang: s.language, text: s.text }),
        WD.el('span', { class: 'hint', text: ' · ' + WD.t('language.' + s.language) + ' · ' + WD.time(s.createdAt) }),
        s.translation ? WD.el('div', { class: 'translation' }, WD.el('span', { class: 'badge', text: WD.t('translation.machine', s.translatedBy) }), ' ', WD.el('span', { text: s.translation })) : ''))),
      g.announcement ? WD.el('p', { text: WD.t('product.announcement') + ': ' + g.announcement }) : '',
      WD.el('div', { class: 'row' }, announcement,
        WD.el('button', { type: 'button', class: 'secondary mark-planned', text: WD.t('product.plan'), onclick: () => set('planned') }),
        WD.el('button', { type: 'button', class: 'secondary mark-shipped', text: WD.t('product.ship'), onclick: () => set('shipped') }), note));
  }

  async function load() {
    try {
      const r = await WD.call('GET', '/api/v1/product/feedback/report?' + query());
      WD.clear(summary, WD.el('p', { id: 'feedback-total', text: WD.t('product.total', r.total, WD.day(r.from), WD.day(r.to)) }));
      WD.clear(charts, bars('chart-area', WD.t('product.byarea'), r.byArea), bars('chart-kind', WD.t('product.bykind'), r.byKind),
        bars('chart-sentiment', WD.t('product.bysentiment'), r.bySentiment), trend(r));
      WD.clear(groups, WD.el('h2', { text: WD.t('product.groups') }),
        r.groups.length ? WD.el('ol', { class: 'groups' }, r.groups.map(groupCard)) : WD.el('p', { text: WD.t('product.nogroups') }));
    } catch (err) { WD.showError(summary, err); }
  }

  load();
});
