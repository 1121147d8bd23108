// The tpWallet chat widget. Embed it with one tag:
//   <script src="https://<walletdesk>/js/chat-widget.js" data-lang="zh-CN" data-token-key="wd_token_help"></script>
// data-token-key names the sessionStorage entry that holds a signed-in customer's bearer token (optional).
// It speaks the protocol in docs/chat-protocol.md.
'use strict';
(() => {
  const me = document.currentScript;
  const base = new URL(me.src, location.href).origin;
  const lang = me.dataset.lang || document.documentElement.lang || 'en';
  const tokenKey = me.dataset.tokenKey || 'wd_token_help';
  const store = window.localStorage;
  // The visitor id is the visitor's only credential for an anonymous chat: it must not be guessable, so it comes from
  // the browser's cryptographic random source.
  const randomId = () => crypto.randomUUID ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
  const visitorId = store.getItem('wd_chat_visitor') || randomId();
  store.setItem('wd_chat_visitor', visitorId);
  let texts = {};
  let client = null;
  let conversationId = null;
  let lastSeq = 0;
  let retry = 1000;
  let typingSent = 0;
  const seen = new Set();

  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = base + '/css/chat-widget.css';
  document.head.append(css);
  const lib = document.createElement('script');
  lib.src = base + '/js/stomp.js';
  lib.onload = init;
  document.head.append(lib);

  function t(key, ...args) {
    let s = texts[key] || key;
    args.forEach((a, i) => { s = s.replace('{' + i + '}', a); });
    return s;
  }
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === undefined || v === null || v === false) return;
      if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k === 'text') node.textContent = v; // never innerHTML: what people write stays text
      else node.setAttribute(k, v);
    });
    children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  }
  const token = () => sessionStorage.getItem(tokenKey);

  let log, input, typing, note, file, panel, signin, contact, hotline, form, endedBar;

  async function init() {
    try { texts = await (await fetch(base + '/api/v1/chats/texts?language=' + encodeURIComponent(lang))).json(); } catch (e) { texts = {}; }
    const launcher = el('button', { type: 'button', id: 'wd-chat-open', class: 'wd-chat-launcher', text: t('widget.open'), onclick: open });
    log = el('ol', { id: 'wd-chat-log', class: 'wd-chat-log', 'aria-live': 'polite' });
    typing = el('div', { id: 'wd-chat-typing', class: 'wd-chat-typing', hidden: true, text: t('widget.typing') });
    note = el('div', { id: 'wd-chat-note', class: 'wd-chat-note', role: 'status' });
    hotline = texts['widget.hotline'] ? el('div', { id: 'wd-chat-hotline', class: 'wd-chat-note', text: texts['widget.hotline'] }) : null;
    input = el('textarea', { id: 'wd-chat-input', rows: 2, maxlength: 2000, 'aria-label': t('widget.placeholder'), placeholder: t('widget.placeholder') });
    input.addEventListener('input', () => { if (Date.now() - typingSent > 2000 && client) { typingSent = Date.now(); client.send('/app/chat.typing', {}); } });
    input.addEventListener('keydown', e => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); send(); } });
    file = el('input', { type: 'file', id: 'wd-chat-file', hidden: true, accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain', 'aria-label': t('widget.attach') });
    file.addEventListener('change', upload);
    signin = signinForm();
    // After the end: the rating, a clear "ended" line and a way to start again, instead of a box that writes into nothing.
    endedBar = el('div', { id: 'wd-chat-ended', class: 'wd-chat-note', hidden: true }, el('span', { text: t('widget.ended') }), ' ',
      el('button', { type: 'button', id: 'wd-chat-new', text: t('widget.new'), onclick: () => { ended(false); client.send('/app/chat.start', { language: lang }); } }));
    form = el('form', { id: 'wd-chat-form', onsubmit: e => { e.preventDefault(); send(); } }, input,
      el('label', { class: 'wd-chat-attach', title: t('widget.attach') }, '📎', file),
      el('button', { type: 'submit', id: 'wd-chat-send', text: t('widget.send') }));
    contact = contactForm();
    panel = el('section', { id: 'wd-chat', class: 'wd-chat', hidden: true, role: 'dialog', 'aria-label': t('widget.title'), lang },
      el('header', {}, el('strong', { text: t('widget.title') }),
        el('button', { type: 'button', class: 'wd-chat-close', 'aria-label': t('widget.close'), text: '×', onclick: close })),
      log, typing, note, signin, contact, endedBar, form, hotline || '');
    document.body.append(launcher, panel);
    if (store.getItem('wd_chat_active') === '1') open();
  }

  function open() {
    panel.hidden = false;
    store.setItem('wd_chat_active', '1');
    if (!client) connect();
    if (!panel.querySelector('#wd-announcement')) banner();
    document.getElementById('wd-chat-open').hidden = true; // the panel's own × closes it
    input.focus();
  }
  function close() {
    panel.hidden = true;
    document.getElementById('wd-chat-open').hidden = false;
    store.setItem('wd_chat_active', '0');
  }

  function connect() {
    const headers = { 'visitor-id': visitorId };
    if (token()) headers.Authorization = 'Bearer ' + token();
    client = new WDStomp(base.replace(/^http/, 'ws') + '/ws/chat', headers);
    client.connect(async () => {
      retry = 1000;
      note.textContent = '';
      await client.subscribe('/user/queue/chat', show);
      await client.subscribe('/user/queue/chat.events', event);
      // Back after a drop: exactly what was missed. A fresh page: the open conversation's whole history (or a new one).
      if (conversationId && lastSeq) client.send('/app/chat.resume', { conversationId, afterSeq: lastSeq });
      else client.send('/app/chat.start', { language: lang });
    }, () => {
      if (panel.hidden) { client = null; return; }
      note.textContent = t('widget.reconnecting');
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 15000);
    });
  }

  function send() {
    const text = input.value.trim();
    if (!text || !client) return;
    client.send('/app/chat.message', { text });
    input.value = '';
  }

  // The newest announcement the signed-in customer has not read, as a banner above the conversation.
  async function banner() {
    if (!token()) return;
    try {
      const r = await fetch(base + '/api/v1/announcements?limit=1', { headers: { Authorization: 'Bearer ' + token(), 'Accept-Language': lang } });
      const page = r.ok ? await r.json() : null;
      const latest = page && page.items[0];
      if (!latest || latest.read) return;
      panel.insertBefore(el('a', { id: 'wd-announcement', class: 'wd-announcement', href: base + '/help/tickets?lang=' + encodeURIComponent(lang) + '#announcements',
        target: '_blank', text: t('widget.announcement', latest.title) }), log);
    } catch (e) { /* the chat works without its banner */ }
  }

  function show(m) {
    if (m.conversationId !== conversationId) { conversationId = m.conversationId; seen.clear(); lastSeq = 0; log.replaceChildren(); ended(false); }
    if (seen.has(m.seq)) return;
    contact.dataset.sent = ''; // the server took the visitor's details
    seen.add(m.seq);
    lastSeq = Math.max(lastSeq, m.seq);
    const item = el('li', { class: 'wd-msg from-' + m.from, 'data-seq': m.seq },
      m.authorName ? el('div', { class: 'wd-author', text: m.authorName }) : '',
      el('div', { class: 'wd-text', text: m.text }));
    if (m.articles) {
      item.append(el('ul', { class: 'wd-articles' }, m.articles.map(a =>
        el('li', {}, el('a', { href: base + '/help/articles/' + encodeURIComponent(a.slug) + '?lang=' + encodeURIComponent(lang), target: '_blank', text: a.title })))));
    }
    if (m.buttons) {
      item.append(el('div', { class: 'wd-buttons' }, m.buttons.map(b => el('button', { type: 'button', 'data-action': b.action, text: b.label, onclick: () => act(b.action) }))));
    }
    if (m.attachment) item.append(attachment(m.attachment));
    if (m.buttons && m.buttons.some(b => b.action.startsWith('rate:'))) ended(true);
    // an agent's words machine-translated into the customer's language: marked, with the original a click away
    if (m.original) {
      item.append(el('details', { class: 'wd-original' }, el('summary', { text: t('widget.machine', m.original.provider) }),
        el('div', { lang: m.original.language, text: m.original.text }),
        el('button', { type: 'button', class: 'wd-unclear', text: t('widget.unclear'), onclick: () => {
          client.send('/app/chat.unclear', { conversationId: m.conversationId, seq: m.seq });
          note.textContent = t('widget.unclear.sent');
        } })));
    }
    if (m.from === 'customer') item.append(el('span', { class: 'wd-receipt', text: t('widget.sent') }));
    const after = [...log.children].find(li => Number(li.dataset.seq) > m.seq);
    log.insertBefore(item, after || null);
    log.scrollTop = log.scrollHeight;
    if (m.from === 'agent' || m.from === 'system') file.closest('label').classList.add('ready');
    if (m.from !== 'customer' && client) client.send('/app/chat.read', { seq: m.seq });
  }

  function attachment(a) {
    const holder = el('div', { class: 'wd-attachment' });
    fetch(base + a.url, { headers: { Authorization: 'Bearer ' + token() } }).then(r => r.ok ? r.blob() : null).then(blob => {
      if (!blob) { holder.textContent = a.fileName; return; }
      const url = URL.createObjectURL(blob);
      holder.append(a.mediaType.startsWith('image/') ? el('img', { src: url, alt: a.fileName }) : el('a', { href: url, download: a.fileName, text: a.fileName }));
    });
    return holder;
  }

  function event(e) {
    if (e.type === 'typing') { typing.hidden = false; clearTimeout(event.timer); event.timer = setTimeout(() => { typing.hidden = true; }, 3000); }
    if (e.type === 'read') log.querySelectorAll('.from-customer').forEach(li => { if (Number(li.dataset.seq) <= e.seq) li.querySelector('.wd-receipt').textContent = t('widget.read'); });
    if (e.type === 'error') {
      note.textContent = e.message || e.code;
      if (contact.dataset.sent === '1') { contact.hidden = false; contact.dataset.sent = ''; } // refused: correct and send again
    }
  }

  function ended(yes) {
    endedBar.hidden = !yes;
    form.hidden = yes;
  }

  function act(action) {
    if (action === 'handover') client.send('/app/chat.handover', {});
    else if (action === 'signin') { signin.hidden = false; contact.hidden = true; }
    else if (action === 'contact') { contact.hidden = false; signin.hidden = true; contact.querySelector('input').focus(); }
    else if (action.startsWith('rate:')) {
      client.send('/app/chat.rate', { score: Number(action.slice(5)) });
      // one rating: the stars lock, the chosen one stays marked
      log.querySelectorAll('button[data-action^="rate:"]').forEach(b => { b.disabled = true; if (b.dataset.action === action) b.classList.add('chosen'); });
    }
  }

  async function upload() {
    if (!file.files.length || !conversationId) return;
    const form = new FormData();
    form.append('file', file.files[0]);
    const r = await fetch(base + '/api/v1/chats/' + conversationId + '/attachments',
      { method: 'POST', body: form, headers: { Authorization: 'Bearer ' + token(), 'Accept-Language': lang } });
    if (!r.ok) { const p = await r.json(); note.textContent = p.detail || p.code; }
    file.value = '';
  }

  // A visitor who cannot sign in says who they are and how to reach them; a person checks it before acting on an account.
  function contactForm() {
    const field = (id, key, type, autocomplete) => el('input', { id, type, autocomplete, 'aria-label': t(key), placeholder: t(key) });
    const name = field('wd-contact-name', 'widget.contact.name', 'text', 'name');
    const phone = field('wd-contact-phone', 'widget.contact.phone', 'tel', 'tel');
    const email = field('wd-contact-email', 'widget.contact.email', 'email', 'email');
    const form = el('form', { id: 'wd-chat-contact', class: 'wd-chat-signin', hidden: true },
      el('strong', { text: t('widget.contact.title') }), name, phone, email,
      el('small', { text: t('widget.contact.hint') }), el('button', { type: 'submit', text: t('widget.contact.send') }));
    form.addEventListener('submit', e => {
      e.preventDefault();
      note.textContent = '';
      form.dataset.sent = '1';
      form.hidden = true;
      client.send('/app/chat.contact', { name: name.value, phone: phone.value, email: email.value });
    });
    return form;
  }

  // Signing in mid-chat: the same visitor-id with a token makes the conversation the customer's.
  function signinForm() {
    const login = el('input', { id: 'wd-chat-login', autocomplete: 'username', 'aria-label': t('widget.login') , placeholder: t('widget.login') });
    const password = el('input', { id: 'wd-chat-password', type: 'password', autocomplete: 'current-password', 'aria-label': t('widget.password'), placeholder: t('widget.password') });
    const form = el('form', { id: 'wd-chat-signin', class: 'wd-chat-signin', hidden: true }, login, password,
      el('button', { type: 'submit', text: t('widget.signin') }));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const r = await fetch(base + '/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
        body: JSON.stringify({ login: login.value, password: password.value }) });
      const body = await r.json();
      if (!r.ok) { note.textContent = body.detail || body.code; return; }
      sessionStorage.setItem(tokenKey, body.token);
      form.hidden = true;
      const old = client;
      client = null;
      old.close(); // reconnects signed in; the conversation continues
      connect();
      setTimeout(() => client.send('/app/chat.handover', {}), 800);
    });
    return form;
  }
})();
