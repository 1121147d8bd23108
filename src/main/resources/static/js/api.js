// Shared by the pages: texts in the page's language, the bearer token, API calls, safe DOM building.
'use strict';
const WD = {
  strings: JSON.parse(document.getElementById('strings').textContent || '{}'),
  lang: document.body.dataset.lang,
  page: document.body.dataset.page,
  // Keys asked for that have no text: a page shows the key itself, and the browser tests fail on any.
  missing: new Set(),
  t(key, ...args) {
    if (!(key in this.strings)) this.missing.add(key);
    let s = this.strings[key] || key;
    args.forEach((a, i) => { s = s.replace('{' + i + '}', a); });
    return s;
  },
  // Customers' pages keep a token per tab. Staff pages share one sign-in across pages and tabs: an HttpOnly session
  // cookie the scripts never see, and a CSRF token (readable cookie) sent back in a header on every change.
  get staffPage() { return this.page !== 'help'; },
  get csrf() { const m = document.cookie.match(/(?:^|; )WD_CSRF=([^;]+)/); return m ? decodeURIComponent(m[1]) : null; },
  signedIn() { return Boolean(this.token || (this.staffPage && this.csrf)); },
  authHeaders() { return this.token ? { Authorization: 'Bearer ' + this.token } : this.csrf ? { 'X-CSRF-Token': this.csrf } : {}; },
  forget() {
    this.token = null;
    document.cookie = 'WD_CSRF=; Max-Age=0; Path=/; SameSite=Strict';
  },
  get token() { return sessionStorage.getItem('wd_token_' + this.page); },
  set token(value) {
    if (value) sessionStorage.setItem('wd_token_' + this.page, value); else sessionStorage.removeItem('wd_token_' + this.page);
  },
  async call(method, path, body) {
    const headers = { 'Accept': 'application/json', 'Accept-Language': this.lang };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    Object.assign(headers, this.authHeaders());
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const data = text ? JSON.parse(text) : {};
    if (!response.ok) {
      if (response.status === 401 && this.signedIn()) { this.forget(); location.reload(); }
      const error = new Error(data.detail || String(response.status));
      error.code = data.code;
      error.data = data;
      throw error;
    }
    return data;
  },
  // Builds elements; text is always set with textContent, so nothing a customer wrote is parsed as HTML.
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === undefined || v === null || v === false) return;
      if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v === true ? '' : v);
    });
    children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  },
  clear(node, ...children) { node.replaceChildren(...children.flat()); return node; },
  time(iso) { return iso ? new Date(iso).toLocaleString(this.lang) : '—'; },
  // An ISO date (a deadline) in the reader's words.
  day(iso) { return iso ? new Date(iso + 'T00:00:00').toLocaleDateString(this.lang, { dateStyle: 'long' }) : '—'; },
  money(minor, currency) {
    return new Intl.NumberFormat(this.lang, { style: 'currency', currency }).format(minor / 100);
  },
  status(s) { return this.t('status.' + s); },
  // A queue in words: "withdrawals-zh-cn" is "Withdrawals · Chinese".
  queue(id) {
    const cut = id.indexOf('-');
    const language = id.slice(cut + 1).replace(/-(\w+)$/, (m, region) => '-' + region.toUpperCase());
    return this.t('topic.' + id.slice(0, cut)) + ' · ' + this.t('language.' + language);
  },
  // A moment's date as the desk counts days, in Beijing ("2026-11-29"), whatever the browser's time zone: the server's
  // date ranges are Beijing dates, and a UTC browser is a day behind from 00:00 to 08:00 there.
  deskDate(ms) { return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(ms)); },
  // Minutes as people read them: "45 min", "2 h 05 min".
  minutes(total) {
    const m = Math.abs(Math.round(total));
    const text = m < 60 ? this.t('duration.minutes', m) : this.t('duration.hours', Math.floor(m / 60), String(m % 60).padStart(2, '0'));
    return total < 0 ? '−' + text : text;
  },
  // System entries are stored as codes ("status:solved", "assigned", "sla_breached:resolution"); shown in words.
  systemText(body) {
    const [what, value, extra] = body.split(':');
    if (what === 'status') return this.t('event.status', this.status(value));
    if (what === 'attachment_refused' || what === 'mail_bounced') return this.t('event.' + what, value, extra);
    if (what === 'merged_from' || what === 'merged_into') return this.t('event.' + what, '#' + value);
    if (what === 'needs_speaker') return this.t('event.needs_speaker', this.t('language.' + value));
    if (what === 'dispute') return this.t('event.dispute', this.t('dispute.event.' + value), extra);
    if (what === 'sla_breached') return this.t('event.sla_breached', this.t('agent.sla.' + (value === 'first_response' ? 'first' : 'resolution')));
    return this.t('event.' + what);
  },
  // What machine translation did to an entry: the translation for this reader, or the original of a translated reply.
  // With a ticket id, a button to say the translation is unclear (a person who speaks the language then takes over).
  translationNote(e, ticketId) {
    const unclear = () => !ticketId ? '' : this.el('button', { type: 'button', class: 'link unclear', text: this.t('translation.unclear'), onclick: async ev => {
      const button = ev.currentTarget;
      try { await this.call('POST', '/api/v1/tickets/' + ticketId + '/entries/' + e.id + '/unclear'); button.replaceWith(this.el('span', { class: 'meta', text: this.t('translation.unclear.sent') })); }
      catch (err) { this.showError(button.parentNode, err); }
    } });
    if (e.translation) return this.el('div', { class: 'translation' }, this.el('span', { class: 'badge', text: this.t('translation.machine', e.translatedBy) }), ' ', this.el('span', { lang: e.translationLanguage, text: e.translation }), ' ', unclear());
    if (e.machineTranslated && e.original) return this.el('details', { class: 'translation' }, this.el('summary', { text: this.t('translation.machine', e.translatedBy) }), this.el('span', { lang: e.originalLanguage, text: e.original }), ' ', unclear());
    return '';
  },
  entryText(e) {
    const text = e.kind === 'system' ? this.systemText(e.body) : e.body;
    if (!e.delivery) return text;
    // a reply that went out by e-mail: how it fared, with the server's answer when it failed
    const state = this.t('delivery.' + e.delivery) + (e.deliveryDetail ? ' — ' + e.deliveryDetail : '');
    return this.el('span', {}, this.el('span', { text }), ' ', this.el('span', { class: 'badge delivery ' + e.delivery, text: state }));
  },
  // A reply box that keeps what was typed until it is sent, across re-renders and reloads, and sends on Enter
  // (Shift+Enter: a new line; not while an input method is composing). Returns a function to call once sent.
  composer(textarea, form, key) {
    const stored = 'wd_draft_' + this.page + '_' + key;
    textarea.value = localStorage.getItem(stored) || '';
    textarea.addEventListener('input', () => {
      if (textarea.value) localStorage.setItem(stored, textarea.value); else localStorage.removeItem(stored);
    });
    textarea.addEventListener('keydown', e => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit(); }
    });
    return () => localStorage.removeItem(stored);
  },
  // News by push on the chat's STOMP connection (the signed-in user's events queue), reconnecting when it drops.
  live(onEvent) {
    const connect = () => {
      const stomp = new WDStomp((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/chat',
        this.token ? { Authorization: 'Bearer ' + this.token } : {});
      stomp.connect(() => stomp.subscribe('/user/queue/chat.events', onEvent), () => setTimeout(connect, 3000));
    };
    if (window.WDStomp) { connect(); return; }
    const lib = this.el('script', { src: '/js/stomp.js' });
    lib.addEventListener('load', connect);
    document.head.append(lib);
  },
  showError(where, error) {
    where.replaceChildren(this.el('p', { class: 'error', role: 'alert', text: error.message || String(error) }));
  },
  // Files on a ticket: download links (fetched with the token, then saved) and an upload field.
  async attachments(ticketId, onChange) {
    const list = await this.call('GET', '/api/v1/tickets/' + ticketId + '/attachments');
    const note = this.el('span', { 'aria-live': 'polite' });
    const input = this.el('input', { type: 'file', id: 'attachment', 'aria-label': this.t('attach'),
      accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain' });
    input.addEventListener('change', async () => {
      if (!input.files.length) return;
      const form = new FormData();
      form.append('file', input.files[0]);
      const response = await fetch('/api/v1/tickets/' + ticketId + '/attachments',
        { method: 'POST', body: form, headers: Object.assign({ 'Accept-Language': this.lang }, this.authHeaders()) });
      if (response.ok) onChange(); else { const p = await response.json(); note.textContent = p.detail; note.className = 'error'; }
    });
    const links = list.map(a => this.el('li', {}, this.el('button', { type: 'button', class: 'link', text: a.fileName + ' (' + Math.ceil(a.size / 1024) + ' KB)',
      onclick: async () => {
        const r = await fetch('/api/v1/tickets/' + ticketId + '/attachments/' + a.id, { headers: this.authHeaders() });
        const url = URL.createObjectURL(await r.blob());
        const link = this.el('a', { href: url, download: a.fileName });
        document.body.append(link); link.click(); link.remove(); URL.revokeObjectURL(url);
      } })));
    return this.el('div', { class: 'attachments' }, this.el('h3', { text: this.t('attachments') }), this.el('ul', {}, links),
      this.el('label', {}, this.t('attach') + ' ', input), note);
  },
  // The sign-in form; calls ready() once a token is there.
  signin(ready) {
    const main = document.getElementById('main');
    const signout = document.getElementById('signout');
    if (this.signedIn()) {
      signout.hidden = false;
      signout.onclick = async () => { try { await this.call('POST', '/api/v1/auth/logout'); } catch (e) { /* signed out anyway */ } this.forget(); location.reload(); };
      ready(main);
      return;
    }
    const message = this.el('div', { 'aria-live': 'polite' });
    const login = this.el('input', { id: 'login', name: 'login', autocomplete: 'username', required: true });
    const password = this.el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const totp = this.el('input', { id: 'totp', name: 'totp', inputmode: 'numeric', autocomplete: 'one-time-code' });
    const form = this.el('form', { class: 'card narrow', id: 'signin-form' },
      this.el('h1', { text: this.t('signin.title') }),
      this.el('label', { for: 'login', text: this.t('signin.login') }), login,
      this.el('label', { for: 'password', text: this.t('signin.password') }), password,
      this.el('label', { for: 'totp', text: this.t('signin.totp') }), totp,
      this.el('button', { type: 'submit', text: this.t('signin.submit') }), message);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const body = { login: login.value, password: password.value };
        if (totp.value) body.totp = totp.value;
        if (this.staffPage) body.session = 'cookie';
        const session = await this.call('POST', '/api/v1/auth/login', body);
        // a customer signing in on a staff page gets no cookie: the token stays with this tab
        if (!this.staffPage || session.kind !== 'staff') this.token = session.token;
        location.reload();
      } catch (e) {
        this.showError(message, e);
        // warn before the lock, and show the ways out of it
        if (e.code === 'invalid_credentials' && e.data && e.data.attemptsLeft !== undefined) {
          message.append(this.el('p', { class: 'warning', id: 'attempts-left', text: this.t('signin.attempts', e.data.attemptsLeft) }));
        }
        if (this.page === 'help' && (e.code === 'invalid_credentials' || e.code === 'account_locked')) help.hidden = false;
      }
    });
    // customers who cannot sign in: a code to reset the password or lift the lock, and the hotline
    const help = this.page === 'help' ? this.recovery(login) : this.el('div', { hidden: true });
    if (this.page === 'help') help.hidden = true;
    const open = this.page === 'help' ? this.el('button', { type: 'button', class: 'link', id: 'signin-trouble', text: this.t('signin.trouble'), onclick: () => { help.hidden = false; } }) : '';
    this.clear(main, form, open, help);
    if (location.hash === '#recover' && this.page === 'help') help.hidden = false;
    login.focus();
  },
  // The way back in without staff: a code to the phone or e-mail, then a new password, or (locked) the payment password.
  recovery(login) {
    const note = this.el('div', { 'aria-live': 'polite', id: 'recovery-note' });
    const who = this.el('input', { id: 'recovery-login', autocomplete: 'username', 'aria-label': this.t('signin.login') });
    const code = this.el('input', { id: 'recovery-code', inputmode: 'numeric', autocomplete: 'one-time-code' });
    const fresh = this.el('input', { id: 'recovery-password', type: 'password', autocomplete: 'new-password' });
    const pin = this.el('input', { id: 'recovery-pin', type: 'password', inputmode: 'numeric' });
    const step2 = this.el('div', { hidden: true, id: 'recovery-step2' },
      this.el('label', { for: 'recovery-code', text: this.t('recovery.code') }), code,
      this.el('label', { for: 'recovery-password', text: this.t('recovery.password') }), fresh,
      this.el('button', { type: 'button', id: 'recovery-set', text: this.t('recovery.set'), onclick: async () => {
        try { await this.call('POST', '/api/v1/auth/password-reset/confirm', { login: who.value, code: code.value, newPassword: fresh.value }); note.replaceChildren(this.el('p', { class: 'ok', text: this.t('recovery.done') })); }
        catch (e) { this.showError(note, e); } } }),
      this.el('label', { for: 'recovery-pin', text: this.t('recovery.pin') }), pin,
      this.el('button', { type: 'button', id: 'recovery-unlock', class: 'secondary', text: this.t('recovery.unlock'), onclick: async () => {
        try { await this.call('POST', '/api/v1/auth/unlock', { login: who.value, code: code.value, paymentPassword: pin.value }); note.replaceChildren(this.el('p', { class: 'ok', text: this.t('recovery.unlocked') })); }
        catch (e) { this.showError(note, e); } } }));
    const send = this.el('button', { type: 'button', id: 'recovery-send', text: this.t('recovery.send'), onclick: async () => {
      try { await this.call('POST', '/api/v1/auth/password-reset', { login: who.value }); step2.hidden = false; note.replaceChildren(this.el('p', { text: this.t('recovery.sent') })); code.focus(); }
      catch (e) { this.showError(note, e); } } });
    const card = this.el('section', { class: 'card narrow', id: 'signin-help' },
      this.el('h2', { text: this.t('signin.trouble') }),
      this.el('p', { text: this.t('recovery.intro') }),
      this.el('label', { for: 'recovery-login', text: this.t('signin.login') }), who, send, step2, note,
      this.el('p', {}, this.el('a', { id: 'signin-contact', href: '/help/contact?lang=' + encodeURIComponent(this.lang), text: this.t('visitor.link') })),
      this.strings['contact.hotline'] ? this.el('p', { id: 'signin-hotline', text: this.t('contact.hotline') }) : '');
    login.addEventListener('input', () => { who.value = login.value; });
    return card;
  }
};
