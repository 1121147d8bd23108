// The disputes desk: open disputes with the business days left, one dispute with its screenshots shown inline,
// and the moves: take it up, ask the customer, ask the merchant, decide (refund, partial refund, rejected).
'use strict';
WD.signin(main => {
  const filters = WD.el('form', { class: 'row', id: 'dispute-filters' });
  const list = WD.el('div', { id: 'dispute-list' });
  const detail = WD.el('section', { class: 'card', id: 'dispute', 'aria-live': 'polite' });
  const STATUSES = ['submitted', 'under_review', 'waiting_customer', 'waiting_merchant', 'decided', 'closed'];
  const state = { status: 'open', open: null };
  WD.clear(main, WD.el('div', { class: 'card' }, WD.el('div', { class: 'row' }, WD.el('h1', { text: WD.t('disputes.desk.title') }),
    WD.el('a', { href: '/agent?lang=' + encodeURIComponent(WD.lang), text: WD.t('agent.title') })), filters, list), detail);

  const status = WD.el('select', { id: 'dispute-filter-status', 'aria-label': WD.t('agent.filter.status') },
    WD.el('option', { value: 'open', text: WD.t('disputes.filter.open') }),
    STATUSES.map(s => WD.el('option', { value: s, text: WD.t('dispute.status.' + s) })));
  WD.clear(filters, status, WD.el('button', { type: 'submit', text: WD.t('agent.search') }));
  filters.addEventListener('submit', e => { e.preventDefault(); state.status = status.value; loadList(); });

  function timeLeft(d) {
    if (!['submitted', 'under_review', 'waiting_customer', 'waiting_merchant'].includes(d.status)) return WD.el('span', { class: 'badge ok', text: '✓' });
    if (d.overdue) return WD.el('span', { class: 'badge breached', text: WD.t('disputes.overdue') });
    return WD.el('span', { class: 'badge' + (d.businessDaysLeft <= 1 ? ' high' : ''), text: WD.t('disputes.daysleft', d.businessDaysLeft) });
  }

  async function loadList() {
    try {
      const page = await WD.call('GET', '/api/v1/staff/disputes?limit=50&status=' + encodeURIComponent(state.status));
      const rows = page.items.map(d => WD.el('tr', { class: 'selectable' + (d.id === state.open ? ' selected' : ''), tabindex: 0, 'data-id': d.id,
        onclick: () => show(d.id), onkeydown: e => { if (e.key === 'Enter') show(d.id); } },
        WD.el('td', { text: '#' + d.number }), WD.el('td', { text: d.reason.text }),
        WD.el('td', { text: WD.money(d.amount, d.currency) }), WD.el('td', { text: d.counterparty || '' }),
        WD.el('td', {}, WD.el('span', { class: 'badge', text: d.statusText })), WD.el('td', {}, timeLeft(d)),
        WD.el('td', { text: WD.t('disputes.due', WD.day(d.dueDate)) })));
      WD.clear(list, rows.length ? WD.el('table', {}, WD.el('tbody', {}, rows)) : WD.el('p', { text: WD.t('disputes.desk.none') }));
    } catch (err) { WD.showError(list, err); }
  }

  // Screenshots inline, fetched with the token (the file itself is always served as an attachment).
  function evidenceItem(d, e) {
    const item = WD.el('li', {}, WD.el('span', { text: e.fileName + ' (' + Math.ceil(e.size / 1024) + ' KB)' }));
    fetch('/api/v1/staff/disputes/' + d.id + '/evidence/' + e.id, { headers: WD.authHeaders() })
      .then(r => r.ok ? r.blob() : null).then(b => {
        if (!b) return;
        const url = URL.createObjectURL(b);
        item.append(e.mediaType.startsWith('image/') ? WD.el('img', { src: url, alt: e.fileName, class: 'evidence-image' })
          : WD.el('a', { href: url, download: e.fileName, text: ' ' + WD.t('disputes.download') }));
      });
    return item;
  }

  function move(label, id, run) {
    return WD.el('button', { type: 'button', class: 'secondary', id, text: label, onclick: run });
  }

  async function show(id) {
    state.open = id;
    try {
      const d = await WD.call('GET', '/api/v1/staff/disputes/' + id);
      const note = WD.el('div', { 'aria-live': 'polite' });
      const act = async (path, body) => {
        try { await WD.call('POST', '/api/v1/staff/disputes/' + id + path, body); await show(id); loadList(); } catch (err) { WD.showError(note, err); }
      };
      const awaiting = ['submitted', 'under_review', 'waiting_customer', 'waiting_merchant'].includes(d.status);
      const parts = [WD.el('h2', { text: WD.t('disputes.number', d.number) + ' · ' + d.reason.text }),
        WD.el('p', {}, WD.el('span', { class: 'badge', id: 'dispute-status', text: d.statusText }), ' ', timeLeft(d),
          awaiting ? ' ' + WD.t('disputes.due', WD.day(d.dueDate)) : '', d.escalatedAt ? WD.el('span', { class: 'badge breached', text: WD.t('disputes.escalated') }) : ''),
        WD.el('dl', { class: 'facts' },
          WD.el('dt', { text: WD.t('disputes.transaction') }), WD.el('dd', { text: d.transactionType.text + ' · ' + WD.money(d.amount, d.currency) }),
          WD.el('dt', { text: WD.t('disputes.counterparty') }), WD.el('dd', { text: d.counterparty || '—' }),
          WD.el('dt', { text: WD.t('disputes.refunded') }), WD.el('dd', { text: WD.money(d.refunded, d.currency) }),
          d.provisionalCredit ? [WD.el('dt', { text: WD.t('disputes.provisional.label') }),
            WD.el('dd', { text: WD.money(d.provisionalCredit, d.currency) + (d.outcome && d.provisionalOutstanding ? ' · ' + WD.t('disputes.outstanding', WD.money(d.provisionalOutstanding, d.currency)) : '') })] : [],
          d.ticketNumber ? [WD.el('dt', { text: WD.t('disputes.ticket') }), WD.el('dd', { text: '#' + d.ticketNumber })] : []),
        WD.el('p', { class: 'quote', text: d.description })];
      if (d.merchantAnswer) parts.push(WD.el('p', {}, WD.el('strong', { text: d.merchantAnswer + ': ' }), d.merchantStatement || ''));
      else if (d.merchantDue) parts.push(WD.el('p', { text: WD.t('disputes.merchant.due', WD.day(d.merchantDue)) }));
      if (d.question) parts.push(WD.el('p', {}, WD.el('strong', { text: WD.t('disputes.question') + ' ' }), d.question));
      if (d.outcome) parts.push(WD.el('p', { id: 'dispute-outcome' }, WD.el('strong', { text: d.outcomeText }), d.decisionReason ? ' — ' + d.decisionReason : ''));
      parts.push(WD.el('h3', { text: WD.t('disputes.evidence') }),
        d.evidence.length ? WD.el('ul', { class: 'evidence' }, d.evidence.map(e => evidenceItem(d, e))) : WD.el('p', { text: WD.t('disputes.evidence.none') }));
      if (awaiting) {
        const moves = WD.el('div', { class: 'row' });
        if (d.status === 'submitted') moves.append(move(WD.t('disputes.acknowledge'), 'dispute-acknowledge', () => act('/acknowledge')));
        if (d.status === 'submitted' || d.status === 'under_review') {
          if (d.transactionType.code === 'payment') moves.append(move(WD.t('disputes.askmerchant'), 'dispute-ask-merchant', () => act('/merchant-request')));
        }
        parts.push(moves);
        if (d.status === 'submitted' || d.status === 'under_review') {
          const question = WD.el('textarea', { id: 'dispute-question', maxlength: 4000 });
          const ask = WD.el('form', { id: 'dispute-ask' }, WD.el('label', { for: 'dispute-question', text: WD.t('disputes.ask') }), question,
            WD.el('button', { type: 'submit', class: 'secondary', text: WD.t('disputes.ask.send') }));
          ask.addEventListener('submit', e => { e.preventDefault(); act('/questions', { question: question.value }); });
          parts.push(ask);
        }
        const outcome = WD.el('select', { id: 'dispute-outcome-choice' }, ['refund', 'partial_refund', 'rejected'].map(o =>
          WD.el('option', { value: o, text: WD.t('dispute.outcome.' + o) })));
        const amount = WD.el('input', { id: 'dispute-amount', type: 'number', min: '0.01', step: '0.01', max: d.refundable / 100, disabled: true });
        outcome.addEventListener('change', () => { amount.disabled = outcome.value !== 'partial_refund'; });
        const reason = WD.el('textarea', { id: 'dispute-decision-reason', maxlength: 2000, required: true });
        const decide = WD.el('form', { id: 'dispute-decide' }, WD.el('h3', { text: WD.t('disputes.decide') }),
          WD.el('label', { for: 'dispute-outcome-choice', text: WD.t('disputes.outcome') }), outcome,
          WD.el('label', { for: 'dispute-amount', text: WD.t('disputes.amount') + ' (' + d.currency + ')' }), amount,
          WD.el('label', { for: 'dispute-decision-reason', text: WD.t('disputes.decision.reason') }), reason,
          WD.el('button', { type: 'submit', text: WD.t('disputes.decide') }));
        decide.addEventListener('submit', e => {
          e.preventDefault();
          const body = { outcome: outcome.value, reason: reason.value };
          if (outcome.value === 'partial_refund') body.amount = Math.round(Number(amount.value) * 100);
          act('/decision', body);
        });
        parts.push(decide);
      }
      parts.push(WD.el('h3', { text: WD.t('disputes.timeline') }),
        WD.el('ol', { class: 'timeline' }, d.timeline.map(e => WD.el('li', { text: WD.time(e.at) + ' · ' + e.text }))), note);
      WD.clear(detail, parts);
    } catch (err) { WD.showError(detail, err); }
  }

  loadList();
});
