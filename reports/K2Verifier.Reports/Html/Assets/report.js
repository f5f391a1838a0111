(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var rows = data.rows;
  var details = data.details;
  var limit = data.displayLimit;
  var tbody = document.querySelector('#requests-table tbody');
  var count = document.getElementById('request-count');
  var search = document.getElementById('filter-text');
  var runFilter = document.getElementById('filter-run');
  var kindFilter = document.getElementById('filter-kind');
  var categoryFilter = document.getElementById('filter-category');
  var state = { key: 'run', descending: false };
  var numeric = { index: true, duration: true, attempts: true };
  var columns = ['run', 'index', 'category', 'status', 'finish', 'baseline', 'outcome', 'verdict', 'error', 'path', 'answer', 'duration', 'attempts', 'wire'];

  function addOptions(select, values) {
    values.forEach(function (value) {
      var option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    });
  }

  function text(row) {
    return [row.index, row.category, row.finish, row.baseline, row.outcome, row.error, row.path, row.message, row.answer, row.wire]
      .filter(function (v) { return v !== null && v !== undefined; }).join(' ').toLowerCase();
  }

  function matches(row, needle) {
    if (runFilter.value && row.run !== runFilter.value) { return false; }
    if (categoryFilter.value && row.category !== categoryFilter.value) { return false; }
    if (kindFilter.value && row.kinds.indexOf(kindFilter.value) < 0) { return false; }
    return !needle || row.search.indexOf(needle) >= 0;
  }

  function compare(a, b) {
    var x = a[state.key], y = b[state.key];
    var result;
    if (x === y) { result = 0; }
    else if (x === null || x === undefined) { result = 1; }
    else if (y === null || y === undefined) { result = -1; }
    else if (numeric[state.key]) { result = x - y; }
    else { result = String(x).localeCompare(String(y)); }
    if (result === 0) { result = (a.order - b.order); return result; }
    return state.descending ? -result : result;
  }

  function cell(tr, value, className) {
    var td = document.createElement('td');
    td.textContent = value === null || value === undefined ? '' : String(value);
    if (td.textContent) { td.title = td.textContent; }
    if (className) { td.className = className; }
    tr.appendChild(td);
  }

  function render() {
    var needle = search.value.trim().toLowerCase();
    var shown = rows.filter(function (row) { return matches(row, needle); }).sort(compare);
    var fragment = document.createDocumentFragment();
    shown.slice(0, limit).forEach(function (row) {
      var tr = document.createElement('tr');
      tr.tabIndex = 0;
      tr.dataset.order = String(row.order);
      cell(tr, row.run);
      cell(tr, row.index, 'num');
      cell(tr, row.category);
      cell(tr, row.status, row.status === 'failed' ? 'kind-failed' : null);
      cell(tr, row.finish);
      cell(tr, row.baseline);
      cell(tr, row.outcome);
      cell(tr, row.verdict, row.verdict === 'invalid' ? 'kind-invalid' : null);
      cell(tr, row.error);
      cell(tr, row.path);
      cell(tr, row.answer !== null ? row.answer : row.message, 'answer');
      cell(tr, row.duration, 'num');
      cell(tr, row.attempts, 'num');
      cell(tr, row.wire);
      tr.addEventListener('click', function () { show(row, tr); });
      tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') { show(row, tr); } });
      fragment.appendChild(tr);
    });
    tbody.replaceChildren(fragment);
    count.textContent = shown.length > limit
      ? 'Showing the first ' + limit + ' of ' + shown.length + ' matching requests (of ' + rows.length + '); narrow the filter to see the rest.'
      : 'Showing ' + shown.length + ' of ' + rows.length + ' requests.';
    document.querySelectorAll('#requests-table th[data-key]').forEach(function (th) {
      th.setAttribute('aria-sort', th.dataset.key === state.key ? (state.descending ? 'descending' : 'ascending') : 'none');
    });
  }

  function list(element, items) {
    element.replaceChildren();
    items.forEach(function (item) {
      var li = document.createElement('li');
      li.textContent = item;
      element.appendChild(li);
    });
  }

  function show(row, tr) {
    document.querySelectorAll('#requests-table tr.selected').forEach(function (r) { r.classList.remove('selected'); });
    tr.classList.add('selected');
    var panel = document.getElementById('detail');
    document.getElementById('detail-title').textContent = row.run + ' · data_index ' + row.index;
    var facts = ['status: ' + row.status, 'finish_reason: ' + (row.finish || '–'), 'baseline: ' + (row.baseline || '–'),
      'outcome: ' + (row.outcome || '–'), 'verdict: ' + row.verdict, 'attempts: ' + row.attempts, 'duration: ' + row.duration + ' ms'];
    document.getElementById('detail-facts').textContent = facts.join(' · ');
    var detail = row.detail === null ? null : details[row.detail];
    list(document.getElementById('detail-checks'), detail ? detail.checks : (row.message ? [row.message] : []));
    document.getElementById('detail-request').textContent = detail ? detail.request : 'Not embedded: this report keeps the request and response of the first ' + data.detailedRows + ' problem requests only (see requests.csv and the results file).';
    document.getElementById('detail-response').textContent = detail ? (detail.response === null ? '(no response recorded)' : detail.response) : '';
    document.getElementById('detail-truncated').hidden = !(detail && detail.truncated);
    panel.hidden = false;
    panel.scrollIntoView({ block: 'nearest' });
  }

  rows.forEach(function (row, i) { row.order = i; row.search = text(row); });
  addOptions(runFilter, data.runs);
  addOptions(categoryFilter, data.categories);
  categoryFilter.parentElement.hidden = data.categories.length === 0;
  runFilter.parentElement.hidden = data.runs.length < 2;
  [search, runFilter, kindFilter, categoryFilter].forEach(function (control) {
    // 'input' only (selects send it too): a search box's 'change' comes on blur, i.e. at the mousedown of a click on a
    // row, and rendering then replaced the row under the pointer, so that first click opened nothing.
    control.addEventListener('input', render);
  });
  document.querySelectorAll('#requests-table th[data-key] button').forEach(function (button) {
    button.addEventListener('click', function () {
      var key = button.parentElement.dataset.key;
      state.descending = state.key === key ? !state.descending : false;
      state.key = key;
      render();
    });
  });
  // A wire example link: show that run's row in the requests table and open it.
  document.querySelectorAll('a.wire-example').forEach(function (link) {
    link.addEventListener('click', function () {
      runFilter.value = data.runs.length < 2 ? '' : link.dataset.run;
      kindFilter.value = '';
      categoryFilter.value = '';
      search.value = link.dataset.index;
      render();
      var target = null;
      tbody.querySelectorAll('tr').forEach(function (tr) {
        var row = rows[Number(tr.dataset.order)];
        if (row.run === link.dataset.run && String(row.index) === link.dataset.index) { target = tr; }
      });
      if (target) { show(rows[Number(target.dataset.order)], target); }
    });
  });
  if (columns.length !== document.querySelectorAll('#requests-table th').length) {
    console.warn('k2verifier report: column mismatch');
  }
  render();
}());
