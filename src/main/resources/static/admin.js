// The admin page: asks for the admin API key (kept in sessionStorage for this tab only) and shows
// what the archive holds through /api/admin. Archive text is inserted with textContent only.
(function () {
  'use strict';
  var PAGE = 20;
  var offset = 0;
  var $ = function (id) { return document.getElementById(id); };

  function key() { return sessionStorage.getItem('newsqa-admin-key') || ''; }

  function call(method, path) {
    return fetch(path, { method: method, headers: { 'X-Api-Key': key(), Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 204) { return null; }
        return response.json().then(function (body) {
          if (!response.ok) { throw new Error(body.detail || body.title || ('HTTP ' + response.status)); }
          return body;
        });
      });
  }

  function cell(text) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    return td;
  }

  /** A cell of archive text (titles, outlets) in either script: its own direction, not the page's. */
  function textCell(text) {
    var td = cell(text);
    td.dir = 'auto';
    return td;
  }

  function fillCounts(tbody, counts, archiveText) {
    tbody.textContent = '';
    Object.keys(counts).forEach(function (name) {
      var tr = document.createElement('tr');
      tr.appendChild(archiveText ? textCell(name) : cell(name));
      tr.appendChild(cell(counts[name]));
      tbody.appendChild(tr);
    });
  }

  function showOverview() {
    return call('GET', '/api/admin/archive').then(function (overview) {
      $('articles').textContent = overview.articles;
      $('chunks').textContent = overview.chunks;
      fillCounts($('languages'), overview.facets.languages);
      fillCounts($('sources'), overview.facets.sources, true);
      $('overview').hidden = false;
    });
  }

  function showPage() {
    return call('GET', '/api/admin/articles?offset=' + offset + '&limit=' + PAGE).then(function (page) {
      var tbody = $('list');
      tbody.textContent = '';
      page.articles.forEach(function (article) {
        var tr = document.createElement('tr');
        tr.appendChild(textCell(article.title));
        tr.appendChild(cell(article.language));
        tr.appendChild(textCell(article.source));
        tr.appendChild(cell(article.publishedAt ? article.publishedAt.slice(0, 10) : '—'));
        tr.appendChild(cell(article.ingestedAt ? new Date(article.ingestedAt).toLocaleString() : '—'));
        var actions = document.createElement('td');
        var remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = 'Delete';
        remove.setAttribute('aria-label', 'Delete “' + article.title + '”');
        remove.addEventListener('click', function () {
          if (!confirm('Delete “' + article.title + '” from the archive?')) { return; }
          call('DELETE', '/api/admin/articles/' + encodeURIComponent(article.id)).then(refresh, report);
        });
        actions.appendChild(remove);
        tr.appendChild(actions);
        tbody.appendChild(tr);
      });
      var last = Math.min(offset + page.articles.length, page.total);
      $('page').textContent = page.total ? (offset + 1) + '–' + last + ' of ' + page.total : 'no articles';
      $('newer').disabled = offset === 0;
      $('older').disabled = last >= page.total;
    });
  }

  function report(error) {
    $('status').textContent = error.message;
    $('status').className = 'error';
  }

  function refresh() {
    $('status').textContent = 'Loading…';
    $('status').className = '';
    return showOverview().then(showPage).then(function () { $('status').textContent = ''; }, report);
  }

  $('key-form').addEventListener('submit', function (event) {
    event.preventDefault();
    // Errors said about the previous key; each section clears its own on this event too.
    sessionStorage.setItem('newsqa-admin-key', $('api-key').value.trim());
    offset = 0;
    refresh();
  });
  $('newer').addEventListener('click', function () { offset = Math.max(0, offset - PAGE); showPage().catch(report); });
  $('older').addEventListener('click', function () { offset += PAGE; showPage().catch(report); });
  if (key()) { refresh(); }
  // For the page's other sections (their own scripts): the same authenticated call and cell.
  window.newsqaAdmin = { call: call, cell: cell };
})();
