// The supervisor dashboard: KPIs and bar charts drawn as SVG, refreshed every 30 seconds.
'use strict';
WD.signin(main => {
  const NS = 'http://www.w3.org/2000/svg';
  function bars(rows, label, value, title) {
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
      svg.append(text, rect, v);
    });
    return svg;
  }
  const kpi = (label, value, id) => WD.el('div', { class: 'card kpi', id }, WD.el('span', { class: 'meta', text: label }), WD.el('strong', { text: value }));
  const mins = v => v === null || v === undefined ? '—' : WD.minutes(v);
  async function load() {
    try {
      const d = await WD.call('GET', '/api/v1/staff/dashboard');
      const alerts = await WD.call('GET', '/api/v1/inbox?limit=10');
      const mailboxes = await WD.call('GET', '/api/v1/staff/mailboxes');
      const calls = await WD.call('GET', '/api/v1/staff/calls/statistics?hours=24');
      const risk = await WD.call('GET', '/api/v1/staff/risk/alerts?status=open&limit=20');
      const pct = v => v === null || v === undefined ? '—' : Math.round(v * 100) + ' %';
      const secs = v => v === null || v === undefined ? '—' : WD.t('supervisor.calls.seconds', Math.round(v));
      const openTotal = d.openPerQueue.reduce((s, r) => s + Number(r.open), 0);
      WD.clear(main, WD.el('h1', { text: WD.t('supervisor.title') }),
        WD.el('div', { class: 'kpis' },
          kpi(WD.t('supervisor.open'), String(openTotal), 'kpi-open'),
          kpi(WD.t('supervisor.breaches'), String(d.breaches.openBreached), 'kpi-breaches'),
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
        WD.el('section', { class: 'card', id: 'open-per-queue' }, WD.el('h2', { text: WD.t('supervisor.perqueue') }),
          bars(d.openPerQueue, r => WD.queue(r.queue), r => Number(r.open), WD.t('supervisor.perqueue'))),
        WD.el('section', { class: 'card', id: 'human-fallbacks' }, WD.el('h2', { text: WD.t('supervisor.fallbacks') }),
          WD.el('p', { class: 'meta', text: WD.t('supervisor.fallbacks.about') }),
          bars(Object.entries(d.humanFallbacks).map(([reason, n]) => ({ reason, n: Number(n) })), r => WD.t('supervisor.fallback.' + r.reason), r => r.n, WD.t('supervisor.fallbacks'))),
        WD.el('section', { class: 'card', id: 'csat' }, WD.el('h2', { text: WD.t('supervisor.csat') }),
          bars(d.satisfaction.distribution.map((n, i) => ({ n: Number(n), s: i + 1 })), r => r.s + ' ★', r => r.n, WD.t('supervisor.csat'))),
        WD.el('section', { class: 'card', id: 'recent-tickets' }, WD.el('h2', { text: WD.t('supervisor.recent') }),
          WD.el('table', {}, WD.el('tbody', {}, d.recentTickets.map(t => WD.el('tr', {},
            WD.el('td', { text: '#' + t.number }), WD.el('td', { text: t.subject }), WD.el('td', { text: WD.queue(t.queue) }),
            WD.el('td', {}, WD.el('span', { class: 'badge', text: WD.status(t.status) })),
            WD.el('td', {}, t.breached ? WD.el('span', { class: 'badge breached', text: WD.t('agent.sla.breached') }) : ''),
            WD.el('td', { text: WD.time(t.createdAt) })))))),
        WD.el('section', { class: 'card', id: 'agent-load' }, WD.el('h2', { text: WD.t('supervisor.load') }),
          bars(d.agentLoad, r => r.name + (r.available ? '' : ' (' + WD.t('agent.away') + ')'),
            r => Number(r.open), WD.t('supervisor.load'))));
    } catch (e) { WD.showError(main, e); }
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
  setInterval(load, 30000);
});
