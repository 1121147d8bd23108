// The customer's disputes: my balance and recent transactions, each with "Dispute"; the form filled in from the
// transaction; my disputes with their status, due date, evidence, questions, decision, reopening.
'use strict';
WD.signin(main => {
  const balance = WD.el('div', { class: 'card', id: 'balance' });
  const movements = WD.el('div', { class: 'card', id: 'transactions' });
  const form = WD.el('section', { class: 'card', id: 'dispute-form', hidden: true });
  const list = WD.el('div', { class: 'card', id: 'my-disputes' });
  const detail = WD.el('section', { id: 'dispute' });
  const DISPUTABLE = ['payment', 'transfer_out', 'top_up', 'withdrawal'];
  WD.clear(main, WD.el('div', { class: 'row' }, WD.el('h1', { text: WD.t('disputes.title') }),
    WD.el('a', { href: '/help/tickets?lang=' + encodeURIComponent(WD.lang), text: WD.t('help.mytickets') })),
  balance, movements, form, list, detail);

  async function loadBalance() {
    try {
      const w = await WD.call('GET', '/api/v1/wallet');
      WD.clear(balance, WD.el('h2', { text: WD.t('disputes.balance') }),
        WD.el('p', { id: 'available' }, w.balances.map(b => WD.el('strong', { 'data-currency': b.currency, text: WD.money(b.available, b.currency) + ' ' }))));
    } catch (err) { WD.showError(balance, err); }
  }

  async function loadMovements() {
    try {
      const page = await WD.call('GET', '/api/v1/wallet/transactions?limit=20');
      const rows = page.items.map(t => WD.el('tr', { 'data-id': t.id },
        WD.el('td', { text: WD.time(t.createdAt) }), WD.el('td', { text: WD.t('type.' + t.type) }),
        WD.el('td', { text: t.counterparty || '' }), WD.el('td', { class: 'amount', text: WD.money(t.amount, t.currency) }),
        WD.el('td', { text: WD.status(t.status) }),
        WD.el('td', {}, DISPUTABLE.includes(t.type) ? WD.el('button', { type: 'button', class: 'secondary dispute-button',
          text: WD.t('disputes.dispute'), onclick: () => openForm(t.id) }) : '')));
      WD.clear(movements, WD.el('h2', { text: WD.t('disputes.transactions') }),
        rows.length ? WD.el('table', {}, WD.el('tbody', {}, rows)) : WD.el('p', { text: WD.t('disputes.notransactions') }));
    } catch (err) { WD.showError(movements, err); }
  }

  async function openForm(transactionId) {
    form.hidden = false;
    try {
      const p = await WD.call('GET', '/api/v1/disputes/form?transactionId=' + encodeURIComponent(transactionId));
      if (p.existingDisputeId) { form.hidden = true; show(p.existingDisputeId); return; }
      const reason = WD.el('select', { id: 'dispute-reason', required: true },
        p.reasons.map(r => WD.el('option', { value: r.code, text: r.text })));
      const description = WD.el('textarea', { id: 'dispute-description', maxlength: 4000, required: true });
      const file = WD.el('input', { type: 'file', id: 'dispute-file', accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf' });
      const status = WD.el('div', { 'aria-live': 'polite' });
      const facts = WD.el('dl', { class: 'facts' },
        WD.el('dt', { text: WD.t('disputes.time') }), WD.el('dd', { text: WD.time(p.time) }),
        WD.el('dt', { text: WD.t('disputes.amount') }), WD.el('dd', { text: WD.money(p.amount, p.currency) }),
        WD.el('dt', { text: WD.t('disputes.method') }), WD.el('dd', { text: p.method }),
        WD.el('dt', { text: WD.t('disputes.counterparty') }), WD.el('dd', { text: p.counterparty || '—' }),
        WD.el('dt', { text: WD.t('disputes.reference') }), WD.el('dd', { text: p.reference }));
      const f = WD.el('form', { id: 'new-dispute' }, WD.el('h2', { text: WD.t('disputes.new') + ' · ' + p.type.text }), facts,
        WD.el('label', { for: 'dispute-reason', text: WD.t('disputes.reason') }), reason,
        WD.el('label', { for: 'dispute-description', text: WD.t('disputes.description') }), description,
        WD.el('label', { for: 'dispute-file', text: WD.t('disputes.evidence.add') }), file,
        WD.el('p', { class: 'hint', text: WD.t('disputes.until', WD.time(p.disputableUntil)) }),
        WD.el('div', { class: 'row' }, WD.el('button', { type: 'submit', text: WD.t('disputes.submit') }),
          WD.el('button', { type: 'button', class: 'secondary', text: WD.t('disputes.cancel'), onclick: () => { form.hidden = true; } })), status);
      f.addEventListener('submit', async e => {
        e.preventDefault();
        try {
          const d = await WD.call('POST', '/api/v1/disputes', { transactionId, reason: reason.value, description: description.value });
          if (file.files.length) await upload(d.id, file.files[0]);
          form.hidden = true;
          await loadList();
          show(d.id);
        } catch (err) { WD.showError(status, err); }
      });
      WD.clear(form, f);
      form.scrollIntoView();
      reason.focus();
    } catch (err) { WD.showError(form, err); }
  }

  async function upload(id, file) {
    const body = new FormData();
    body.append('file', file);
    const r = await fetch('/api/v1/disputes/' + id + '/evidence', { method: 'POST', body, headers: Object.assign({ 'Accept-Language': WD.lang }, WD.authHeaders()) });
    if (!r.ok) { const p = await r.json(); throw new Error(p.detail); }
  }

  async function loadList() {
    try {
      const page = await WD.call('GET', '/api/v1/disputes?limit=50');
      const rows = page.items.map(d => WD.el('tr', { class: 'selectable', tabindex: 0, 'data-id': d.id, onclick: () => show(d.id),
        onkeydown: e => { if (e.key === 'Enter') show(d.id); } },
        WD.el('td', { text: '#' + d.number }), WD.el('td', { text: d.reason.text }),
        WD.el('td', { text: WD.money(d.amount, d.currency) }),
        WD.el('td', {}, WD.el('span', { class: 'badge', text: d.statusText })),
        WD.el('td', { text: WD.t('disputes.due', WD.day(d.dueDate)) })));
      WD.clear(list, WD.el('h2', { text: WD.t('disputes.mine') }),
        rows.length ? WD.el('table', {}, WD.el('tbody', {}, rows)) : WD.el('p', { text: WD.t('disputes.none') }));
    } catch (err) { WD.showError(list, err); }
  }

  async function show(id) {
    try {
      const d = await WD.call('GET', '/api/v1/disputes/' + id);
      const note = WD.el('div', { 'aria-live': 'polite' });
      const parts = [WD.el('h2', { text: WD.t('disputes.number', d.number) + ' · ' + d.reason.text }),
        WD.el('p', {}, WD.el('span', { class: 'badge', id: 'dispute-status', text: d.statusText }), ' ',
          d.outcome ? '' : WD.t('disputes.due', WD.day(d.dueDate))),
        WD.el('p', { text: d.transactionType.text + ' · ' + WD.money(d.amount, d.currency) + (d.counterparty ? ' · ' + d.counterparty : '') }),
        WD.el('p', { class: 'quote', text: d.description })];
      if (d.provisionalCredit) parts.push(WD.el('p', { text: WD.t('disputes.provisional', WD.money(d.provisionalCredit, d.currency)) }));
      if (d.question) parts.push(WD.el('p', { class: 'question', role: 'status' }, WD.el('strong', { text: WD.t('disputes.question') + ' ' }), d.question));
      if (d.outcome) parts.push(WD.el('p', { id: 'dispute-outcome' }, WD.el('strong', { text: d.outcomeText }),
        d.refunded ? ' · ' + WD.money(d.refunded, d.currency) : '', d.decisionReason ? ' — ' + d.decisionReason : ''));
      parts.push(WD.el('h3', { text: WD.t('disputes.evidence') }),
        d.evidence.length ? WD.el('ul', {}, d.evidence.map(e => WD.el('li', { text: e.fileName + ' (' + Math.ceil(e.size / 1024) + ' KB)' })))
          : WD.el('p', { text: WD.t('disputes.evidence.none') }));
      if (d.status !== 'closed') {
        const file = WD.el('input', { type: 'file', id: 'evidence-file', accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf' });
        file.addEventListener('change', async () => {
          if (!file.files.length) return;
          try { await upload(id, file.files[0]); await show(id); } catch (err) { WD.showError(note, err); }
        });
        parts.push(WD.el('label', {}, WD.t('disputes.evidence.add') + ' ', file));
        const text = WD.el('textarea', { id: 'dispute-reply', maxlength: 4000, 'aria-label': WD.t('disputes.reply') });
        const reply = WD.el('form', { id: 'dispute-reply-form' }, WD.el('label', { for: 'dispute-reply', text: d.canReopen ? WD.t('disputes.reopen.why') : WD.t('disputes.reply') }), text,
          WD.el('div', { class: 'row' }, WD.el('button', { type: 'submit', text: d.canReopen ? WD.t('disputes.reopen') : WD.t('help.send') }),
            d.outcome ? '' : WD.el('button', { type: 'button', class: 'secondary', id: 'dispute-withdraw', text: WD.t('disputes.withdraw'), onclick: async () => {
              try { await WD.call('POST', '/api/v1/disputes/' + id + '/withdraw'); await show(id); loadList(); loadBalance(); } catch (err) { WD.showError(note, err); }
            } })));
        reply.addEventListener('submit', async e => {
          e.preventDefault();
          try {
            await WD.call('POST', '/api/v1/disputes/' + id + (d.canReopen ? '/reopen' : '/replies'), { message: text.value });
            await show(id); loadList();
          } catch (err) { WD.showError(note, err); }
        });
        if (d.status !== 'decided' || d.canReopen) parts.push(reply);
        if (d.canReopen) parts.push(WD.el('p', { class: 'hint', text: WD.t('disputes.reopen.until', WD.time(d.reopenUntil)) }));
      }
      parts.push(WD.el('h3', { text: WD.t('disputes.timeline') }),
        WD.el('ol', { class: 'timeline' }, d.timeline.map(e => WD.el('li', { text: WD.time(e.at) + ' · ' + e.text }))), note);
      WD.clear(detail, WD.el('section', { class: 'card', 'data-id': d.id }, parts));
    } catch (err) { WD.showError(detail, err); }
  }

  loadBalance();
  loadMovements();
  loadList();
  const wanted = new URLSearchParams(location.search).get('transaction');
  if (wanted) openForm(wanted);
});
