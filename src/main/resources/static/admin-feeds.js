// The Feeds section of the admin page: registered RSS/Atom feeds with the status of their last
// poll, and forms to register, poll now, pause/resume and delete, through /api/admin/feeds. It
// uses the admin key admin.js keeps in sessionStorage. Feed text (URLs, errors) is inserted with
// textContent only.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };

  function request(method, path, body) {
    var headers = { 'X-Api-Key': sessionStorage.getItem('newsqa-admin-key') || '', Accept: 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (response.status === 204) { return null; }
        return response.json().then(function (json) {
          if (!response.ok) { throw new Error(json.detail || json.title || ('HTTP ' + response.status)); }
          return json;
        });
      });
  }

  function say(text, isError) {
    $('feeds-status').textContent = text;
    $('feeds-status').className = isError ? 'error' : '';
  }

  function fail(error) { say(error.message, true); }

  function when(instant) { return instant ? new Date(instant).toLocaleString() : '—'; }

  function td(text) {
    var cell = document.createElement('td');
    cell.textContent = text == null ? '' : String(text);
    return cell;
  }

  function action(label, ariaLabel, onClick) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.setAttribute('aria-label', ariaLabel);
    button.addEventListener('click', onClick);
    return button;
  }

  function row(feed) {
    var tr = document.createElement('tr');
    tr.dataset.feedId = feed.id;
    tr.appendChild(td(feed.url));
    tr.appendChild(td((feed.lastStatus || 'not polled yet') + (feed.enabled ? '' : ' (paused)')));
    tr.appendChild(td(when(feed.lastPolledAt)));
    tr.appendChild(td(feed.itemsAdded));
    tr.appendChild(td(feed.enabled ? when(feed.nextPollAt) : '—'));
    tr.appendChild(td(feed.lastError || ''));
    var actions = document.createElement('td');
    actions.appendChild(action('Poll now', 'Poll ' + feed.url + ' now', function () {
      say('Polling ' + feed.url + '…');
      request('POST', '/api/admin/feeds/' + feed.id + '/poll').then(function (outcome) {
        say(feed.url + ': ' + outcome.status + ', ' + outcome.itemsAdded + ' new article(s)'
          + (outcome.message ? ' — ' + outcome.message : ''), outcome.status === 'error');
        return showFeeds();
      }).catch(fail);
    }));
    actions.appendChild(action(feed.enabled ? 'Pause' : 'Resume', (feed.enabled ? 'Pause ' : 'Resume ') + feed.url, function () {
      request('PATCH', '/api/admin/feeds/' + feed.id, { enabled: !feed.enabled }).then(showFeeds).catch(fail);
    }));
    actions.appendChild(action('Delete', 'Delete ' + feed.url, function () {
      if (!confirm('Stop polling ' + feed.url + '? Its articles stay in the archive.')) { return; }
      request('DELETE', '/api/admin/feeds/' + feed.id).then(showFeeds).catch(fail);
    }));
    tr.appendChild(actions);
    return tr;
  }

  function showFeeds() {
    return request('GET', '/api/admin/feeds').then(function (list) {
      $('feeds-polling').textContent = list.scheduledPolling
        ? 'Each feed is polled every ' + Math.round(list.pollIntervalSeconds / 60) + ' min; failing feeds are retried less often.'
        : 'Scheduled polling is off (newsqa.feeds.enabled=false): feeds are polled only with "Poll now".';
      var tbody = $('feed-list');
      tbody.textContent = '';
      list.feeds.forEach(function (feed) { tbody.appendChild(row(feed)); });
      if (!list.feeds.length) {
        var empty = document.createElement('tr');
        var cell = td('No feeds registered.');
        cell.colSpan = 7;
        empty.appendChild(cell);
        tbody.appendChild(empty);
      }
      $('feeds').hidden = false;
    });
  }

  $('feed-form').addEventListener('submit', function (event) {
    event.preventDefault();
    request('POST', '/api/admin/feeds', { url: $('feed-url').value }).then(function (feed) {
      $('feed-url').value = '';
      say('Registered ' + feed.url + '. Poll it now, or it is polled on schedule.');
      return showFeeds();
    }).catch(fail);
  });
  // admin.js stores the key on this form's submit; this listener runs after it.
  $('key-form').addEventListener('submit', function () {
    say('');
    showFeeds().catch(fail);
  });
  if (sessionStorage.getItem('newsqa-admin-key')) { showFeeds().catch(fail); }
})();
