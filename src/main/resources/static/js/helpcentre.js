// The public help centre: search (the answer bot), articles, and troubleshooters that read the customer's account.
'use strict';
(() => {
  const main = document.getElementById('main');
  if (WD.token) WD.signin(() => {}); // shows "sign out"; the pages below work signed in or not
  const path = location.pathname.split('/').filter(Boolean); // ["help", "articles", slug] …
  const link = (href, text, attrs) => WD.el('a', Object.assign({ href: href + '?lang=' + encodeURIComponent(WD.lang), text }, attrs || {}));
  const nav = () => WD.el('p', { class: 'crumbs' }, link('/help', WD.t('kb.home')), ' · ', link('/help/tickets', WD.t('kb.mytickets')),
    ' · ', link('/help/contact', WD.t('visitor.title'), { id: 'contact-link' }),
    WD.strings['contact.hotline'] ? WD.el('span', { class: 'hotline', id: 'hotline', text: ' · ' + WD.t('contact.hotline') }) : '');

  // Someone who cannot sign in (or has no account) leaves a message with a phone number or e-mail address; the answer
  // goes there.
  function leaveMessage() {
    const field = (id, key, type, autocomplete, tag) => [WD.el('label', { for: id, text: WD.t(key) }),
      WD.el(tag || 'input', { id, type, autocomplete, maxlength: tag ? 5000 : 254 })];
    const [nameLabel, name] = field('visitor-name', 'visitor.name', 'text', 'name');
    const [phoneLabel, phone] = field('visitor-phone', 'visitor.phone', 'tel', 'tel');
    const [emailLabel, email] = field('visitor-email', 'visitor.email', 'email', 'email');
    const [messageLabel, message] = field('visitor-message', 'visitor.message', undefined, 'off', 'textarea');
    const result = WD.el('div', { id: 'visitor-result', 'aria-live': 'polite' });
    const button = WD.el('button', { type: 'submit', id: 'visitor-send', text: WD.t('visitor.send') });
    const form = WD.el('form', { class: 'card', id: 'visitor-form' }, WD.el('h1', { text: WD.t('visitor.title') }),
      WD.el('p', { text: WD.t('visitor.intro') }), nameLabel, name, phoneLabel, phone, emailLabel, email,
      WD.el('p', { class: 'muted', text: WD.t('visitor.hint') }), messageLabel, message, button, result,
      WD.strings['contact.hotline'] ? WD.el('p', { id: 'visitor-hotline', text: WD.t('contact.hotline') }) : '');
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        const r = await WD.call('POST', '/api/v1/visitor-messages',
          { name: name.value, phone: phone.value, email: email.value, message: message.value, language: WD.lang });
        button.disabled = true;
        WD.clear(result, WD.el('p', { class: 'notice', id: 'visitor-sent', text: WD.t('visitor.sent.' + r.answeredBy, r.ticketNumber) }));
      } catch (err) { WD.showError(result, err); }
    });
    WD.clear(main, nav(), form);
  }

  if (path[1] === 'articles' && path[2]) article(decodeURIComponent(path[2]));
  else if (path[1] === 'troubleshooters' && path[2]) troubleshooter(decodeURIComponent(path[2]));
  else if (path[1] === 'contact') leaveMessage();
  else home();

  async function home() {
    const question = WD.el('input', { id: 'search', type: 'search', maxlength: 1000, autocomplete: 'off',
      placeholder: WD.t('kb.search.placeholder'), 'aria-label': WD.t('kb.search.label') });
    const answers = WD.el('div', { id: 'answers', 'aria-live': 'polite' });
    const form = WD.el('form', { class: 'card', id: 'search-form', role: 'search' },
      WD.el('h1', { text: WD.t('kb.search.label') }), question, WD.el('button', { type: 'submit', text: WD.t('kb.search.button') }), answers);
    let timer = null;
    const search = async () => {
      const text = question.value.trim();
      if (!text) { answers.replaceChildren(); return; }
      try {
        const answer = await WD.call('POST', '/api/v1/answers', { question: text });
        if (!answer.articles.length) {
          WD.clear(answers, WD.el('p', { class: 'none', text: WD.t('kb.search.none') }));
          return;
        }
        WD.clear(answers, WD.el('ol', { class: 'results' }, answer.articles.map((a, i) => WD.el('li',
          { class: i === 0 && answer.confident ? 'best' : null },
          link('/help/articles/' + a.slug, a.title), i === 0 && answer.confident ? WD.el('span', { class: 'badge', text: WD.t('kb.best') }) : ''))));
      } catch (err) { WD.showError(answers, err); }
    };
    form.addEventListener('submit', e => { e.preventDefault(); search(); });
    question.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 350); });

    const fixes = WD.el('section', { class: 'card', id: 'troubleshooters' }, WD.el('h2', { text: WD.t('kb.troubleshooters') }));
    const library = WD.el('section', { class: 'card', id: 'articles' }, WD.el('h2', { text: WD.t('kb.articles') }));
    WD.clear(main, nav(), form, fixes, library);
    question.focus();
    try {
      const list = await WD.call('GET', '/api/v1/troubleshooters');
      fixes.append(WD.el('ul', {}, list.map(t => WD.el('li', {}, link('/help/troubleshooters/' + t.id, t.title)))));
      const articles = await WD.call('GET', '/api/v1/articles?language=' + encodeURIComponent(WD.lang));
      const byCategory = {};
      articles.forEach(a => (byCategory[a.category] = byCategory[a.category] || []).push(a));
      Object.keys(byCategory).sort().forEach(c => library.append(WD.el('h3', { text: WD.t('kb.category.' + c) }),
        WD.el('ul', {}, byCategory[c].map(a => WD.el('li', {}, link('/help/articles/' + a.slug, a.title))))));
    } catch (err) { WD.showError(library, err); }
  }

  async function article(slug) {
    try {
      const a = await WD.call('GET', '/api/v1/articles/' + encodeURIComponent(slug) + '?language=' + encodeURIComponent(WD.lang));
      const body = WD.el('div', { class: 'article-body', id: 'article-body' });
      body.innerHTML = a.html; // rendered from Markdown and sanitised by the server (OWASP policy): no script survives
      document.title = a.title;
      WD.clear(main, nav(), WD.el('article', { class: 'card', id: 'article', lang: a.language },
        a.fallback ? WD.el('p', { class: 'notice', id: 'fallback-notice', text: WD.t('kb.fallback') }) : '',
        WD.el('h1', { text: a.title }), body,
        WD.el('p', { class: 'muted', text: WD.t('kb.updated') + ' ' + WD.time(a.updatedAt) })),
        WD.el('p', {}, link('/help/tickets', WD.t('kb.still'))));
    } catch (err) { WD.clear(main, nav()); main.append(WD.el('div', { class: 'card' })); WD.showError(main.lastChild, err); }
  }

  async function troubleshooter(id) {
    const all = await WD.call('GET', '/api/v1/troubleshooters');
    const t = all.find(x => x.id === id);
    if (!t) { WD.clear(main, nav(), WD.el('p', { class: 'error', role: 'alert', text: WD.t('kb.notfound') })); return; }
    if (t.needsSignIn && !WD.token) {
      WD.signin(() => {});
      main.prepend(nav(), WD.el('p', { class: 'notice', id: 'signin-needed', text: WD.t('kb.signin.needed') }));
      return;
    }
    const result = WD.el('div', { id: 'diagnosis', 'aria-live': 'polite' });
    const fields = [];
    const facts = () => ({});
    let read = facts;
    let askForCode = () => {};
    if (id === 'cannot-log-in' && !WD.token) {
      const login = WD.el('input', { id: 'ts-login', autocomplete: 'username', required: true });
      // Account-specific findings only after the code sent to the registered phone or e-mail is typed in.
      const code = WD.el('input', { id: 'ts-code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6 });
      const codeLabel = WD.el('label', { for: 'ts-code', text: WD.t('kb.code') });
      codeLabel.hidden = code.hidden = true;
      askForCode = () => { codeLabel.hidden = code.hidden = false; code.focus(); };
      fields.push(WD.el('label', { for: 'ts-login', text: WD.t('kb.login') }), login, codeLabel, code);
      read = () => (code.value.trim() ? { login: login.value, code: code.value.trim() } : { login: login.value });
    }
    if (id === 'transaction-not-found') {
      const amount = WD.el('input', { id: 'ts-amount', inputmode: 'decimal', pattern: '[0-9]+([.,][0-9]{1,2})?' });
      const currency = WD.el('select', { id: 'ts-currency' }, ['CNY', 'EUR', 'USD'].map(c => WD.el('option', { value: c, text: c })));
      fields.push(WD.el('label', { for: 'ts-amount', text: WD.t('kb.amount') }), amount, currency);
      read = () => {
        const major = amount.value.trim().replace(',', '.');
        return major ? { amount: Math.round(Number(major) * 100), currency: currency.value } : {};
      };
    }
    const form = WD.el('form', { class: 'card', id: 'troubleshooter' }, WD.el('h1', { text: t.title }), fields,
      WD.el('div', {}, WD.el('button', { type: 'submit', id: 'run', text: WD.t('kb.check') })), result);
    const run = async () => {
      try { show(await WD.call('POST', '/api/v1/troubleshooters/' + id + '/diagnosis', read()), read); }
      catch (err) { WD.showError(result, err); }
    };
    form.addEventListener('submit', e => { e.preventDefault(); run(); });
    WD.clear(main, nav(), form);
    if (!fields.length) run(); // nothing to ask: look at the account straight away

    function show(d, readFacts) {
      const items = d.findings.map(f => WD.el('li', { class: f.explains ? 'finding explains' : 'finding', 'data-code': f.code },
        WD.el('p', { text: f.message }),
        f.articles.length ? WD.el('p', { class: 'muted' }, WD.t('kb.read') + ' ', f.articles.map((a, i) =>
          [i ? ', ' : '', link('/help/articles/' + a.slug, a.title)]).flat()) : ''));
      const parts = [WD.el('h2', { text: WD.t(d.explained ? 'kb.explained' : 'kb.unexplained') }), WD.el('ul', { id: 'findings' }, items)];
      if (id === 'cannot-log-in' && d.findings.some(f => f.explains)) parts.push(onward());
      if (d.ticketOffered) parts.push(ticketForm(readFacts));
      if (d.findings.some(f => f.code === 'code_sent')) askForCode();
      WD.clear(result, parts);
    }

    // Someone who cannot sign in: the ways on from here, without an account.
    function onward() {
      return WD.el('div', { class: 'card', id: 'onward' }, WD.el('h2', { text: WD.t('kb.onward') }),
        WD.el('p', {}, link('/help/tickets', WD.t('kb.onward.recover'), { id: 'onward-recover', href: '/help/tickets?lang=' + encodeURIComponent(WD.lang) + '#recover' })),
        WD.el('p', {}, link('/help/contact', WD.t('visitor.link'), { id: 'onward-message' })),
        WD.el('p', { id: 'onward-chat', text: WD.t('visitor.chat') }),
        WD.strings['contact.hotline'] ? WD.el('p', { id: 'onward-hotline', text: WD.t('contact.hotline') }) : '');
    }

    function ticketForm(readFacts) {
      const description = WD.el('textarea', { id: 'ts-description', maxlength: 5000 });
      const note = WD.el('div', { id: 'ticket-opened', 'aria-live': 'polite' });
      const button = WD.el('button', { type: 'button', id: 'open-ticket', text: WD.t('kb.ticket.open') });
      button.addEventListener('click', async () => {
        try {
          const opened = await WD.call('POST', '/api/v1/troubleshooters/' + id + '/tickets',
            Object.assign(readFacts(), { description: description.value }));
          button.disabled = true;
          WD.clear(note, WD.el('p', { class: 'notice' }, WD.t('kb.ticket.opened', opened.number), ' ', link('/help/tickets', WD.t('kb.mytickets'))));
        } catch (err) { WD.showError(note, err); }
      });
      return WD.el('div', { class: 'ticket-offer' }, WD.el('p', { text: WD.t('kb.ticket.offer') }),
        WD.el('label', { for: 'ts-description', text: WD.t('kb.ticket.describe') }), description, button, note);
    }
  }
})();
