// The admin page's evaluation figures (GET /api/admin/eval, written by `eval --json`) and the
// re-index button (POST /api/admin/reindex, progress from GET /api/admin/reindex). Uses the
// authenticated call of admin.js; loads when the key is given, like the rest of the page.
(function () {
  'use strict';
  var admin = window.newsqaAdmin;
  var $ = function (id) { return document.getElementById(id); };
  var POLL_MS = 1000;

  function figure(value) { return typeof value === 'number' ? value.toFixed(3) : '—'; }
  function millis(value) { return typeof value === 'number' ? value.toFixed(1) : '—'; }

  function showEvaluation() {
    return admin.call('GET', '/api/admin/eval').then(function (report) {
      var tbody = $('eval-results');
      tbody.textContent = '';
      report.results.forEach(function (r) {
        var tr = document.createElement('tr');
        [r.questionSet, r.method, r.archive, r.questions, figure(r.recallAt1), figure(r.recallAt5),
          figure(r.recallAt10), figure(r.mrr), millis(r.p50Millis), millis(r.p95Millis)].forEach(function (value) {
          tr.appendChild(admin.cell(value));
        });
        tbody.appendChild(tr);
      });
      $('eval-none').textContent = '';
      $('eval-table').hidden = false;
    }, function (error) {
      $('eval-table').hidden = true;
      $('eval-none').textContent = error.message;
    });
  }

  function describe(status) {
    if (status.state === 'IDLE') { return 'No re-index since the server started.'; }
    var text = status.reindexed + ' of ' + status.total + ' articles re-indexed';
    if (status.failed) { text += ', ' + status.failed + ' failed (' + status.lastError + ')'; }
    return status.state === 'RUNNING' ? text + '…' : text + (status.state === 'DONE' ? '. Done.' : '. Finished with failures.');
  }

  function follow() {
    return admin.call('GET', '/api/admin/reindex').then(function (status) {
      $('reindex-status').textContent = describe(status);
      $('reindex').disabled = status.state === 'RUNNING';
      if (status.state === 'RUNNING') { setTimeout(follow, POLL_MS); }
    }, function (error) { $('reindex-status').textContent = error.message; });
  }

  function load() {
    $('maintenance').hidden = false;
    showEvaluation();
    follow();
  }

  $('reindex').addEventListener('click', function () {
    if (!confirm('Re-chunk and re-embed every stored article?')) { return; }
    $('reindex').disabled = true;
    admin.call('POST', '/api/admin/reindex').then(follow, function (error) {
      $('reindex-status').textContent = error.message;
      follow();
    });
  });
  $('key-form').addEventListener('submit', function () {
    $('eval-none').textContent = '';
    $('reindex-status').textContent = '';
    setTimeout(load, 0);
  });
  if (sessionStorage.getItem('newsqa-admin-key')) { load(); }
})();
