// The agent console: queues with counts, the ticket list with SLA timers, the conversation with replies,
// internal notes and macros, and the customer-360 panel with the actions an agent may take. News arrives by push.
'use strict';
WD.signin(main => {
  const queues = WD.el('nav', { class: 'card', id: 'queues', 'aria-label': WD.t('agent.queues') });
  const filters = WD.el('form', { class: 'row', id: 'filters' });
  const list = WD.el('div', { id: 'ticket-list' });
  const detail = WD.el('section', { class: 'card', id: 'ticket', 'aria-live': 'polite' });
  const panel = WD.el('aside', { class: 'card', id: 'customer-360' });
  // The statuses a ticket can have; 'active' (not yet solved) is resolved by the server.
  const STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'];
  // A ticket's status as staff say it ("waiting for the customer", where the customer reads "waiting for you").
  const ticketStatus = s => WD.strings['status.staff.' + s] ? WD.t('status.staff.' + s) : WD.status(s);
  // What pushed events refresh: the first change shows within 250 ms; those that follow are gathered into one refresh
  // at least `spacing` ms (plus up to half as much at random) after the last. On a busy day (200 agents, a hundred
  // changes a second) refreshing on every change floods the server with the same requests from every console, and
  // waiting for a quiet moment never refreshes at all; the random part keeps consoles from refreshing in step.
  // bench/desk's DeskLoadGenerator.Console does the same.
  function refreshAtMostEvery(spacing, run) {
    let timer = null, last = 0;
    return () => {
      if (timer) return;
      const wait = Math.max(250, last + spacing * (1 + Math.random() / 2) - Date.now());
      timer = setTimeout(() => { timer = null; last = Date.now(); run(); }, wait);
    };
  }
  const state = { queue: null, status: 'active', q: '', customer: null, open: null, macros: [], mine: false, sla: null };
  const find = WD.el('form', { class: 'row', id: 'find', role: 'search' });
  WD.clear(main, WD.el('div', { class: 'grid' }, queues,
    WD.el('div', {}, WD.el('div', { class: 'card' }, WD.el('h1', { text: WD.t('agent.title') }),
      WD.el('p', {}, WD.el('a', { href: '/agent/articles?lang=' + encodeURIComponent(WD.lang), id: 'kb-editor-link', text: WD.t('editor.link') }),
        ' · ', WD.el('a', { href: '/agent/disputes?lang=' + encodeURIComponent(WD.lang), id: 'disputes-link', text: WD.t('disputes.link') })),
      alertSettings(), find, filters, list), detail), panel));

  // A new waiting chat or a customer writing where the agent is not looking: an optional sound and an optional desktop
  // notification, each switched on or off here and remembered in this browser.
  function alertSettings() {
    const toggle = (id, key, onChange) => {
      const box = WD.el('input', { type: 'checkbox', id, checked: localStorage.getItem('wd_alert_' + id) === '1' });
      box.addEventListener('change', async () => {
        localStorage.setItem('wd_alert_' + id, box.checked ? '1' : '0');
        if (onChange) await onChange(box);
      });
      return WD.el('label', {}, box, ' ' + WD.t(key));
    };
    return WD.el('p', { class: 'row meta', id: 'alert-settings' }, toggle('alert-sound', 'agent.alert.sound'),
      toggle('alert-desktop', 'agent.alert.desktop', async box => {
        if (box.checked && 'Notification' in window && Notification.permission !== 'granted') {
          const answer = await Notification.requestPermission();
          if (answer !== 'granted') { box.checked = false; localStorage.setItem('wd_alert_alert-desktop', '0'); }
        }
      }));
  }
  let audio = null;
  function alertAgent(title, body) {
    if (localStorage.getItem('wd_alert_alert-sound') === '1') {
      try {
        audio = audio || new AudioContext();
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 880;
        gain.gain.setValueAtTime(0.15, audio.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
        tone.connect(gain).connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 0.4);
        document.body.dataset.alerted = String(Number(document.body.dataset.alerted || 0) + 1);
      } catch (e) { /* no sound device: the badge and the title still say it */ }
    }
    if (localStorage.getItem('wd_alert_alert-desktop') === '1' && 'Notification' in window && Notification.permission === 'granted') {
      new Notification(title, { body, tag: 'walletdesk', icon: '/favicon.svg' });
    }
  }

  // One box to find a customer (phone in any format, e-mail, name) or a ticket (its number or words).
  const findQ = WD.el('input', { id: 'find-q', type: 'search', placeholder: WD.t('agent.find'), 'aria-label': WD.t('agent.find') });
  const found = WD.el('div', { id: 'find-results', 'aria-live': 'polite' });
  WD.clear(find, findQ, WD.el('button', { type: 'submit', text: WD.t('agent.find.button') }), found);
  find.addEventListener('submit', async e => {
    e.preventDefault();
    const text = findQ.value.trim();
    if (!text) { found.replaceChildren(); return; }
    try {
      const [people, tickets] = await Promise.all([
        text.length >= 2 ? WD.call('GET', '/api/v1/staff/customers?q=' + encodeURIComponent(text)) : [],
        WD.call('GET', '/api/v1/staff/tickets?' + new URLSearchParams({ q: text, limit: 10 }))]);
      if (!people.length && !tickets.items.length) { WD.clear(found, WD.el('p', { class: 'none', text: WD.t('agent.find.none', text) })); return; }
      WD.clear(found,
        people.length ? WD.el('ul', { class: 'found-customers' }, people.map(c => WD.el('li', {}, WD.el('button', { type: 'button', class: 'link',
          text: [c.verifiedName, c.phone, c.email].filter(Boolean).join(' · '),
          onclick: () => { state.customer = c.phone || c.email; state.queue = null; state.status = STATUSES.join(','); loadList(); } })))) : '',
        tickets.items.length ? WD.el('ul', { class: 'found-tickets' }, tickets.items.map(t => WD.el('li', {}, WD.el('button', { type: 'button', class: 'link',
          text: '#' + t.number + ' ' + t.subject, onclick: () => show(t.id) })))) : '');
    } catch (err) { WD.showError(found, err); }
  });

  const status = WD.el('select', { id: 'filter-status', 'aria-label': WD.t('agent.filter.status') },
    WD.el('option', { value: 'active', text: WD.t('agent.filter.active') }),
    STATUSES.map(s => WD.el('option', { value: s, text: ticketStatus(s) })));
  const q = WD.el('input', { id: 'filter-q', type: 'search', placeholder: WD.t('agent.search'), 'aria-label': WD.t('agent.search') });
  // Saved views: the lists an agent comes back to all day, one click each.
  const VIEWS = { active: {}, mine: { mine: true, status: 'new,open,pending,on_hold' }, waiting: { sla: 'waiting_long' }, breaching: { sla: 'due_soon' } };
  const views = WD.el('div', { class: 'row', id: 'views', role: 'group', 'aria-label': WD.t('agent.views') }, Object.keys(VIEWS).map(v =>
    WD.el('button', { type: 'button', class: 'secondary view', 'data-view': v, text: WD.t('agent.view.' + v), onclick: () => {
      Object.assign(state, { queue: null, customer: null, q: '', mine: false, sla: null, status: 'active' }, VIEWS[v]);
      views.querySelectorAll('button').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.view === v)));
      loadList();
    } })));
  WD.clear(filters, views, status, q, WD.el('button', { type: 'submit', text: WD.t('agent.search') }));
  filters.addEventListener('submit', e => { e.preventDefault(); state.status = status.value; state.q = q.value; loadList(); });

  async function loadQueues() {
    try {
      const rows = await WD.call('GET', '/api/v1/staff/queues');
      const presence = WD.el('div', { class: 'row' },
        WD.el('button', { type: 'button', class: 'secondary', text: WD.t('agent.available'), onclick: () => setPresence(true) }),
        WD.el('button', { type: 'button', class: 'secondary', text: WD.t('agent.away'), onclick: () => setPresence(false) }));
      const items = [WD.el('li', {}, WD.el('button', { type: 'button', class: 'link', text: WD.t('agent.allqueues'),
        onclick: () => { state.queue = null; loadList(); } }))].concat(rows.filter(r => r.open > 0 || r.new > 0).map(r =>
        WD.el('li', {}, WD.el('button', { type: 'button', class: 'link', 'data-queue': r.id, onclick: () => { state.queue = r.id; loadList(); } },
          WD.t('topic.' + r.topic) + ' · ' + WD.t('language.' + r.language) + ' ',
          WD.el('span', { class: 'badge', text: String(r.open) }),
          r.breached > 0 ? WD.el('span', { class: 'badge breached', text: '⚠ ' + r.breached }) : ''))));
      WD.clear(queues, WD.el('h2', { text: WD.t('agent.queues') }), presence, WD.el('ul', {}, items));
    } catch (e) { WD.showError(queues, e); }
  }

  async function setPresence(available) {
    await WD.call('PUT', '/api/v1/staff/me/presence', { available, capacity: 10 });
  }

  function slaBadge(t) {
    const s = t.sla;
    if (s.firstResponseBreached || s.resolutionBreached) return WD.el('span', { class: 'badge breached', text: WD.t('agent.sla.breached') });
    if (s.paused) return WD.el('span', { class: 'badge', text: WD.t('agent.sla.paused') });
    const left = s.firstResponseMinutesLeft ?? s.resolutionMinutesLeft;
    if (left === null || left === undefined) return WD.el('span', { class: 'badge ok', text: '✓' });
    return WD.el('span', { class: 'badge' + (left < 60 ? ' high' : ''), text: WD.minutes(left) });
  }

  async function loadList() {
    const params = new URLSearchParams({ status: state.status, limit: 50 });
    if (state.queue) params.set('queue', state.queue);
    if (state.q) params.set('q', state.q);
    if (state.customer) params.set('customer', state.customer);
    if (state.mine) params.set('mine', 'true');
    if (state.sla) params.set('sla', state.sla);
    try {
      const page = await WD.call('GET', '/api/v1/staff/tickets?' + params);
      const rows = page.items.map(t => WD.el('tr', { class: 'selectable' + (t.id === state.open ? ' selected' : ''), tabindex: 0,
        'data-id': t.id, onclick: () => show(t.id), onkeydown: e => { if (e.key === 'Enter') show(t.id); } },
        WD.el('td', {}, WD.el('input', { type: 'checkbox', class: 'pick', value: t.id, 'aria-label': '#' + t.number,
          onclick: e => e.stopPropagation() })),
        WD.el('td', { text: '#' + t.number }), WD.el('td', { text: t.subject }),
        WD.el('td', {}, WD.el('span', { class: 'badge', text: ticketStatus(t.status) })),
        WD.el('td', {}, WD.el('span', { class: 'badge ' + t.priority, text: WD.t('priority.' + t.priority) })),
        WD.el('td', { text: WD.t('language.' + t.language) }), WD.el('td', {}, slaBadge(t))));
      WD.clear(list, WD.el('table', {}, WD.el('thead', {}, WD.el('tr', {},
        ['', '#', WD.t('help.subject'), WD.t('agent.status'), WD.t('agent.priority'), WD.t('language'), 'SLA'].map(h => WD.el('th', { text: h })))),
        WD.el('tbody', {}, rows)), bulkBar());
    } catch (e) { WD.showError(list, e); }
  }

  // Bulk: one status for every ticket ticked in the list.
  function bulkBar() {
    const status = WD.el('select', { id: 'bulk-status', 'aria-label': WD.t('agent.bulk') },
      STATUSES.filter(s => s !== 'new').map(s => WD.el('option', { value: s, text: ticketStatus(s) })));
    const note = WD.el('span', { 'aria-live': 'polite' });
    return WD.el('div', { class: 'row' }, WD.el('span', { text: WD.t('agent.bulk') }), status,
      WD.el('button', { type: 'button', class: 'secondary', id: 'bulk-apply', text: WD.t('agent.save'), onclick: async () => {
        const ids = [...list.querySelectorAll('input.pick:checked')].map(i => i.value);
        if (!ids.length) return;
        try { await WD.call('POST', '/api/v1/staff/tickets/bulk', { ids, change: { status: status.value } }); loadList(); }
        catch (err) { WD.showError(note, err); }
      } }), note);
  }

  async function show(id) {
    state.open = id;
    state.chat = null;
    try {
      const d = await WD.call('GET', '/api/v1/staff/tickets/' + id);
      const t = d.ticket;
      if (!state.macros.length || state.macrosLang !== t.language) {
        state.macros = await WD.call('GET', '/api/v1/staff/macros?language=' + encodeURIComponent(t.language));
        state.macrosLang = t.language;
      }
      // the customer's words under the customer's name, not "You"
      const who = await WD.call('GET', '/api/v1/staff/tickets/' + id + '/customer').then(c => c.profile).catch(() => null);
      const stated = t.statedContact;
      const customerName = who ? (who.verifiedName || who.phone || who.email)
        : stated ? stated.name + ' (' + WD.t('agent.visitor.badge') + ')' : WD.t('entry.staff.customer');
      const entries = entryItems(d.entries, customerName, id);
      const reply = WD.el('textarea', { id: 'reply', 'aria-label': WD.t('agent.reply') });
      const internal = WD.el('input', { type: 'checkbox', id: 'internal' });
      const translate = WD.el('input', { type: 'checkbox', id: 'translate' });
      const note = WD.el('div', { 'aria-live': 'polite' });
      const form = WD.el('form', { id: 'reply-form' }, reply,
        WD.el('div', { class: 'row' }, WD.el('label', {}, internal, ' ' + WD.t('agent.internal')),
          WD.el('label', {}, translate, ' ' + WD.t('agent.translate')),
          WD.el('button', { type: 'submit', text: WD.t('agent.send') })), note);
      const sent = WD.composer(reply, form, 'ticket:' + id);
      form.addEventListener('submit', async e => {
        e.preventDefault();
        try { await WD.call('POST', '/api/v1/tickets/' + id + '/entries', { body: reply.value, internal: internal.checked, translate: translate.checked }); sent(); show(id); loadList(); }
        catch (err) { WD.showError(note, err); }
      });
      const macro = WD.el('select', { id: 'macro', 'aria-label': WD.t('agent.macro') },
        WD.el('option', { value: '', text: WD.t('agent.macro') }), state.macros.map(m => WD.el('option', { value: m.id, text: m.title })));
      // Choosing a macro puts its text in the reply box to edit, and says what sending it will change.
      const macroEffect = WD.el('span', { class: 'meta', id: 'macro-effect' });
      macro.addEventListener('change', async () => {
        macroEffect.textContent = '';
        if (!macro.value) return;
        try {
          const p = await WD.call('GET', '/api/v1/staff/tickets/' + id + '/macros/' + macro.value + '/preview');
          reply.value = p.text;
          reply.dispatchEvent(new Event('input'));
          if (p.setsStatus) macroEffect.textContent = WD.t('agent.macro.sets', ticketStatus(p.setsStatus));
          reply.focus();
        } catch (err) { WD.showError(note, err); }
      });
      const apply = WD.el('button', { type: 'button', id: 'apply-macro', text: WD.t('agent.apply'), onclick: async () => {
        if (!macro.value) return;
        try { await WD.call('POST', '/api/v1/staff/tickets/' + id + '/macros/' + macro.value, { text: reply.value }); sent(); show(id); loadList(); }
        catch (err) { WD.showError(note, err); }
      } });
      const statusSel = WD.el('select', { id: 'status', 'aria-label': WD.t('agent.status') },
        STATUSES.map(s => WD.el('option', { value: s, text: ticketStatus(s), selected: s === t.status })));
      const prioritySel = WD.el('select', { id: 'priority', 'aria-label': WD.t('agent.priority') },
        ['low', 'normal', 'high', 'urgent'].map(p => WD.el('option', { value: p, text: WD.t('priority.' + p), selected: p === t.priority })));
      const save = WD.el('button', { type: 'button', class: 'secondary', id: 'save', text: WD.t('agent.save'), onclick: async () => {
        try { await WD.call('PATCH', '/api/v1/staff/tickets/' + id, { status: statusSel.value, priority: prioritySel.value }); show(id); loadList(); }
        catch (err) { WD.showError(note, err); }
      } });
      // The product team hears what this customer said (the classifier may have flagged it already).
      const markFeedback = WD.el('button', { type: 'button', class: 'secondary', id: 'mark-feedback', text: WD.t('agent.feedback'), onclick: async () => {
        try { const f = await WD.call('POST', '/api/v1/staff/tickets/' + id + '/feedback'); note.textContent = WD.t('agent.feedback.done', f.kindText, f.areaText); }
        catch (err) { WD.showError(note, err); }
      } });
      WD.call('GET', '/api/v1/staff/tickets/' + id + '/feedback').then(f => {
        if (f.state === 'suggested') markFeedback.textContent = WD.t('agent.feedback.suggested', f.feedback.kindText, f.feedback.areaText);
        if (f.state === 'given') { markFeedback.textContent = WD.t('agent.feedback.given', f.feedback.kindText, f.feedback.areaText); markFeedback.disabled = true; }
      }).catch(() => { /* the button stays as it is */ });
      const sla = t.sla;
      WD.clear(detail, WD.el('h2', { text: '#' + t.number + ' ' + t.subject }),
        WD.el('p', { class: 'row' }, WD.el('span', { class: 'badge', id: 'ticket-status', text: ticketStatus(t.status) }),
          WD.el('span', { class: 'badge ' + t.priority, text: WD.t('priority.' + t.priority) }),
          WD.el('span', { class: 'badge', text: WD.queue(t.queue) }), slaBadge(t),
          WD.el('span', { class: 'meta', text: WD.t('agent.sla.first') + ': ' + WD.time(sla.firstResponseDue) + ' · ' +
            WD.t('agent.sla.resolution') + ': ' + WD.time(sla.resolutionDue) })),
        !who && stated ? WD.el('div', { class: 'notice', id: 'ticket-visitor' },
          WD.el('div', { text: WD.t('agent.visitor.notSignedIn') + ' ' + [stated.name, stated.phone, stated.email].filter(Boolean).join(' · ') }),
          WD.el('div', { class: 'warning', text: WD.t('agent.visitor.unverified') }),
          WD.el('div', { class: 'meta', text: WD.t('agent.visitor.answeredBy', stated.phone || stated.email) })) : '',
        WD.el('ul', { class: 'entries', id: 'entries', 'data-customer': customerName }, entries), await WD.attachments(id, () => show(id)),
        WD.el('div', { class: 'row' }, macro, apply, macroEffect, statusSel, prioritySel, save, markFeedback),
        await assignment(t, note), form);
      loadCustomer(id);
    } catch (e) { WD.showError(detail, e); }
  }

  // Where the ticket sits and who has it: queue, assignee and tags in one change; and merging a duplicate of the same
  // customer into another ticket (its entries move there, this one closes with a pointer).
  async function assignment(t, note) {
    state.queueList = state.queueList || await WD.call('GET', '/api/v1/staff/queues');
    state.agents = state.agents || await WD.call('GET', '/api/v1/staff/agents');
    const queueSel = WD.el('select', { id: 'queue', 'aria-label': WD.t('agent.queue') },
      state.queueList.map(r => WD.el('option', { value: r.id, text: WD.queue(r.id), selected: r.id === t.queue })));
    const assigneeSel = WD.el('select', { id: 'assignee', 'aria-label': WD.t('agent.assignee') },
      WD.el('option', { value: '', text: WD.t('agent.unassigned') }),
      state.agents.map(a => WD.el('option', { value: a.id, text: a.name, selected: a.id === t.assigneeId })));
    const tags = WD.el('input', { id: 'tags', value: t.tags.join(', '), 'aria-label': WD.t('agent.tags'), placeholder: WD.t('agent.tags') });
    const into = WD.el('input', { id: 'merge-into', inputmode: 'numeric', 'aria-label': WD.t('agent.merge.into'), placeholder: WD.t('agent.merge.into') });
    return WD.el('div', { class: 'row', id: 'assignment' },
      WD.el('label', {}, WD.t('agent.queue') + ' ', queueSel), WD.el('label', {}, WD.t('agent.assignee') + ' ', assigneeSel),
      WD.el('label', {}, WD.t('agent.tags') + ' ', tags),
      WD.el('button', { type: 'button', class: 'secondary', id: 'save-assignment', text: WD.t('agent.save'), onclick: async () => {
        try {
          await WD.call('PATCH', '/api/v1/staff/tickets/' + t.id, { queue: queueSel.value, assigneeId: assigneeSel.value || null,
            tags: tags.value.split(',').map(x => x.trim()).filter(Boolean) });
          show(t.id); loadList(); loadQueues();
        } catch (err) { WD.showError(note, err); }
      } }),
      into, WD.el('button', { type: 'button', class: 'secondary', id: 'merge', text: WD.t('agent.merge'), onclick: async () => {
        try {
          const kept = await WD.call('POST', '/api/v1/staff/tickets/' + t.id + '/merge', { into: Number(into.value.replace('#', '')) });
          show(kept.id); loadList();
        } catch (err) { WD.showError(note, err); }
      } }));
  }

  // A ticket an agent opens for the customer on screen (on the phone, say), assigned to them. What is typed into it
  // outlives a re-render of the customer panel (a push, a change to the ticket): kept per customer until sent.
  const newTicketDrafts = {};
  function newTicketFor(customerId) {
    const draft = newTicketDrafts[customerId] || (newTicketDrafts[customerId] = { open: false, subject: '', message: '' });
    const subject = WD.el('input', { id: 'new-ticket-subject', maxlength: 200, 'aria-label': WD.t('help.subject'), placeholder: WD.t('help.subject') });
    const message = WD.el('textarea', { id: 'new-ticket-message', maxlength: 10000, 'aria-label': WD.t('agent.newticket.message'), placeholder: WD.t('agent.newticket.message') });
    subject.value = draft.subject;
    message.value = draft.message;
    subject.addEventListener('input', () => { draft.subject = subject.value; });
    message.addEventListener('input', () => { draft.message = message.value; });
    const note = WD.el('div', { 'aria-live': 'polite' });
    const form = WD.el('form', { id: 'new-ticket-form', hidden: !draft.open }, subject, message,
      WD.el('button', { type: 'submit', text: WD.t('agent.newticket.open') }), note);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        const t = await WD.call('POST', '/api/v1/staff/customers/' + customerId + '/tickets', { subject: subject.value, message: message.value });
        delete newTicketDrafts[customerId];
        show(t.id); loadList();
      } catch (err) { WD.showError(note, err); }
    });
    return WD.el('div', {}, WD.el('button', { type: 'button', class: 'secondary', id: 'new-ticket', text: WD.t('agent.newticket'),
      onclick: () => { draft.open = true; form.hidden = false; subject.focus(); } }), form);
  }

  function entryItems(entries, customerName, id) {
    return entries.map(e => WD.el('li', { class: 'entry ' + e.kind },
      WD.el('div', { class: 'meta', text: (e.kind === 'customer' ? customerName : WD.t('entry.' + e.kind)) + ' · ' + WD.time(e.createdAt) }), WD.entryText(e), WD.translationNote(e, id)));
  }

  // A push about the open ticket: its conversation and status update in place; the reply box, the note switch, the
  // macro, the assignee and everything being typed or chosen stay as they are.
  async function refreshOpen(id) {
    try {
      const d = await WD.call('GET', '/api/v1/staff/tickets/' + id);
      const list = document.getElementById('entries');
      if (state.open !== id || !list) return;
      list.replaceChildren(...entryItems(d.entries, list.dataset.customer, id));
      document.getElementById('ticket-status').textContent = ticketStatus(d.ticket.status);
    } catch (e) { /* the next push or a click shows it */ }
  }

  // Each panel load is numbered: an answer that arrives after a newer request is dropped.
  let panelRequest = 0;
  // why the risk monitor let each recent movement, sign-in or change go, asked for a code, held or froze it
  async function riskDecisions(customerId) {
    return WD.call('GET', '/api/v1/staff/customers/' + customerId + '/risk?limit=8');
  }

  // The customer-360 as one timeline, newest first: sign-ins, money (with its details a click away), tickets from every
  // channel (chats and calls are tickets too; a click opens one) and what the risk monitor decided.
  function timeline(c, risk) {
    const seen = new Set();
    const money = [...c.failedAttempts, ...c.pendingWithdrawals, ...c.recentTransactions].filter(x => !seen.has(x.id) && seen.add(x.id));
    const items = [
      ...c.recentLogins.map(l => ({ at: l.at, kind: 'login', node: WD.el('span', { text: WD.t('login.' + l.outcome) + ' · ' + l.ip }) })),
      ...money.map(x => ({ at: x.createdAt, kind: 'money', node: WD.el('details', { class: 'tx', 'data-id': x.id },
        WD.el('summary', { text: WD.t('type.' + x.type) + ' · ' + WD.money(x.amount, x.currency) + ' · ' + WD.status(x.status) +
          (x.failureReason ? ' — ' + (c.failureReasons[x.failureReason] || WD.t('agent.timeline.empty')) : '') }),
        WD.el('dl', {}, WD.el('dt', { text: WD.t('agent.timeline.reference') }), WD.el('dd', { text: x.reference }),
          x.counterparty ? [WD.el('dt', { text: WD.t('disputes.counterparty') }), WD.el('dd', { text: x.counterparty })] : '',
          x.expectedArrival ? [WD.el('dt', { text: WD.t('agent.timeline.arrival') }), WD.el('dd', { text: x.expectedArrival })] : '')) })),
      ...c.pastTickets.map(t => ({ at: t.createdAt, kind: 'ticket', node: WD.el('button', { type: 'button', class: 'link',
        text: '#' + t.number + ' ' + t.subject + ' · ' + (t.channel === 'monitor' ? WD.t('agent.timeline.monitor') : WD.t('product.channel.' + t.channel)) + ' · ' + WD.status(t.status),
        onclick: () => show(t.id) }) })),
      ...risk.map(d => ({ at: d.decidedAt, kind: 'risk', node: WD.el('span', {}, d.kindText + (d.amount ? ' · ' + WD.money(d.amount, d.currency) : '') + ' · ',
        WD.el('strong', { text: d.decisionText }), d.explanations.length ? ' — ' + d.explanations.join('; ') : '') }))]
      .sort((a, b) => (b.at || '').localeCompare(a.at || ''));
    return WD.el('ol', { id: 'timeline', class: 'timeline' }, items.length ? items.map(i => WD.el('li', { class: 'timeline-' + i.kind },
      WD.el('span', { class: 'badge', text: WD.t('agent.timeline.' + i.kind) }), ' ', WD.el('span', { class: 'meta', text: WD.time(i.at) }), ' ', i.node))
      : WD.el('li', { class: 'meta', text: WD.t('agent.timeline.empty') }));
  }

  async function loadCustomer(ticketId) {
    const shown = ++panelRequest;
    try {
      const c = await WD.call('GET', '/api/v1/staff/tickets/' + ticketId + '/customer');
      const p = c.profile;
      const risk = await riskDecisions(p.id);
      if (shown !== panelRequest) return; // a newer customer was asked for meanwhile
      const actions = WD.el('div', { class: 'row' });
      const note = WD.el('div', { 'aria-live': 'polite' });
      if (p.locked) {
        // The agent records which identity checks the customer passed; the server refuses an unlock without one.
        const checks = ['sms_code', 'email_code', 'account_questions', 'id_document', 'video_call'].map(c =>
          WD.el('label', {}, WD.el('input', { type: 'checkbox', value: c, name: 'check' }), ' ' + WD.t('check.' + c)));
        const fieldset = WD.el('fieldset', { id: 'verification' }, WD.el('legend', { text: WD.t('agent.checks') }), checks);
        actions.append(fieldset, WD.el('button', { type: 'button', id: 'unlock', text: WD.t('agent.unlock'), onclick: async () => {
          const passed = [...fieldset.querySelectorAll('input:checked')].map(i => i.value);
          try { await WD.call('POST', '/api/v1/staff/customers/' + p.id + '/unlock', { checks: passed }); loadCustomer(ticketId); }
          catch (err) { WD.showError(note, err); } } }));
      }
      actions.append(WD.el('button', { type: 'button', class: 'secondary', text: WD.t('agent.sendreset'), onclick: async () => {
        try { await WD.call('POST', '/api/v1/staff/customers/' + p.id + '/password-reset', { channel: p.phone ? 'sms' : 'email' }); note.textContent = '✓'; }
        catch (err) { WD.showError(note, err); } } }));
      if (c.walletFrozen) actions.append(WD.el('button', { type: 'button', text: WD.t('agent.unfreeze'), onclick: async () => {
        try { await WD.call('POST', '/api/v1/staff/customers/' + p.id + '/wallet/unfreeze'); loadCustomer(ticketId); }
        catch (err) { WD.showError(note, err); } } }));
      const focused = panel.contains(document.activeElement) ? document.activeElement.id : '';
      WD.clear(panel, WD.el('h2', { text: WD.t('agent.customer') }),
        WD.el('dl', {}, WD.el('dt', { text: WD.t('agent.name') }), WD.el('dd', { text: p.verifiedName || '—' }),
          WD.el('dt', { text: WD.t('signin.login') }), WD.el('dd', { text: [p.phone, p.email].filter(Boolean).join(' · ') }),
          WD.el('dt', { text: WD.t('language') }), WD.el('dd', { text: WD.t('language.' + p.language) }),
          WD.el('dt', { text: WD.t('agent.locked') }), WD.el('dd', { text: p.locked ? '⚠ ' + WD.t('yes') : WD.t('no') }),
          WD.el('dt', { text: WD.t('agent.twofactor') }), WD.el('dd', { text: p.twoFactorEnabled ? WD.t('yes') : WD.t('no') }),
          WD.el('dt', { text: WD.t('agent.pinblocked') }), WD.el('dd', { text: p.paymentPasswordBlockedUntil ? WD.time(p.paymentPasswordBlockedUntil) : WD.t('no') }),
          WD.el('dt', { text: WD.t('agent.frozen') }), WD.el('dd', { text: c.walletFrozen ? '⚠ ' + WD.t('yes') : WD.t('no') }),
          WD.el('dt', { text: WD.t('agent.balance') }), WD.el('dd', { text: c.balances.map(b => WD.money(b.available, b.currency) +
            (b.held ? ' (+' + WD.money(b.held, b.currency) + ')' : '')).join(' · ') })),
        actions, note, newTicketFor(p.id), WD.el('h3', { text: WD.t('agent.timeline') }), timeline(c, risk));
      if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
    } catch (e) { WD.showError(panel, e); }
  }


  // ---- live chat: waiting chats with the bot transcript, accept, several at once, transfer, end ----
  const chatCard = WD.el('section', { class: 'card', id: 'chats', 'aria-live': 'polite' });
  list.parentNode.before(chatCard);
  let stomp = null;
  const lib = WD.el('script', { src: '/js/stomp.js' });
  lib.addEventListener('load', connectChat);
  document.head.append(lib);

  function connectChat() {
    stomp = new WDStomp((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/chat', WD.token ? { Authorization: 'Bearer ' + WD.token } : {});
    stomp.connect(() => {
      stomp.subscribe('/user/queue/chat', chatMessage);
      stomp.subscribe('/user/queue/chat.events', chatEvent);
      stomp.subscribe('/topic/chat.queue', refreshChats);
      stomp.subscribe('/topic/desk.tickets', ticketChanged);
      loadChats();
      loadList(); // what changed while the connection was down
      if (state.open) refreshOpen(state.open);
    }, () => setTimeout(connectChat, 3000));
  }

  const refreshChats = refreshAtMostEvery(2000, () => loadChats());
  let waitingSeen = null; // the waiting chats already known: only new ones alert
  async function loadChats() {
    try {
      const board = await WD.call('GET', '/api/v1/staff/chats');
      const arrived = board.waiting.filter(c => waitingSeen && !waitingSeen.has(c.id));
      waitingSeen = new Set(board.waiting.map(c => c.id));
      if (arrived.length) alertAgent(WD.t('agent.alert.waiting'), arrived.map(c => c.customer || (c.visitor && c.visitor.name) || '—').join(', '));
      const row = (c, action) => WD.el('li', { class: 'chat-row', 'data-id': c.id },
        WD.el('span', { class: 'badge', text: c.language ? WD.t('language.' + c.language) : '?' }), ' ', c.customer || (c.visitor ? c.visitor.name + ' (' + WD.t('agent.visitor.badge') + ')' : '—'), ' · ',
        WD.el('span', { class: 'meta', text: WD.time(c.queuedAt || c.createdAt) }), ' ',
        unread.get(c.id) ? WD.el('span', { class: 'badge unread', title: WD.t('chat.unread'), text: String(unread.get(c.id)) }) : '', ' ', action);
      WD.clear(chatCard, WD.el('h2', { text: WD.t('chat.title') }),
        WD.el('h3', { text: WD.t('chat.waiting') + ' (' + board.waiting.length + ')' }),
        WD.el('ul', { id: 'chat-waiting' }, board.waiting.map(c => row(c,
          WD.el('span', {}, WD.el('button', { type: 'button', class: 'link', text: WD.t('chat.preview'), onclick: () => openChat(c.id, true) }), ' ',
            WD.el('button', { type: 'button', class: 'accept-chat', text: WD.t('chat.accept'), onclick: () => accept(c.id) }))))),
        WD.el('h3', { text: WD.t('chat.mine') }),
        WD.el('ul', { id: 'chat-mine' }, board.mine.map(c => row(c,
          WD.el('button', { type: 'button', class: 'link open-chat', text: WD.t('chat.open'), onclick: () => openChat(c.id, false) })))));
    } catch (e) { WD.showError(chatCard, e); }
  }

  async function accept(id) {
    try { await WD.call('POST', '/api/v1/staff/chats/' + id + '/accept'); await loadChats(); openChat(id, false); }
    catch (e) { WD.showError(chatCard, e); }
  }

  function chatLine(m) {
    const item = WD.el('li', { class: 'entry chat ' + m.from, 'data-seq': m.seq },
      WD.el('div', { class: 'meta', text: (m.authorName || WD.t('chat.from.' + m.from)) + ' · ' + WD.time(m.sentAt) }),
      WD.el('div', { text: m.text })); // customer text is shown as text, never as HTML
    if (m.translation) item.append(WD.el('div', { class: 'translation' }, WD.el('span', { class: 'badge', text: WD.t('translation.machine', m.translation.provider) }), ' ', WD.el('span', { lang: m.translation.language, text: m.translation.text })));
    if (m.original) item.append(WD.el('details', { class: 'translation' }, WD.el('summary', { text: WD.t('translation.machine', m.original.provider) }), WD.el('span', { lang: m.original.language, text: m.original.text })));
    if (m.translation || m.original) item.append(WD.el('button', { type: 'button', class: 'link unclear', text: WD.t('translation.unclear'), onclick: async ev => {
      try { await WD.call('POST', '/api/v1/staff/chats/' + m.conversationId + '/messages/' + m.seq + '/unclear'); state.chat = null; loadChats(); WD.clear(detail); }
      catch (e) { WD.showError(ev.currentTarget.parentNode, e); } } }));
    if (m.articles) item.append(WD.el('ul', {}, m.articles.map(a => WD.el('li', { text: a.title + ' (' + a.slug + ')' }))));
    if (m.attachment) {
      const holder = WD.el('div', { class: 'chat-attachment' });
      fetch(m.attachment.url, { headers: WD.authHeaders() }).then(r => r.ok ? r.blob() : null).then(b => {
        if (!b) return;
        const url = URL.createObjectURL(b);
        holder.append(m.attachment.mediaType.startsWith('image/') ? WD.el('img', { src: url, alt: m.attachment.fileName, class: 'chat-image' })
          : WD.el('a', { href: url, download: m.attachment.fileName, text: m.attachment.fileName }));
      });
      item.append(holder);
    }
    return item;
  }

  async function openChat(id, previewOnly) {
    state.open = null;
    state.chat = id;
    unread.delete(id);
    showUnread();
    try {
      const h = await WD.call('GET', '/api/v1/staff/chats/' + id + '/messages');
      const log = WD.el('ol', { class: 'entries', id: 'chat-log' }, h.messages.map(chatLine));
      const typing = WD.el('div', { id: 'chat-typing', class: 'meta', hidden: true, text: WD.t('chat.typing') });
      const note = WD.el('div', { id: 'chat-note', 'aria-live': 'polite' });
      const away = WD.el('div', { id: 'chat-away', class: 'notice', hidden: true, text: WD.t('chat.away') });
      const parts = [WD.el('h2', { text: WD.t('chat.title') + (h.language ? ' · ' + WD.t('language.' + h.language) : '') }), away,
        h.visitor ? visitorCard(id, h.visitor, !previewOnly && h.status === 'agent') : '', log, typing];
      if (!previewOnly && h.status === 'agent') {
        const reply = WD.el('textarea', { id: 'chat-reply', 'aria-label': WD.t('agent.reply') });
        reply.addEventListener('input', () => stomp && stomp.send('/app/chat.typing', { conversationId: id }));
        const internal = WD.el('input', { type: 'checkbox', id: 'chat-internal' });
        // checked when the chat is in another language than the agent's pages
        const translate = WD.el('input', { type: 'checkbox', id: 'chat-translate', checked: h.language && h.language !== WD.lang });
        const form = WD.el('form', { id: 'chat-form' }, reply, WD.el('div', { class: 'row' },
          WD.el('label', {}, internal, ' ' + WD.t('agent.internal')), WD.el('label', {}, translate, ' ' + WD.t('agent.translate')), WD.el('button', { type: 'submit', id: 'chat-send', text: WD.t('agent.send') })));
        const sent = WD.composer(reply, form, 'chat:' + id);
        form.addEventListener('submit', async e => {
          e.preventDefault();
          const text = reply.value.trim();
          if (!text) return;
          try {
            if (internal.checked) { await WD.call('POST', '/api/v1/tickets/' + h.ticketId + '/entries', { body: text, internal: true }); note.textContent = WD.t('chat.noted'); }
            else await WD.call('POST', '/api/v1/staff/chats/' + id + '/messages', { text, translate: translate.checked });
            reply.value = '';
            sent();
          } catch (err) { WD.showError(note, err); }
        });
        const macros = await WD.call('GET', '/api/v1/staff/macros?language=' + encodeURIComponent(h.language || 'en'));
        const macro = WD.el('select', { id: 'chat-macro', 'aria-label': WD.t('agent.macro') },
          WD.el('option', { value: '', text: WD.t('agent.macro') }), macros.map(m => WD.el('option', { value: m.id, text: m.title })));
        const insert = WD.el('button', { type: 'button', class: 'secondary', id: 'chat-insert-macro', text: WD.t('chat.insert'), onclick: async () => {
          if (!macro.value) return;
          try { reply.value = (await WD.call('GET', '/api/v1/staff/tickets/' + h.ticketId + '/macros/' + macro.value + '/preview')).text; }
          catch (err) { WD.showError(note, err); } } });
        const file = WD.el('input', { type: 'file', id: 'chat-file', 'aria-label': WD.t('attach') });
        file.addEventListener('change', async () => {
          const body = new FormData();
          body.append('file', file.files[0]);
          const r = await fetch('/api/v1/staff/chats/' + id + '/attachments', { method: 'POST', body, headers: Object.assign({ 'Accept-Language': WD.lang }, WD.authHeaders()) });
          if (!r.ok) { const p = await r.json(); note.textContent = p.detail; }
          file.value = '';
        });
        const colleagues = await WD.call('GET', '/api/v1/staff/chats/' + id + '/colleagues');
        const to = WD.el('select', { id: 'chat-transfer', 'aria-label': WD.t('chat.transfer') },
          WD.el('option', { value: '', text: WD.t('chat.transfer') }), colleagues.map(c => WD.el('option', { value: c.id, text: c.name })));
        const actions = WD.el('div', { class: 'row' }, macro, insert, WD.el('label', {}, WD.t('attach') + ' ', file), to,
          WD.el('button', { type: 'button', class: 'secondary', text: WD.t('chat.transfer.do'), onclick: async () => {
            if (!to.value) return;
            try { await WD.call('POST', '/api/v1/staff/chats/' + id + '/transfer', { agentId: to.value }); state.chat = null; loadChats(); WD.clear(detail); }
            catch (err) { WD.showError(note, err); } } }),
          WD.el('button', { type: 'button', id: 'chat-end', class: 'secondary', text: WD.t('chat.end'), onclick: async () => {
            try { await WD.call('POST', '/api/v1/staff/chats/' + id + '/end'); loadChats(); } catch (err) { WD.showError(note, err); } } }),
          WD.el('button', { type: 'button', class: 'link', id: 'chat-ticket', text: WD.t('chat.ticket'), onclick: () => { state.chat = null; show(h.ticketId); } }));
        parts.push(form, actions);
      }
      parts.push(note);
      WD.clear(detail, WD.el('section', { id: 'chat-window', 'data-id': id }, parts));
      log.scrollTop = log.scrollHeight;
      const replyBox = detail.querySelector('#chat-reply');
      if (replyBox) { detail.scrollIntoView({ block: 'start' }); replyBox.focus(); }
      if (h.messages.length && stomp && !previewOnly) stomp.send('/app/chat.read', { conversationId: id, seq: h.messages[h.messages.length - 1].seq });
      if (h.ticketId) loadCustomer(h.ticketId);
    } catch (e) { WD.showError(detail, e); }
  }

  // A visitor who is not signed in: who they say they are, and the agent proves it (a code to the account's own phone or
  // e-mail, read back by the visitor) before acting on an account.
  function visitorCard(chatId, v, mayVerify) {
    const card = WD.el('div', { id: 'chat-visitor', class: 'notice' },
      WD.el('div', { text: WD.t('agent.visitor.notSignedIn') + ' ' + [v.name, v.phone, v.email].filter(Boolean).join(' · ') }));
    if (v.verifiedCustomerId) {
      card.append(WD.el('div', { class: 'ok', id: 'chat-visitor-verified', text: WD.t('agent.visitor.verified') }));
      return card;
    }
    card.append(WD.el('div', { class: 'warning', text: WD.t('agent.visitor.unverified') }));
    if (!mayVerify) return card;
    const status = WD.el('div', { class: 'meta', 'aria-live': 'polite' });
    const code = WD.el('input', { id: 'chat-visitor-code', inputmode: 'numeric', autocomplete: 'off', 'aria-label': WD.t('agent.visitor.code'), placeholder: WD.t('agent.visitor.code') });
    card.append(WD.el('div', { class: 'row' },
      WD.el('button', { type: 'button', class: 'secondary', id: 'chat-visitor-send-code', text: WD.t('agent.visitor.sendCode'), onclick: async () => {
        try { await WD.call('POST', '/api/v1/staff/chats/' + chatId + '/identity-code'); status.textContent = WD.t('agent.visitor.codeSent'); }
        catch (e) { WD.showError(status, e); } } }),
      code,
      WD.el('button', { type: 'button', id: 'chat-visitor-prove', text: WD.t('agent.visitor.prove'), onclick: async () => {
        try { await WD.call('POST', '/api/v1/staff/chats/' + chatId + '/identity', { code: code.value }); openChat(chatId, false); }
        catch (e) { WD.showError(status, e); } } })), status);
    return card;
  }

  // Messages from customers in chats not on screen: a badge per chat and the count in the tab's title.
  const unread = new Map();
  const pageTitle = document.title;
  function showUnread() {
    const total = [...unread.values()].reduce((a, b) => a + b, 0);
    document.title = total ? '(' + total + ') ' + pageTitle : pageTitle;
  }

  function chatMessage(m) {
    const log = document.getElementById('chat-log');
    if (m.conversationId !== state.chat || !log) {
      if (m.from === 'customer') {
        unread.set(m.conversationId, (unread.get(m.conversationId) || 0) + 1);
        showUnread();
        alertAgent(WD.t('agent.alert.message'), m.text);
      }
      loadChats();
      return;
    }
    if (log.querySelector('[data-seq="' + m.seq + '"]')) return;
    log.append(chatLine(m));
    log.scrollTop = log.scrollHeight;
    if (m.from === 'customer' && stomp) stomp.send('/app/chat.read', { conversationId: m.conversationId, seq: m.seq });
    if (m.from === 'system' && m.buttons) loadChats();
  }

  function chatEvent(e) {
    const typing = document.getElementById('chat-typing');
    if (e.type === 'typing' && typing && e.conversationId === state.chat) {
      typing.hidden = false;
      clearTimeout(chatEvent.timer);
      chatEvent.timer = setTimeout(() => { typing.hidden = true; }, 3000);
    }
    if (e.type === 'presence' && e.conversationId === state.chat) {
      const away = document.getElementById('chat-away');
      if (away) away.hidden = e.state !== 'away';
    }
    if (e.type === 'queue') loadChats();
    if (e.type === 'call') ringing(e);
  }

  // ---- the phone: who is calling, while it rings (pushed by the hotline) ----
  async function callerOnly(customerId) {
    const shown = ++panelRequest;
    try {
      const v = await WD.call('GET', '/api/v1/staff/customers/' + customerId);
      const w = await WD.call('GET', '/api/v1/staff/customers/' + customerId + '/wallet');
      const decisions = await riskDecisions(customerId);
      if (shown !== panelRequest) return;
      const p = v.profile;
      WD.clear(panel, WD.el('h2', { text: WD.t('agent.customer') }),
        WD.el('dl', {}, WD.el('dt', { text: WD.t('agent.name') }), WD.el('dd', { text: p.verifiedName || '—' }),
          WD.el('dt', { text: WD.t('signin.login') }), WD.el('dd', { text: [p.phone, p.email].filter(Boolean).join(' · ') }),
          WD.el('dt', { text: WD.t('language') }), WD.el('dd', { text: WD.t('language.' + p.language) }),
          WD.el('dt', { text: WD.t('agent.locked') }), WD.el('dd', { text: p.locked ? '⚠ ' + WD.t('yes') : WD.t('no') }),
          WD.el('dt', { text: WD.t('agent.frozen') }), WD.el('dd', { text: w.frozen ? '⚠ ' + WD.t('yes') : WD.t('no') }),
          WD.el('dt', { text: WD.t('agent.balance') }), WD.el('dd', { text: (w.balances || []).map(b => WD.money(b.available, b.currency)).join(' · ') || '—' })),
        WD.el('h3', { text: WD.t('agent.timeline') }),
        timeline({ recentLogins: v.recentLogins, failedAttempts: [], pendingWithdrawals: [], recentTransactions: [], pastTickets: [], failureReasons: {} }, decisions));
    } catch (e) { WD.showError(panel, e); }
  }
  function ringing(call) {
    let card = document.getElementById('incoming-call');
    if (!card) {
      card = WD.el('section', { class: 'card incoming-call', id: 'incoming-call', role: 'alert' });
      chatCard.before(card);
    }
    const close = WD.el('button', { type: 'button', text: WD.t('agent.call.dismiss'), onclick: () => card.remove() });
    if (call.customer) {
      const who = call.customer.name || call.customer.phone;
      card.replaceChildren(WD.el('h2', { text: WD.t('agent.call.ringing', who) }),
        WD.el('p', { class: 'meta', text: call.from }),
        WD.el('h3', { text: WD.t('agent.call.open') }),
        call.openTickets.length === 0 ? WD.el('p', { text: WD.t('agent.call.noopen') }) :
          WD.el('ul', {}, call.openTickets.map(t => WD.el('li', {}, WD.el('a', { href: '#', text: '#' + t.number + ' ' + t.subject,
            onclick: ev => { ev.preventDefault(); show(t.id); } }), ' · ' + ticketStatus(t.status)))),
        close);
      // the caller's customer-360 while it rings: with their latest open ticket, or on its own
      if (call.openTickets.length) show(call.openTickets[0].id); else callerOnly(call.customer.id);
    } else {
      const search = WD.el('input', { type: 'search', id: 'caller-search', 'aria-label': WD.t('agent.call.search'), value: call.from });
      const found = WD.el('ul', { id: 'caller-found' });
      const form = WD.el('form', {}, search, WD.el('button', { type: 'submit', text: WD.t('agent.call.find') }), found);
      form.addEventListener('submit', async ev => {
        ev.preventDefault();
        try {
          const people = await WD.call('GET', '/api/v1/staff/customers?q=' + encodeURIComponent(search.value));
          found.replaceChildren(...people.map(p => WD.el('li', { text: (p.verifiedName || '') + ' ' + (p.phone || p.email || '') })));
        } catch (err) { WD.showError(found, err); }
      });
      card.replaceChildren(WD.el('h2', { text: WD.t('agent.call.unknown', call.from) }), form, close);
    }
  }

  // Keyboard shortcuts for the common moves, listed on "?"; not while typing.
  const SHORTCUTS = [['j', 'next'], ['k', 'previous'], ['r', 'reply'], ['n', 'note'], ['m', 'macro'], ['s', 'solve'], ['?', 'help']];
  const shortcutHelp = WD.el('dialog', { id: 'shortcuts' }, WD.el('h2', { text: WD.t('agent.keys.title') }),
    WD.el('dl', {}, SHORTCUTS.map(([key, move]) => [WD.el('dt', {}, WD.el('kbd', { text: key })), WD.el('dd', { text: WD.t('agent.keys.' + move) })]).flat()),
    WD.el('button', { type: 'button', text: WD.t('agent.keys.close'), onclick: () => shortcutHelp.close() }));
  document.body.append(shortcutHelp);
  function step(by) {
    const rows = [...list.querySelectorAll('tbody tr[data-id]')];
    if (!rows.length) return;
    const at = rows.findIndex(r => r.dataset.id === state.open);
    const next = rows[Math.min(rows.length - 1, Math.max(0, at < 0 ? 0 : at + by))];
    show(next.dataset.id);
    next.focus();
  }
  document.addEventListener('keydown', e => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.matches('textarea, input, select, [contenteditable]')) return;
    const reply = document.getElementById('reply');
    switch (e.key) {
      case 'j': step(1); break;
      case 'k': step(-1); break;
      case 'r': if (reply) { document.getElementById('internal').checked = false; reply.focus(); } break;
      case 'n': if (reply) { document.getElementById('internal').checked = true; reply.focus(); } break;
      case 'm': { const m = document.getElementById('macro'); if (m) m.focus(); break; }
      case 's': { const st = document.getElementById('status'); if (st) { st.value = 'solved'; document.getElementById('save').click(); } break; }
      case '?': shortcutHelp.showModal(); break;
      default: return;
    }
    e.preventDefault();
  });

  loadQueues();
  loadList();
  // a link from the supervisor's drill-down opens its ticket
  const deepLink = location.hash.match(/^#ticket=([0-9a-f-]{36})$/);
  if (deepLink) show(deepLink[1]);
  // Tickets change on screen by push, not by polling: the list and the queue counts reload, and the open ticket
  // re-renders with the reply box, its draft and its caret as they were (throttled, see refreshAtMostEvery).
  const changed = new Set();
  const refreshTickets = refreshAtMostEvery(5000, () => {
    const openChanged = state.open && changed.has(state.open);
    changed.clear();
    loadList();
    loadQueues();
    if (openChanged) refreshOpen(state.open);
  });
  // {type: 'tickets', tickets: [{ticketId, number}]}: the changes of the last quarter second, gathered by the server
  function ticketChanged(e) {
    e.tickets.forEach(t => changed.add(t.ticketId));
    refreshTickets();
  }
});
