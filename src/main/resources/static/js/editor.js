// The knowledge-base editor of the agent console: every article with its status, one translation at a time
// (title, search keywords, Markdown body, draft or published), a safe preview, and the edit history.
'use strict';
WD.signin(main => {
  const list = WD.el('section', { class: 'card', id: 'article-list' });
  const editor = WD.el('section', { class: 'card', id: 'article-editor' });
  const slugInput = WD.el('input', { id: 'new-slug', pattern: '[a-z0-9]+(-[a-z0-9]+)*', maxlength: 60, required: true });
  const create = WD.el('form', { class: 'row', id: 'new-article' },
    WD.el('label', { for: 'new-slug', text: WD.t('editor.new') }), slugInput, WD.el('button', { type: 'submit', text: WD.t('editor.open') }));
  create.addEventListener('submit', e => { e.preventDefault(); open(slugInput.value.trim(), WD.lang); });
  WD.clear(main, WD.el('p', {}, WD.el('a', { href: '/agent?lang=' + encodeURIComponent(WD.lang), text: WD.t('editor.back') })),
    WD.el('div', { class: 'grid two' }, list, editor));

  async function loadList() {
    try {
      const articles = await WD.call('GET', '/api/v1/staff/articles');
      WD.clear(list, WD.el('h1', { text: WD.t('editor.title') }), create, WD.el('table', {}, WD.el('tbody', {}, articles.map(a =>
        WD.el('tr', { class: 'selectable', tabindex: 0, 'data-slug': a.slug, onclick: () => open(a.slug, WD.lang),
          onkeydown: e => { if (e.key === 'Enter') open(a.slug, WD.lang); } },
          WD.el('td', { text: a.title }), WD.el('td', { text: a.slug }),
          WD.el('td', {}, WD.el('span', { class: 'badge', text: WD.t('editor.status.' + a.status) })),
          WD.el('td', { text: a.languages.join(' ') }))))));
    } catch (err) { WD.showError(list, err); }
  }

  async function open(slug, language) {
    let article = null;
    try { article = await WD.call('GET', '/api/v1/staff/articles/' + encodeURIComponent(slug) + '/' + encodeURIComponent(language)); }
    catch (err) { if (err.code !== 'article_not_found') { WD.showError(editor, err); return; } }
    const lang = WD.el('select', { id: 'ed-language' }, ['zh-CN', 'en', 'fr', 'de'].map(l => WD.el('option', { value: l, text: l, selected: l === language })));
    lang.addEventListener('change', () => open(slug, lang.value));
    const title = WD.el('input', { id: 'ed-title', maxlength: 200, required: true, value: article ? article.title : '' });
    const category = WD.el('select', { id: 'ed-category' }, ['account', 'payments', 'withdrawals', 'security', 'disputes', 'general']
      .map(c => WD.el('option', { value: c, text: WD.t('kb.category.' + c), selected: article ? article.category === c : c === 'general' })));
    const status = WD.el('select', { id: 'ed-status' }, ['draft', 'published']
      .map(s => WD.el('option', { value: s, text: WD.t('editor.status.' + s), selected: article ? article.status === s : s === 'draft' })));
    const keywords = WD.el('input', { id: 'ed-keywords', maxlength: 2000, value: article ? article.keywords : '' });
    const body = WD.el('textarea', { id: 'ed-body', rows: 14, maxlength: 50000, required: true });
    body.value = article ? article.body : '';
    const note = WD.el('div', { id: 'ed-note', 'aria-live': 'polite' });
    const preview = WD.el('div', { class: 'article-body', id: 'ed-preview' });
    if (article) preview.innerHTML = article.html; // sanitised by the server
    const history = WD.el('ol', { id: 'ed-history' });
    const form = WD.el('form', { class: 'stack', id: 'ed-form' },
      WD.el('h2', { text: slug }), WD.el('label', { for: 'ed-language', text: WD.t('editor.language') }), lang,
      WD.el('label', { for: 'ed-title', text: WD.t('editor.field.title') }), title,
      WD.el('label', { for: 'ed-category', text: WD.t('editor.field.category') }), category,
      WD.el('label', { for: 'ed-status', text: WD.t('editor.field.status') }), status,
      WD.el('label', { for: 'ed-keywords', text: WD.t('editor.field.keywords') }), keywords,
      WD.el('label', { for: 'ed-body', text: WD.t('editor.field.body') }), body,
      WD.el('div', {}, WD.el('button', { type: 'submit', id: 'ed-save', text: WD.t('editor.save') })), note);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        const saved = await WD.call('PUT', '/api/v1/staff/articles/' + encodeURIComponent(slug) + '/' + encodeURIComponent(lang.value),
          { title: title.value, body: body.value, keywords: keywords.value, category: category.value, status: status.value });
        preview.innerHTML = saved.html;
        WD.clear(note, WD.el('p', { class: 'notice', text: WD.t('editor.saved') }));
        loadList(); loadHistory();
      } catch (err) { WD.showError(note, err); }
    });
    async function loadHistory() {
      try {
        const revisions = await WD.call('GET', '/api/v1/staff/articles/' + encodeURIComponent(slug) + '/' + encodeURIComponent(lang.value) + '/history');
        WD.clear(history, revisions.map(r => WD.el('li', { text: WD.time(r.savedAt) + ' · ' + r.title })));
      } catch (err) { history.replaceChildren(); }
    }
    WD.clear(editor, form, WD.el('h3', { text: WD.t('editor.preview') }), preview, WD.el('h3', { text: WD.t('editor.history') }), history);
    if (article) loadHistory();
  }

  loadList();
});
