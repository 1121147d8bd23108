// The supervisor dashboard: KPIs, trends and bar charts drawn as SVG for a date range, each figure drilling down to the
// tickets behind it, and a live view of chats waiting, agents and calls ringing (refreshed every 10 seconds).
'use strict';
WD.signin(main => {
  const NS = 'http://www.w3.org/2000/svg';
  function bars(rows, label, value, title, drill) {
    const width = 520, rowH = 24, max = Math.max(1, ...rows.map(value));
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${Math.max(1, rows.length) * rowH + 4}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', title);
    rows.forEach((r, i) => {
      const y = i * rowH + 2;
      const text = document.createElementNS(NS, 'text');
      text.setAttribute('x', 0); text.setAttribute('y', y + 16); text.textContent = label(r);
      const rect = document.createElementNS(NS, 'rect');
      rect.setAttribute('x', 200); rect.setAttribute('y', y + 3); rect.setAttribute('height', 16);
      rect.setAttribute('width', Math.max(2, (width - 260) * value(r) / max)); rect.setAttribute('fill', '#1565c0');
      const v = document.createElementNS(NS, 'text');
      v.setAttribute('x', 205 + (width - 260) * value(r) / max); v.setAttribute('y', y + 16); v.textContent = value(r);
      const g = document.createElementNS(NS, 'g');
      // the whole row answers a click, not only the ink of its label and bar
      const band = document.createElementNS(NS, 'rect');
      band.setAttribute('x', 0); band.setAttribute('y', y); band.setAttribute('width', width); band.setAttribute('height', rowH);
      band.setAttribute('fill', 'transparent');
      g.append(band, text, rect, v);
      if (drill) {
        g.setAttribute('class', 'drill');
        g.setAttribute('tabindex', '0');
        g.setAttribute('role', 'button');
        g.addEventListener('click', () => drill(r));
        g.addEventListener('keydown', e => { if (e.key === 'Enter') drill(r); });
      }
      svg.append(g);
    });
    return svg;
  }
  // Per day of the range: tickets opened (bar), of them breached (red), solved (the line); a day drills down.
  function trend(days) {
    const width = 720, height = 180, pad = 24, max = Math.max(1, ...days.map(d => Number(d.created)));
    const step = (width - pad) / Math.max(1, days.length);
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height + 20}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', WD.t('supervisor.trend'));
    const y = n => height - (height - pad) * n / max;
    let line = '';
    days.forEach((d, i) => {
      const x = pad + i * step;
      const g = document.createElementNS(NS, 'g');
      g.setAttribute('class', 'drill day');
      g.setAttribute('data-day', d.day);
      const title = document.createElementNS(NS, 'title');
      title.textContent = WD.t('supervisor.trend.day', d.day, d.created, d.solved, d.breached);
      const bar = document.createElementNS(NS, 'rect');
      bar.setAttribute('x', x); bar.setAttribute('y', y(Number(d.created))); bar.setAttribute('width', Math.max(1, step - 2));
      bar.setAttribute('height', height - y(Number(d.created))); bar.setAttribute('fill', '#90caf9');
      const red = document.createElementNS(NS, 'rect');
      red.setAttribute('x', x); red.setAttribute('y', y(Number(d.breached))); red.setAttribute('width', Math.max(1, step - 2));
      red.setAttribute('height', height - y(Number(d.breached))); red.setAttribute('fill', '#e53935');
      g.append(title, bar, red);
      g.addEventListener('click', () => drill(WD.t('supervisor.drill.day', d.day), { from: d.day, to: d.day }));
      svg.append(g);
      line += (i ? ' L' : 'M') + (x + step / 2) + ' ' + y(Number(d.solved));
    });
    const path = document.createElementNS(NS, 'path');
    path.setAttribute('d', line); path.setAttribute('fill', 'none'); path.setAttribute('stroke', '#2e7d32'); path.setAttribute('stroke-width', 2);
    const axis = document.createElementNS(NS, 'text');
    axis.setAttribute('x', 0); axis.setAttribute('y', height + 16);
    axis.textContent = days.length ? days[0].day + ' … ' + days[days.length - 1].day + ' · max ' + max : '';
    svg.append(path, axis);
    return svg;
  }
  const kpi = (label, value, id, onclick) => WD.el(onclick ? 'button' : 'div', { type: onclick ? 'button' : undefined, class: 'card kpi' + (onclick ? ' drill' : ''), id, onclick },
    WD.el('span', { class: 'meta', text: label }), WD.el('strong', { text: value }));
  // The date range the figures cover (Beijing dates, inclusive): the last 30 days unless chosen.
  const today = WD.deskDate(Date.now());
  const range = { from: WD.deskDate(Date.now() - 29 * 86400000), to: today };
  const fromInput = WD.el('input', { type: 'date', id: 'range-from', value: range.from, max: today, 'aria-label': WD.t('supervisor.range.from') });
  const toInput = WD.el('input', { type: 'date', id: 'range-to', value: range.to, max: today, 'aria-label': WD.t('supervisor.range.to') });
  const rangeForm = WD.el('form', { class: 'row', id: 'range' }, WD.el('label', {}, WD.t('supervisor.range.from') + ' ', fromInput),
    WD.el('label', {}, WD.t('supervisor.range.to') + ' ', toInput), WD.el('button', { type: 'submit', text: WD.t('supervisor.range.apply') }));
  rangeForm.addEventListener('submit', e => { e.preventDefault(); range.from = fromInput.value; range.to = toInput.value; load(); });
  const live = WD.el('section', { class: 'card', id: 'live', 'aria-live': 'polite' });
  const drilldown = WD.el('section', { class: 'card', id: 'drilldown', hidden: true });
  const figures = WD.el('div', { id: 'figures' });
  WD.clear(main, WD.el('h1', { text: WD.t('supervisor.title') }), live, rangeForm, drilldown, figures);

  // The tickets behind a figure, in the console's words; each opens in the agent console.
  async function drill(title, filter) {
    try {
      const page = await WD.call('GET', '/api/v1/staff/tickets?' + new URLSearchParams(Object.assign({ limit: 50 }, filter)));
      drilldown.hidden = false;
      WD.clear(drilldown, WD.el('h2', { text: title }),
        page.items.length === 0 ? WD.el('p', { class: 'none', text: WD.t('supervisor.drill.none') }) :
        WD.el('table', { id: 'drill-tickets' }, WD.el('tbody', {}, page.items.map(t => WD.el('tr', {},
          WD.el('td', {}, WD.el('a', { href: '/agent?lang=' + encodeURIComponent(WD.lang) + '#ticket=' + t.id, target: '_blank', text: '#' + t.number })),
          WD.el('td', { text: t.subject }), WD.el('td', { text: WD.queue(t.queue) }),
          WD.el('td', {}, WD.el('span', { class: 'badge', text: WD.status(t.status) })), WD.el('td', { text: WD.time(t.createdAt) }))))),
        WD.el('button', { type: 'button', class: 'link', text: WD.t('supervisor.drill.close'), onclick: () => { drilldown.hidden = true; } }));
      drilldown.scrollIntoView({ block: 'nearest' });
    } catch (e) { WD.showError(drilldown, e); }
  }
  const inRange = () => ({ from: range.from, to: range.to });

  // What is happening now: chats waiting and for how long, agents online or away with their load, calls ringing.
  async function loadLive() {
    try {
      const [board, d, calls] = await Promise.all([WD.call('GET', '/api/v1/staff/chats'),
        WD.call('GET', '/api/v1/staff/dashboard?' + new URLSearchParams(inRange())), WD.call('GET', '/api/v1/staff/calls?limit=50')]);
      const since = at => WD.minutes(Math.max(0, (Date.now() - new Date(at).getTime()) / 60000));
      const ringing = calls.items.filter(c => c.state === 'ringing');
      WD.clear(live, WD.el('h2', { text: WD.t('supervisor.live') }),
        WD.el('div', { class: 'kpis' },
          kpi(WD.t('supervisor.live.chats'), String(board.waiting.length), 'live-chats'),
          kpi(WD.t('supervisor.live.calls'), String(ringing.length), 'live-calls'),
          kpi(WD.t('supervisor.live.agents'), String(d.agentLoad.filter(a => a.available).length) + ' / ' + d.agentLoad.length, 'live-agents')),
        WD.el('ul', { id: 'live-waiting' }, board.waiting.map(c => WD.el('li', { text: (c.customer || (c.visitor ? c.visitor.name : '—')) + ' · ' +
          (c.language ? WD.t('language.' + c.language) : '?') + ' · ' + WD.t('supervisor.live.waiting', since(c.queuedAt || c.createdAt)) }))),
        WD.el('ul', { id: 'live-ringing' }, ringing.map(c => WD.el('li', { text: c.from + ' · ' + (c.queue ? WD.queue(c.queue) : '—') + ' · ' +
          WD.t('supervisor.live.waiting', since(c.startedAt)) }))),
        WD.el('ul', { id: 'live-agents-list' }, d.agentLoad.map(a => WD.el('li', {}, a.name + ' · ',
          WD.el('span', { class: 'badge' + (a.available ? '' : ' breached'), text: WD.t(a.available ? 'agent.available' : 'agent.away') }),
          ' · ' + WD.t('supervisor.live.load', a.open, a.capacity)))));
    } catch (e) { WD.showError(live, e); }
  }
  const mins = v => v === null || v === undefined ? '—' : WD.minutes(v);
  async function load() {
    try {
      const d = await WD.call('GET', '/api/v1/staff/dashboard?' + new URLSearchParams(inRange()));
      const alerts = (await WD.call('GET', '/api/v1/inbox?limit=10')).items;
      const mailboxes = await WD.call('GET', '/api/v1/staff/mailboxes');
      const calls = await WD.call('GET', '/api/v1/staff/calls/statistics?hours=24');
      const risk = await WD.call('GET', '/api/v1/staff/risk/alerts?status=open&limit=20');
      const pct = v => v === null || v === undefined ? '—' : Math.round(v * 100) + ' %';
      const secs = v => v === null || v === undefined ? '—' : WD.t('supervisor.calls.seconds', Math.round(v));
      const openTotal = d.openPerQueue.reduce((s, r) => s + Number(r.open), 0);
      WD.clear(figures,
        WD.el('div', { class: 'kpis' },
          kpi(WD.t('supervisor.open'), String(openTotal), 'kpi-open', () => drill(WD.t('supervisor.open'), { status: 'active' })),
          kpi(WD.t('supervisor.breaches'), String(d.breaches.openBreached), 'kpi-breaches',
            () => drill(WD.t('supervisor.breaches'), Object.assign({ sla: 'breached', status: 'new,open' }, inRange()))),
          kpi(WD.t('supervisor.frt') + ' · ' + WD.t('supervisor.median') + ' / p90', mins(d.firstResponseMinutes.median) + ' / ' + mins(d.firstResponseMinutes.p90), 'kpi-frt'),
          kpi(WD.t('supervisor.resolution') + ' · ' + WD.t('supervisor.median') + ' / p90', mins(d.resolutionMinutes.median) + ' / ' + mins(d.resolutionMinutes.p90), 'kpi-resolution'),
          kpi(WD.t('supervisor.csat'), d.satisfaction.count ? d.satisfaction.average + ' / 5 (' + d.satisfaction.count + ')' : '—', 'kpi-csat')),
        // a support mailbox that stopped being read is shown, never silent
        WD.el('section', { class: 'card', id: 'mailboxes' }, WD.el('h2', { text: WD.t('supervisor.mailboxes') }),
          mailboxes.length === 0 ? WD.el('p', { text: WD.t('supervisor.mailboxes.none') }) :
          WD.el('ul', {}, mailboxes.map(m => WD.el('li', {}, WD.el('strong', { text: m.name }), ' ',
            WD.el('span', { class: 'badge' + (m.reading ? '' : ' breached'), text: WD.t(m.reading ? 'supervisor.mailbox.reading' : 'supervisor.mailbox.stopped') }),
            m.lastReadAt ? ' · ' + WD.t('supervisor.mailbox.last', WD.time(m.lastReadAt)) : '',
            m.problem ? ' · ' + m.problem : '')))),
        WD.el('section', { class: 'card', id: 'calls' }, WD.el('h2', { text: WD.t('supervisor.calls') }),
          calls.length === 0 ? WD.el('p', { text: WD.t('supervisor.calls.none') }) :
          WD.el('table', {}, WD.el('thead', {}, WD.el('tr', {}, ['queue', 'hour', 'offered', 'answered', 'missed', 'wait', 'handle', 'level']
            .map(h => WD.el('th', { text: WD.t('supervisor.calls.' + h) })))),
            WD.el('tbody', {}, calls.map(h => WD.el('tr', {}, WD.el('td', { text: h.queue || '—' }), WD.el('td', { text: WD.time(h.hour) }),
              WD.el('td', { text: String(h.offered) }), WD.el('td', { text: String(h.answered) }), WD.el('td', { text: String(h.missed) }),
              WD.el('td', { text: secs(h.averageWaitSeconds) }), WD.el('td', { text: secs(h.averageHandleSeconds) }),
              WD.el('td', { text: pct(h.serviceLevel) })))))),
        // freezes and holds to review: release a false alarm, or confirm fraud (both audited, with a note)
        WD.el('section', { class: 'card', id: 'risk-alerts' }, WD.el('h2', { text: WD.t('supervisor.risk') }),
          risk.items.length === 0 ? WD.el('p', { text: WD.t('supervisor.risk.none') }) :
          WD.el('ul', {}, risk.items.map(riskAlert))),
        WD.el('section', { class: 'card', id: 'alerts' }, WD.el('h2', { text: WD.t('supervisor.alerts') }),
          alerts.length === 0 ? WD.el('p', { id: 'alerts-none', text: WD.t('supervisor.alerts.none') }) : WD.el('ul', {}, alerts.map(a => WD.el('li', {}, WD.el('strong', { text: a.subject }), ' · ' + a.text + ' · ' + WD.time(a.at))))),
        WD.el('section', { class: 'card', id: 'trend' }, WD.el('h2', { text: WD.t('supervisor.trend') }),
          WD.el('p', { class: 'meta', text: WD.t('supervisor.trend.about') }), trend(d.trend)),
        WD.el('section', { class: 'card', id: 'open-per-queue' }, WD.el('h2', { text: WD.t('supervisor.perqueue') }),
          bars(d.openPerQueue, r => WD.queue(r.queue), r => Number(r.open), WD.t('supervisor.perqueue'),
            r => drill(WD.queue(r.queue), { queue: r.queue, status: 'active' }))),
        WD.el('section', { class: 'card', id: 'human-fallbacks' }, WD.el('h2', { text: WD.t('supervisor.fallbacks') }),
          WD.el('p', { class: 'meta', text: WD.t('supervisor.fallbacks.about') }),
          bars(Object.entries(d.humanFallbacks).map(([reason, n]) => ({ reason, n: Number(n) })), r => WD.t('supervisor.fallback.' + r.reason), r => r.n, WD.t('supervisor.fallbacks'))),
        WD.el('section', { class: 'card', id: 'csat' }, WD.el('h2', { text: WD.t('supervisor.csat') }),
          bars(d.satisfaction.distribution.map((n, i) => ({ n: Number(n), s: i + 1 })), r => r.s + ' ★', r => r.n, WD.t('supervisor.csat'),
            r => drill(WD.t('supervisor.csat') + ' · ' + r.s + ' ★', Object.assign({ csat: r.s, status: 'new,open,pending,on_hold,solved,closed' }, inRange())))),
        WD.el('section', { class: 'card', id: 'recent-tickets' }, WD.el('h2', { text: WD.t('supervisor.recent') }),
          WD.el('table', {}, WD.el('tbody', {}, d.recentTickets.map(t => WD.el('tr', {},
            WD.el('td', { text: '#' + t.number }), WD.el('td', { text: t.subject }), WD.el('td', { text: WD.queue(t.queue) }),
            WD.el('td', {}, WD.el('span', { class: 'badge', text: WD.status(t.status) })),
            WD.el('td', {}, t.breached ? WD.el('span', { class: 'badge breached', text: WD.t('agent.sla.breached') }) : ''),
            WD.el('td', { text: WD.time(t.createdAt) })))))),
        WD.el('section', { class: 'card', id: 'agent-load' }, WD.el('h2', { text: WD.t('supervisor.load') }),
          bars(d.agentLoad, r => r.name + (r.available ? '' : ' (' + WD.t('agent.away') + ')'),
            r => Number(r.open), WD.t('supervisor.load'), r => drill(r.name, { assignee: r.agentId, status: 'active' }))));
    } catch (e) { WD.showError(figures, e); }
  }
  function riskAlert(a) {
    const note = WD.el('input', { type: 'text', maxlength: '1000', 'aria-label': WD.t('supervisor.risk.note'), placeholder: WD.t('supervisor.risk.note') });
    const outcome = WD.el('span', { 'aria-live': 'polite' });
    const review = verdict => async () => {
      try { await WD.call('POST', '/api/v1/staff/risk/alerts/' + a.id + '/' + verdict, { note: note.value }); load(); }
      catch (e) { WD.showError(outcome, e); }
    };
    return WD.el('li', { class: 'risk-alert' }, WD.el('strong', { text: a.actionText }), ' · ' + WD.time(a.createdAt) + ' · ' +
      WD.t('supervisor.risk.score', a.score.toFixed(2)) + ' · ' + (a.explanations.join('; ') || a.topFeatures.join(', ')),
      WD.el('div', { class: 'row' }, note,
        WD.el('button', { type: 'button', class: 'secondary', text: WD.t('supervisor.risk.release'), onclick: review('release') }),
        WD.el('button', { type: 'button', text: WD.t('supervisor.risk.confirm'), onclick: review('confirm') })), outcome);
  }
  load();
  loadLive();
  setInterval(loadLive, 10000);
  setInterval(load, 60000);
});
