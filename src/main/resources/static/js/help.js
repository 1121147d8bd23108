// The customer help centre: my tickets, a new ticket, the conversation, a reply, the satisfaction survey.
'use strict';
WD.signin(main => {
  const list = WD.el('div', { class: 'card', id: 'my-tickets' });
  const inbox = WD.el('div', { class: 'card', id: 'inbox' });
  const detail = WD.el('div', { id: 'ticket' });
  const announcements = WD.el('section', { class: 'card', id: 'announcements', hidden: true });
  const notices = WD.el('section', { class: 'card', id: 'notice-settings' });
  WD.clear(main, WD.el('div', { class: 'row' }, WD.el('h1', { text: WD.t('kb.mytickets') }),
    WD.el('a', { href: '/help/disputes?lang=' + encodeURIComponent(WD.lang), id: 'disputes-link', text: WD.t('disputes.link') })),
    WD.strings['contact.hotline'] ? WD.el('p', { class: 'meta', id: 'hotline', text: WD.t('contact.hotline') }) : '', inbox, announcements, newTicketForm(), list, detail, feedbackForm(), notices);

  const inboxItem = m => WD.el('li', {}, WD.el('strong', { text: m.subject }), ' · ' + m.text + ' · ' + WD.time(m.at));
  async function loadInbox() {
    try {
      const page = await WD.call('GET', '/api/v1/inbox?limit=5');
      if (!page.items.length) { inbox.hidden = true; return; }
      inbox.hidden = false;
      const list = WD.el('ul', { id: 'inbox-messages' }, page.items.map(inboxItem));
      WD.clear(inbox, WD.el('h2', { text: WD.t('help.inbox') }), list, olderButton(list, page.nextCursor));
    } catch (err) { WD.showError(inbox, err); }
  }
  // older messages are added below, a page at a time, while there are more
  function olderButton(list, cursor) {
    if (!cursor) return '';
    const button = WD.el('button', { type: 'button', id: 'inbox-older', class: 'secondary', text: WD.t('help.inbox.older') });
    button.addEventListener('click', async () => {
      try {
        const page = await WD.call('GET', '/api/v1/inbox?limit=5&cursor=' + encodeURIComponent(cursor));
        page.items.forEach(m => list.append(inboxItem(m)));
        button.replaceWith(olderButton(list, page.nextCursor) || '');
      } catch (err) { WD.showError(inbox, err); }
    });
    return button;
  }
  let open = null;

  // What's new, in the customer's language: unread ones first marked, read when opened.
  async function loadAnnouncements() {
    try {
      const page = await WD.call('GET', '/api/v1/announcements?limit=10');
      if (!page.items.length) { announcements.hidden = true; return; }
      announcements.hidden = false;
      WD.clear(announcements, WD.el('h2', {}, WD.t('help.announcements') + ' ',
        page.unread ? WD.el('span', { class: 'badge', id: 'announcements-unread', text: WD.t('help.announcements.unread', page.unread) }) : ''),
      WD.el('ul', {}, page.items.map(a => {
        const item = WD.el('details', { class: a.read ? 'read' : 'unread', 'data-id': a.id },
          WD.el('summary', {}, WD.el('strong', { text: a.title }), ' · ' + WD.time(a.publishedAt)), WD.el('p', { text: a.body }));
        item.addEventListener('toggle', async () => {
          if (item.open && !a.read) { a.read = true; await WD.call('POST', '/api/v1/announcements/' + a.id + '/read'); loadAnnouncements(); }
        });
        return WD.el('li', {}, item);
      })));
    } catch (err) { WD.showError(announcements, err); }
  }

  // How notices reach the customer outside the app: SMS or e-mail, the second address proven by a code sent to it.
  async function loadNoticeSettings(said, profile) {
    try {
      const me = profile || await WD.call('GET', '/api/v1/me');
      const status = WD.el('p', { 'aria-live': 'polite', id: 'notice-status', text: said || '' });
      const address = { sms: me.phone, email: me.email };
      const choices = ['sms', 'email'].map(channel => {
        const radio = WD.el('input', { type: 'radio', name: 'notice-channel', id: 'notice-' + channel, value: channel });
        radio.checked = me.noticeChannel === channel;
        radio.disabled = !address[channel];
        radio.addEventListener('change', async () => {
          try {
            loadNoticeSettings(WD.t('notices.saved.' + channel), await WD.call('PUT', '/api/v1/me/notice-channel', { channel }));
          } catch (err) { WD.showError(status, err); }
        });
        return WD.el('label', { for: 'notice-' + channel, class: 'choice' }, radio, ' ',
          address[channel] ? WD.t('notices.' + channel, address[channel]) : WD.t('notices.none.' + channel));
      });
      const missing = ['sms', 'email'].find(channel => !address[channel]);
      WD.clear(notices, WD.el('h2', { text: WD.t('notices.title') }), WD.el('p', { text: WD.t('notices.intro') }),
        WD.el('div', { role: 'radiogroup' }, choices), missing ? addAddressForm(missing, status) : '', status);
    } catch (err) { WD.showError(notices, err); }
  }

  function addAddressForm(kind, status) {
    const input = WD.el('input', { id: 'new-address', type: kind === 'sms' ? 'tel' : 'email', maxlength: 254, required: true });
    const code = WD.el('input', { id: 'address-code', inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' });
    const confirm = WD.el('div', { hidden: true }, WD.el('label', { for: 'address-code', id: 'address-code-label' }), code,
      WD.el('button', { type: 'button', id: 'address-confirm', text: WD.t('notices.confirm'), onclick: async () => {
        try {
          loadNoticeSettings(WD.t('notices.added'), await WD.call('POST', '/api/v1/me/contact-addresses/confirm', { code: code.value }));
        } catch (err) { WD.showError(status, err); }
      } }));
    const form = WD.el('form', { id: 'add-address' }, WD.el('label', { for: 'new-address', text: WD.t('notices.add.' + kind) }), input,
      WD.el('button', { type: 'submit', text: WD.t('notices.send') }), confirm);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        const sent = await WD.call('POST', '/api/v1/me/contact-addresses', kind === 'sms' ? { phone: input.value } : { email: input.value });
        confirm.querySelector('#address-code-label').textContent = WD.t('notices.code', sent.address);
        confirm.hidden = false;
        status.textContent = '';
        code.focus();
      } catch (err) { WD.showError(status, err); }
    });
    return form;
  }

  // Feedback for the product team, classified as it arrives.
  function feedbackForm() {
    const text = WD.el('textarea', { id: 'feedback-text', maxlength: 4000, required: true });
    const screenshot = WD.el('input', { type: 'file', id: 'feedback-screenshot', accept: 'image/png,image/jpeg,image/gif,image/webp' });
    const status = WD.el('div', { 'aria-live': 'polite', id: 'feedback-status' });
    const form = WD.el('form', { class: 'card', id: 'feedback-form' }, WD.el('h2', { text: WD.t('help.feedback') }),
      WD.el('label', { for: 'feedback-text', text: WD.t('help.feedback.text') }), text,
      WD.el('label', { for: 'feedback-screenshot', text: WD.t('help.feedback.screenshot') }), screenshot,
      WD.el('button', { type: 'submit', text: WD.t('help.feedback.send') }), status);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        const f = await WD.call('POST', '/api/v1/feedback', { text: text.value, channel: 'web' });
        if (screenshot.files.length) {
          const body = new FormData();
          body.append('file', screenshot.files[0]);
          const r = await fetch('/api/v1/feedback/' + f.id + '/screenshot', { method: 'POST', body, headers: Object.assign({ 'Accept-Language': WD.lang }, WD.authHeaders()) });
          if (!r.ok) throw new Error((await r.json()).detail);
        }
        form.reset();
        status.textContent = WD.t('help.feedback.thanks', f.kindText, f.areaText);
      } catch (err) { WD.showError(status, err); }
    });
    return form;
  }

  function newTicketForm() {
    const subject = WD.el('input', { id: 'subject', maxlength: 200, required: true });
    const message = WD.el('textarea', { id: 'message', maxlength: 10000, required: true });
    const status = WD.el('div', { 'aria-live': 'polite' });
    const form = WD.el('form', { class: 'card', id: 'new-ticket' },
      WD.el('h2', { text: WD.t('help.new') }),
      WD.el('label', { for: 'subject', text: WD.t('help.subject') }), subject,
      WD.el('label', { for: 'message', text: WD.t('help.message') }), message,
      WD.el('div', {}, WD.el('button', { type: 'submit', text: WD.t('help.send') })), status);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        const t = await WD.call('POST', '/api/v1/tickets', { subject: subject.value, message: message.value, language: WD.lang });
        form.reset();
        await loadList();
        show(t.id);
      } catch (err) { WD.showError(status, err); }
    });
    return form;
  }

  async function loadList() {
    try {
      const page = await WD.call('GET', '/api/v1/tickets?limit=50');
      const rows = page.items.map(t => WD.el('tr', { class: 'selectable', tabindex: 0, 'data-id': t.id,
        onclick: () => show(t.id), onkeydown: e => { if (e.key === 'Enter') show(t.id); } },
        WD.el('td', { text: '#' + t.number }), WD.el('td', { text: t.subject }),
        WD.el('td', {}, WD.el('span', { class: 'badge', text: WD.status(t.status) })), WD.el('td', { text: WD.time(t.updatedAt) })));
      WD.clear(list, WD.el('h2', { text: WD.t('help.mytickets') }),
        rows.length ? WD.el('table', {}, WD.el('tbody', {}, rows)) : WD.el('p', { text: WD.t('help.none') }));
    } catch (err) { WD.showError(list, err); }
  }

  async function show(id) {
    open = id;
    try {
      const d = await WD.call('GET', '/api/v1/tickets/' + id);
      const t = d.ticket;
      const entries = entryItems(d, id);
      const reply = WD.el('textarea', { id: 'reply', 'aria-label': WD.t('help.reply') });
      const note = WD.el('div', { 'aria-live': 'polite' });
      const form = WD.el('form', { id: 'reply-form' }, WD.el('label', { for: 'reply', text: WD.t('help.reply') }), reply,
        WD.el('button', { type: 'submit', text: WD.t('help.send') }), note);
      const sent = WD.composer(reply, form, 'ticket:' + id);
      form.addEventListener('submit', async e => {
        e.preventDefault();
        try { await WD.call('POST', '/api/v1/tickets/' + id + '/entries', { body: reply.value }); sent(); await show(id); await loadList(); }
        catch (err) { WD.showError(note, err); }
      });
      const parts = [WD.el('h2', { text: '#' + t.number + ' ' + t.subject }),
        WD.el('p', {}, WD.el('span', { class: 'badge', id: 'ticket-status', text: WD.status(t.status) })),
        WD.el('ul', { class: 'entries', id: 'entries' }, entries), await WD.attachments(id, () => show(id)), form];
      if ((t.status === 'solved' || t.status === 'closed') && !t.satisfaction) parts.push(rating(id));
      WD.clear(detail, WD.el('section', { class: 'card' }, parts));
    } catch (err) { WD.showError(detail, err); }
  }

  function entryItems(d, id) {
    return d.entries.map(e => WD.el('li', { class: 'entry ' + e.kind },
      WD.el('div', { class: 'meta', text: WD.t('entry.' + e.kind) + ' · ' + WD.time(e.createdAt) }), WD.entryText(e), WD.translationNote(e, id)));
  }

  // A push: the conversation and the status update in place; the reply box, and what is typed in it, are not touched.
  async function refresh(id) {
    try {
      const d = await WD.call('GET', '/api/v1/tickets/' + id);
      const list = document.getElementById('entries');
      if (open !== id || !list) return;
      list.replaceChildren(...entryItems(d, id));
      document.getElementById('ticket-status').textContent = WD.status(d.ticket.status);
      if ((d.ticket.status === 'solved' || d.ticket.status === 'closed') && !d.ticket.satisfaction && !document.getElementById('rating')) {
        list.closest('section').append(rating(id));
      }
    } catch (err) { /* the next push or a reload shows it */ }
  }

  function rating(id) {
    const score = WD.el('select', { id: 'score' }, [5, 4, 3, 2, 1].map(n => WD.el('option', { value: n, text: n + ' ★' })));
    const comment = WD.el('input', { id: 'comment', maxlength: 1000 });
    const form = WD.el('form', { id: 'rating' }, WD.el('h3', { text: WD.t('help.rate') }), score, comment,
      WD.el('button', { type: 'submit', text: WD.t('help.rate.send') }));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      await WD.call('POST', '/api/v1/tickets/' + id + '/satisfaction', { score: Number(score.value), comment: comment.value });
      show(id);
    });
    return form;
  }

  loadList();
  loadInbox();
  loadAnnouncements();
  loadNoticeSettings();
  // An agent's answer shows while the customer reads: pushed, not polled, and what they are typing stays.
  let pushed = null;
  WD.live(e => {
    if (e.type !== 'ticket') return;
    clearTimeout(pushed);
    pushed = setTimeout(() => {
      loadList();
      loadInbox();
      if (open === e.ticketId) refresh(open);
    }, 250);
  });
});
