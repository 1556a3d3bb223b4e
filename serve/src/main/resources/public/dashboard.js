// newsflow dashboard. Article text is untrusted: it only ever reaches the page through textContent
// (never innerHTML), links only through an http(s) check, and charts draw on canvas.
'use strict';

(function () {
  const MAX_FEED_ITEMS = 100;
  const STATS_REFRESH_MS = 15000;
  // A story is stored a moment after its article reaches the stream (stories stage, then store): look then.
  const STORIES_AFTER_ARTICLE_MS = 1500;
  const TOP_STORIES = '/api/stories?hours=24&limit=8';
  const SOURCES_REFRESH_MS = 5000;
  const feed = document.getElementById('feed');
  const feedEmpty = document.getElementById('feed-empty');
  const feedHeading = document.getElementById('feed-heading');
  const arrivals = [];
  const stories = document.getElementById('stories');
  const storiesEmpty = document.getElementById('stories-empty');
  const openStories = new Set();
  let storiesTimer = null;
  let searching = false;
  let stats = null;
  const charts = {};

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeUrl(url) {
    if (typeof url !== 'string') return null;
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function formatTime(iso) {
    if (!iso) return '';
    const date = new Date(iso);
    return isNaN(date) ? String(iso) : date.toLocaleString();
  }

  function articleItem(article, fresh) {
    const item = el('li', fresh ? 'fresh' : '');
    item.dataset.id = String(article.id);
    const title = el('span', 'title');
    const href = safeUrl(article.url);
    if (href) {
      const link = el('a', '', article.title);
      link.href = href;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      title.appendChild(link);
    } else {
      title.textContent = String(article.title);
    }
    item.appendChild(title);
    const meta = [article.source, formatTime(article.publishedAt), article.language,
      (article.countries || []).join(', ')].filter(Boolean).join(' · ');
    item.appendChild(el('div', 'meta', meta));
    if (article.summary) item.appendChild(el('p', 'summary', article.summary));
    const chips = el('div', 'chips');
    (article.entities || []).slice(0, 8).forEach(function (entity) {
      chips.appendChild(el('span', 'chip ' + (entity.type || ''), entity.name || entity.text));
    });
    if (chips.childElementCount) item.appendChild(chips);
    if (article.duplicateCount > 0) {
      const times = article.duplicateCount === 1 ? ' time' : ' times';
      item.appendChild(el('div', 'republished', 'republished ' + article.duplicateCount + times));
    }
    return item;
  }

  function showArticles(articles) {
    feed.replaceChildren();
    articles.forEach(function (article) { feed.appendChild(articleItem(article, false)); });
    feedEmpty.hidden = articles.length > 0;
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  function storyArticles(list, details) {
    list.replaceChildren();
    (details.articles || []).forEach(function (article) {
      const line = [article.title || article.id, article.source, article.language].filter(Boolean).join(' · ');
      const item = el('li', '', line);
      item.appendChild(el('span', 'why', ' (' + (article.decidedBy === 'duplicate' ? 'reprint' : article.decidedBy) + ')'));
      list.appendChild(item);
    });
  }

  function storyItem(ranked) {
    const story = ranked.story;
    const item = el('li');
    item.dataset.id = String(story.id);
    const details = el('details');
    const summary = el('summary');
    summary.appendChild(el('span', 'title', story.headline));
    const meta = [plural(story.articles, 'article'), plural(story.independentOutlets, 'outlet'),
      story.reprints ? plural(story.reprints, 'reprint') : null, (story.languages || []).join(', '),
      (story.countries || []).slice(0, 5).join(', '), formatTime(story.lastSeen)].filter(Boolean).join(' · ');
    summary.appendChild(el('div', 'meta', meta));
    const chips = el('div', 'chips');
    (story.topEntities || []).slice(0, 5).forEach(function (entity) {
      chips.appendChild(el('span', 'chip ' + (entity.type || ''), entity.name || entity.text));
    });
    if (chips.childElementCount) summary.appendChild(chips);
    details.appendChild(summary);
    const list = el('ol', 'story-articles');
    details.appendChild(list);
    details.addEventListener('toggle', function () {
      if (!details.open) { openStories.delete(story.id); return; }
      openStories.add(story.id);
      getJson('/api/stories/' + encodeURIComponent(story.id) + '?limit=20')
        .then(function (body) { storyArticles(list, body); })
        .catch(function (e) { list.replaceChildren(el('li', 'muted', e.message)); });
    });
    if (openStories.has(story.id)) details.open = true;
    item.appendChild(details);
    return item;
  }

  function loadStories() {
    return getJson(TOP_STORIES).then(function (body) {
      stories.replaceChildren();
      body.stories.forEach(function (ranked) { stories.appendChild(storyItem(ranked)); });
      storiesEmpty.hidden = body.stories.length > 0;
    }).catch(function (e) { console.warn('stories', e); });
  }

  function storiesSoon() {
    if (storiesTimer) return;
    storiesTimer = setTimeout(function () { storiesTimer = null; loadStories(); }, STORIES_AFTER_ARTICLE_MS);
  }

  function addLive(article) {
    arrivals.push({at: Date.now(), enrichedAt: Date.parse(article.enrichedAt)});
    updateGauges();
    countLive(article);
    storiesSoon();
    if (searching) return;
    const existing = feed.querySelector('li[data-id="' + CSS.escape(String(article.id)) + '"]');
    if (existing) existing.remove();
    feed.insertBefore(articleItem(article, true), feed.firstChild);
    while (feed.childElementCount > MAX_FEED_ITEMS) feed.lastChild.remove();
    feedEmpty.hidden = true;
  }

  function updateGauges() {
    const now = Date.now();
    while (arrivals.length && now - arrivals[0].at > 60000) arrivals.shift();
    document.getElementById('throughput').textContent = arrivals.length + ' / min';
    const last = arrivals[arrivals.length - 1];
    if (last && !isNaN(last.enrichedAt)) {
      document.getElementById('lag').textContent = Math.max(0, (last.at - last.enrichedAt) / 1000).toFixed(1) + ' s';
    }
  }

  function bump(list, key, name) {
    if (!key) return;
    const found = list.find(function (c) { return c.key === key; });
    if (found) found.count += 1; else list.push({key: key, count: 1, name: name || null});
    list.sort(function (a, b) { return b.count - a.count || (a.key < b.key ? -1 : 1); });
  }

  // Live articles count at once; the next stats refresh replaces these guesses with the database's counts.
  function countLive(article) {
    if (!stats) return;
    stats.originals += 1;
    bump(stats.byLanguage, article.language);
    (article.countries || []).forEach(function (c) { bump(stats.byCountry, c); });
    // one entity once, by its key (an article stored before keys: by its text), under its canonical name
    (article.entities || []).forEach(function (e) {
      const key = e.key || e.text;
      const name = e.name || e.text;
      if (e.type === 'PERSON') bump(stats.topPeople, key, name);
      if (e.type === 'ORGANIZATION') bump(stats.topOrganizations, key, name);
      if (e.type === 'LOCATION') bump(stats.topLocations, key, name);
    });
    renderStats();
  }

  function chart(id) {
    if (!window.echarts) return null;
    if (!charts[id]) charts[id] = window.echarts.init(document.getElementById(id), null, {renderer: 'canvas'});
    return charts[id];
  }

  // richText tooltips draw on canvas, so entity names never become HTML.
  const tooltip = {trigger: 'item', renderMode: 'richText'};

  function barChart(id, counts, horizontal) {
    const c = chart(id);
    if (!c) return;
    const top = counts.slice(0, 10);
    const keys = top.map(function (x) { return x.name || x.key; });
    const values = top.map(function (x) { return x.count; });
    const category = {type: 'category', data: horizontal ? keys.slice().reverse() : keys, axisLabel: {width: 110, overflow: 'truncate'}};
    const value = {type: 'value', minInterval: 1};
    c.setOption({
      tooltip: tooltip, animation: false,
      grid: {left: horizontal ? 120 : 40, right: 16, top: 10, bottom: 30},
      xAxis: horizontal ? value : category, yAxis: horizontal ? category : value,
      series: [{type: 'bar', data: horizontal ? values.slice().reverse() : values}]
    }, true);
  }

  function pieChart(id, counts) {
    const c = chart(id);
    if (!c) return;
    c.setOption({
      tooltip: tooltip, animation: false,
      series: [{type: 'pie', radius: ['35%', '70%'],
        data: counts.map(function (x) { return {name: x.key, value: x.count}; })}]
    }, true);
  }

  function hoursChart(id, hours) {
    const c = chart(id);
    if (!c) return;
    c.setOption({
      tooltip: {trigger: 'axis', renderMode: 'richText'}, animation: false,
      grid: {left: 40, right: 16, top: 10, bottom: 30},
      xAxis: {type: 'category', data: hours.map(function (h) { return h.hour.substring(5, 13).replace('T', ' ') + 'h'; })},
      yAxis: {type: 'value', minInterval: 1},
      series: [{type: 'bar', data: hours.map(function (h) { return h.count; })}]
    }, true);
  }

  function renderStats() {
    document.getElementById('total-count').textContent = String(stats.originals);
    document.getElementById('duplicate-count').textContent = String(stats.duplicates);
    pieChart('chart-languages', stats.byLanguage);
    barChart('chart-countries', stats.byCountry, false);
    barChart('chart-people', stats.topPeople, true);
    barChart('chart-organizations', stats.topOrganizations, true);
    barChart('chart-places', stats.topLocations, true);
    hoursChart('chart-hours', stats.perHour);
  }

  function getJson(url) {
    return fetch(url, {headers: {Accept: 'application/json'}}).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body && body.error ? body.error : 'HTTP ' + response.status);
        return body;
      });
    });
  }

  function loadStats() {
    return getJson('/api/stats?top=10&hours=48').then(function (body) {
      stats = body;
      renderStats();
    }).catch(function (e) { console.warn('stats', e); });
  }

  function loadLatest() {
    return getJson('/api/articles?limit=30').then(function (body) {
      if (!searching) showArticles(body.articles);
    }).catch(function (e) { console.warn('articles', e); });
  }

  // Polled sources: one row each, failing ones highlighted with their last error as the row's tooltip.
  function renderSources(sources) {
    const panel = document.getElementById('sources-panel');
    panel.hidden = sources.length === 0;
    const rows = document.querySelector('#sources tbody');
    rows.replaceChildren();
    let failing = 0;
    sources.forEach(function (source) {
      const row = el('tr', 'source ' + (source.state || ''));
      row.dataset.name = String(source.name);
      const name = el('td', 'name', source.name);
      name.title = String(source.location || '');
      row.appendChild(name);
      const state = source.state === 'failing'
        ? 'failing (' + source.failures + ')' : String(source.state || '');
      row.appendChild(el('td', 'state', state));
      row.appendChild(el('td', 'last-success', source.lastSuccessAt ? formatTime(source.lastSuccessAt) : 'never'));
      row.appendChild(el('td', 'today', source.itemsToday));
      row.appendChild(el('td', 'total', source.itemsTotal));
      if (source.state === 'failing') {
        failing += 1;
        row.title = String(source.lastError || '');
      }
      rows.appendChild(row);
    });
    document.getElementById('sources-summary').textContent =
      sources.length + ' polled' + (failing ? ', ' + failing + ' failing' : '');
  }

  function loadSources() {
    return getJson('/api/sources').then(function (body) { renderSources(body.sources || []); })
      .catch(function (e) { console.warn('sources', e); });
  }

  function search(q) {
    searching = true;
    document.getElementById('search-clear').hidden = false;
    feedHeading.textContent = 'Search: ' + q;
    getJson('/api/articles?limit=50&q=' + encodeURIComponent(q)).then(function (body) {
      showArticles(body.articles);
      if (!body.articles.length) { feedEmpty.textContent = 'No articles match.'; feedEmpty.hidden = false; }
    }).catch(function (e) {
      showArticles([]);
      feedEmpty.textContent = e.message;
      feedEmpty.hidden = false;
    });
  }

  function backToLive() {
    searching = false;
    document.getElementById('search-clear').hidden = true;
    document.getElementById('search-input').value = '';
    feedHeading.textContent = 'Live feed';
    feedEmpty.textContent = 'Waiting for articles…';
    loadLatest();
  }

  function connect() {
    const source = new EventSource('/api/stream');
    source.addEventListener('ready', function () {
      document.body.dataset.stream = 'live';
      document.getElementById('stream-state').textContent = 'live';
    });
    source.addEventListener('article', function (event) {
      try {
        addLive(JSON.parse(event.data));
      } catch (e) {
        console.warn('bad live event', e);
      }
    });
    source.onerror = function () {
      // EventSource reconnects by itself; say so meanwhile
      document.body.dataset.stream = 'lost';
      document.getElementById('stream-state').textContent = 'reconnecting…';
    };
  }

  document.getElementById('search').addEventListener('submit', function (event) {
    event.preventDefault();
    const q = document.getElementById('search-input').value.trim();
    if (q) search(q); else backToLive();
  });
  document.getElementById('search-clear').addEventListener('click', backToLive);
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
  });

  loadStats();
  loadSources();
  loadStories();
  loadLatest().then(connect);
  setInterval(loadStats, STATS_REFRESH_MS);
  setInterval(loadStories, STATS_REFRESH_MS);
  setInterval(loadSources, SOURCES_REFRESH_MS);
  setInterval(updateGauges, 5000);
})();
