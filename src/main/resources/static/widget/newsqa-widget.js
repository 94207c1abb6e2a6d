/*
 * NewsQA chat widget. Add it to any page with one tag:
 *
 *   <script src="https://newsqa.example/widget/newsqa-widget.js" defer
 *           data-endpoint="https://newsqa.example" data-title="اسأل الأرشيف"
 *           data-lang="ar" data-color="#0b6e4f"></script>
 *
 * Vanilla JavaScript, no framework, no build step. Answers stream in from POST /api/ask/stream
 * (server-sent events read with fetch and a ReadableStream; a `discard` event withdraws the text
 * so far). The conversation is kept in sessionStorage, so it survives a reload of the page; the
 * server remembers it too (follow-up questions), and "new conversation" asks it to forget. Every piece of text that comes from the
 * archive or the reader is inserted as text (textContent / text nodes), never as HTML.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__newsqaWidget) {
    return; // loaded twice, or from a context without currentScript: do nothing rather than double up
  }
  window.__newsqaWidget = true;

  var TEXTS = {
    ar: {
      title: 'اسأل الأرشيف', open: 'افتح محادثة الأرشيف', close: 'أغلق المحادثة', send: 'أرسل',
      input: 'سؤالك عن الأخبار', placeholder: 'اكتب سؤالك…', reset: 'محادثة جديدة',
      sources: 'المصادر', working: 'يبحث في الأرشيف…', failed: 'تعذر الحصول على إجابة.',
      network: 'تعذر الاتصال بالخادم. تحقق من الاتصال وأعد المحاولة.', you: 'أنت', archive: 'الأرشيف',
      welcome: 'اسألني عن الأخبار في الأرشيف، وسأجيب مع ذكر المصادر.',
      published: 'تاريخ النشر: ', since: 'منذ ', until: 'حتى ', newestFirst: 'الأحدث أولًا'
    },
    en: {
      title: 'Ask the archive', open: 'Open the archive chat', close: 'Close the chat', send: 'Send',
      input: 'Your question about the news', placeholder: 'Type your question…', reset: 'New conversation',
      sources: 'Sources', working: 'Searching the archive…', failed: 'No answer could be had.',
      network: 'The server could not be reached. Check the connection and try again.', you: 'You', archive: 'Archive',
      welcome: 'Ask me about the news in the archive; every answer names its sources.',
      published: 'Published: ', since: 'since ', until: 'until ', newestFirst: 'Newest first'
    }
  };

  var lang = (script.getAttribute('data-lang') || document.documentElement.lang || 'ar').slice(0, 2).toLowerCase();
  if (!TEXTS[lang]) {
    lang = 'en';
  }
  var t = TEXTS[lang];
  var dir = lang === 'ar' ? 'rtl' : 'ltr';
  var endpoint = (script.getAttribute('data-endpoint') || new URL(script.src, location.href).origin).replace(/\/+$/, '');
  var title = script.getAttribute('data-title') || t.title;
  var color = script.getAttribute('data-color');
  var storageKey = 'newsqa:' + endpoint + ':' + lang;

  // ---- state kept across reloads ----

  function load() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(storageKey));
      if (saved && Array.isArray(saved.messages)) {
        return saved;
      }
    } catch (e) { /* unreadable or unavailable storage: start afresh */ }
    return { conversationId: null, messages: [], open: false };
  }

  var state = load();

  function save() {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(state));
    } catch (e) { /* storage full or disabled: the conversation lives until the page closes */ }
  }

  // ---- building the DOM (elements and text nodes only) ----

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') {
        node.textContent = attrs[name];
      } else {
        node.setAttribute(name, attrs[name]);
      }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  var css = el('link', { rel: 'stylesheet', href: new URL('newsqa-widget.css', script.src).href });
  document.head.appendChild(css);

  var root = el('div', { 'class': 'nqa-root', dir: dir, lang: lang });
  if (color && /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|rgb\([0-9 ,.%]+\)|hsl\([0-9 ,.%deg]+\))$/.test(color)) {
    root.style.setProperty('--nqa-color', color);
  }
  var launcher = el('button', {
    type: 'button', 'class': 'nqa-launcher', 'aria-label': t.open, 'aria-expanded': 'false', 'aria-controls': 'nqa-panel'
  });
  launcher.appendChild(el('span', { 'aria-hidden': 'true', text: '💬' }));
  launcher.appendChild(el('span', { 'class': 'nqa-launcher-text', text: title }));

  var heading = el('h2', { id: 'nqa-title', 'class': 'nqa-title', text: title });
  var resetButton = el('button', { type: 'button', 'class': 'nqa-reset', text: t.reset });
  var closeButton = el('button', { type: 'button', 'class': 'nqa-close', 'aria-label': t.close, text: '×' });
  var log = el('div', { 'class': 'nqa-log', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'nqa-title', tabindex: '0' });
  var input = el('textarea', { id: 'nqa-input', 'class': 'nqa-input', rows: '2', maxlength: '2000', placeholder: t.placeholder });
  var sendButton = el('button', { type: 'submit', 'class': 'nqa-send', text: t.send });
  var form = el('form', { 'class': 'nqa-form' }, [
    el('label', { 'for': 'nqa-input', 'class': 'nqa-visually-hidden', text: t.input }), input, sendButton
  ]);
  var panel = el('div', { id: 'nqa-panel', 'class': 'nqa-panel', role: 'dialog', 'aria-labelledby': 'nqa-title', hidden: '' }, [
    el('div', { 'class': 'nqa-header' }, [heading, resetButton, closeButton]), log, form
  ]);
  root.appendChild(panel);
  root.appendChild(launcher);

  // ---- rendering messages ----

  function safeHref(url) {
    try {
      var parsed = new URL(url);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function formatDate(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) {
      return null;
    }
    return new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' })
        .format(date);
  }

  /** A calendar day "2026-12-06" as the reader writes it, whatever the browser's time zone. */
  function formatDay(day) {
    return new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB',
        { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(day + 'T00:00:00Z'));
  }

  /**
   * What time did to the search ("Published: 6 December 2026 (yesterday)", "Newest first (latest)"),
   * so the reader sees why the sources are from those days; null when nothing. 'to' is exclusive.
   */
  function appliedFilterText(applied) {
    if (!applied) {
      return null;
    }
    var words = applied.reason && applied.reason !== 'request' ? ' (' + applied.reason + ')' : '';
    if (applied.from || applied.to) {
      // The window's ends are midnights in the server's zone, written with its offset: their day is the first ten characters.
      var from = applied.from ? formatDay(applied.from.slice(0, 10)) : null;
      var last = null;
      if (applied.to) {
        var end = new Date(applied.to.slice(0, 10) + 'T00:00:00Z');
        end.setUTCDate(end.getUTCDate() - 1);
        last = formatDay(end.toISOString().slice(0, 10));
      }
      var range = from && last ? (from === last ? from : from + ' – ' + last) : from ? t.since + from : t.until + last;
      return t.published + range + words;
    }
    return applied.newestFirst ? t.newestFirst + words : null;
  }

  /** The answer text with each [n] as a link to source n of this message. */
  function answerParagraph(text, messageIndex) {
    var paragraph = el('p', { 'class': 'nqa-text' });
    var parts = text.split(/(\[\d+\])/);
    parts.forEach(function (part) {
      var marker = /^\[(\d+)\]$/.exec(part);
      if (marker) {
        paragraph.appendChild(el('a', {
          'class': 'nqa-marker', href: '#nqa-source-' + messageIndex + '-' + marker[1], text: part
        }));
      } else if (part) {
        paragraph.appendChild(document.createTextNode(part));
      }
    });
    return paragraph;
  }

  function sourceList(citations, messageIndex) {
    var list = el('ol', { 'class': 'nqa-sources', 'aria-label': t.sources });
    citations.forEach(function (citation) {
      var item = el('li', { id: 'nqa-source-' + messageIndex + '-' + citation.n, value: String(citation.n) });
      var href = citation.url ? safeHref(citation.url) : null;
      var name = href
          ? el('a', { 'class': 'nqa-source-title', href: href, target: '_blank', rel: 'noopener noreferrer', text: citation.title })
          : el('span', { 'class': 'nqa-source-title', text: citation.title });
      item.appendChild(name);
      var when = citation.publishedAt ? formatDate(citation.publishedAt) : null;
      var meta = [citation.source, when].filter(Boolean).join(' · ');
      if (meta) {
        item.appendChild(el('span', { 'class': 'nqa-source-meta', text: ' — ' + meta }));
      }
      if (citation.publishedAt) {
        item.setAttribute('data-published', citation.publishedAt);
      }
      list.appendChild(item);
    });
    return list;
  }

  function renderMessage(message, index) {
    var bubble = el('div', { 'class': 'nqa-message nqa-' + message.role });
    bubble.appendChild(el('span', { 'class': 'nqa-visually-hidden', text: (message.role === 'user' ? t.you : t.archive) + ': ' }));
    if (message.role === 'user') {
      bubble.appendChild(el('p', { 'class': 'nqa-text', text: message.text }));
    } else if (message.error) {
      bubble.classList.add('nqa-error');
      bubble.appendChild(el('p', { 'class': 'nqa-text', text: message.text }));
    } else {
      bubble.appendChild(answerParagraph(message.text, index));
      var applied = appliedFilterText(message.appliedFilter);
      if (applied) {
        bubble.appendChild(el('p', { 'class': 'nqa-applied', text: applied }));
      }
      if (message.citations && message.citations.length) {
        bubble.appendChild(el('h3', { 'class': 'nqa-visually-hidden', text: t.sources }));
        bubble.appendChild(sourceList(message.citations, index));
      }
    }
    return bubble;
  }

  function renderAll() {
    log.textContent = '';
    if (state.messages.length === 0) {
      log.appendChild(el('p', { 'class': 'nqa-welcome', text: t.welcome }));
    }
    state.messages.forEach(function (message, index) {
      log.appendChild(renderMessage(message, index));
    });
    log.scrollTop = log.scrollHeight;
  }

  // ---- opening and closing ----

  function setOpen(open, restoreFocus) {
    state.open = open;
    save();
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    root.classList.toggle('nqa-open', open);
    if (open) {
      log.scrollTop = log.scrollHeight;
      input.focus();
    } else if (restoreFocus) {
      launcher.focus();
    }
  }

  launcher.addEventListener('click', function () { setOpen(panel.hidden, true); });
  closeButton.addEventListener('click', function () { setOpen(false, true); });
  root.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !panel.hidden) {
      event.preventDefault();
      setOpen(false, true);
    }
  });
  /** Asks the server to forget the conversation; resolves either way (a new one starts regardless). */
  function forgetOnServer(conversationId) {
    if (!conversationId) {
      return Promise.resolve();
    }
    return fetch(endpoint + '/api/conversations/' + encodeURIComponent(conversationId), { method: 'DELETE' })
        .catch(function () { /* unreachable: the server keeps it, but the next question starts a new one */ });
  }

  resetButton.addEventListener('click', function () {
    if (busy) {
      return;
    }
    busy = true;
    resetButton.disabled = true;
    forgetOnServer(state.conversationId).then(function () {
      state.conversationId = null;
      state.messages = [];
      save();
      renderAll();
      busy = false;
      resetButton.disabled = false;
      input.focus();
    });
  });

  // ---- asking: POST /api/ask/stream, read server-sent events as they arrive ----

  var busy = false;

  function problemText(response) {
    return response.text().then(function (body) {
      try {
        var problem = JSON.parse(body);
        return problem.detail || problem.title || t.failed;
      } catch (e) {
        return t.failed + ' (' + response.status + ')';
      }
    });
  }

  /** Calls onEvent(name, data) for each complete event in the stream; resolves at its end. */
  function readEvents(response, onEvent) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder('utf-8');
    var buffer = '';
    function dispatch(block) {
      var name = 'message';
      var data = [];
      block.split(/\r?\n/).forEach(function (line) {
        if (line.indexOf('event:') === 0) {
          name = line.slice(6).trim();
        } else if (line.indexOf('data:') === 0) {
          data.push(line.slice(5).replace(/^ /, ''));
        }
      });
      if (data.length) {
        onEvent(name, JSON.parse(data.join('\n')));
      }
    }
    function pump() {
      return reader.read().then(function (chunk) {
        buffer += decoder.decode(chunk.value || new Uint8Array(), { stream: !chunk.done });
        var blocks = buffer.split(/\r?\n\r?\n/);
        buffer = blocks.pop();
        blocks.forEach(dispatch);
        if (chunk.done) {
          if (buffer.trim()) {
            dispatch(buffer);
          }
          return undefined;
        }
        return pump();
      });
    }
    return pump();
  }

  function ask(question) {
    busy = true;
    sendButton.disabled = true;
    log.setAttribute('aria-busy', 'true');
    state.messages.push({ role: 'user', text: question });
    save();
    renderAll();

    var pending = el('div', { 'class': 'nqa-message nqa-assistant nqa-pending' });
    var live = el('p', { 'class': 'nqa-text', text: t.working });
    pending.appendChild(live);
    log.appendChild(pending);
    log.scrollTop = log.scrollHeight;
    var streamed = '';
    var finished = false;

    function finish(message) {
      finished = true;
      state.messages.push(message);
      save();
    }

    fetch(endpoint + '/api/ask/stream', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ question: question, conversationId: state.conversationId })
    }).then(function (response) {
      if (!response.ok) {
        return problemText(response).then(function (detail) { finish({ role: 'assistant', error: true, text: detail }); });
      }
      return readEvents(response, function (name, data) {
        if (name === 'delta') {
          streamed += data.text;
          live.textContent = streamed;
          log.scrollTop = log.scrollHeight;
        } else if (name === 'discard') {
          // The model failed mid-answer: its text is withdrawn, the archive's own answer follows.
          streamed = '';
          live.textContent = t.working;
        } else if (name === 'answer') {
          state.conversationId = data.conversationId || state.conversationId;
          finish({ role: 'assistant', text: data.answer, citations: data.citations || [], found: data.found,
            appliedFilter: data.appliedFilter || null });
        } else if (name === 'error') {
          finish({ role: 'assistant', error: true, text: data.detail || t.failed });
        }
      }).then(function () {
        if (!finished) {
          finish({ role: 'assistant', error: true, text: t.failed });
        }
      });
    }).catch(function () {
      if (!finished) {
        finish({ role: 'assistant', error: true, text: t.network });
      }
    }).then(function () {
      busy = false;
      sendButton.disabled = false;
      renderAll();
      log.setAttribute('aria-busy', 'false');
      input.focus();
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var question = input.value.trim();
    if (!question || busy) {
      return;
    }
    input.value = '';
    ask(question);
  });
  input.addEventListener('keydown', function (event) {
    // Enter sends, Shift+Enter starts a new line.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : sendButton.click();
    }
  });

  function start() {
    document.body.appendChild(root);
    renderAll();
    if (state.open) {
      setOpen(true, false);
    }
  }

  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
})();
