// The help center's search box: a WAI-ARIA combobox whose listbox holds the hits grouped by
// article. Used by the search page (/) and by the embeddable widget (/widget.js), so it touches
// nothing global: every element it needs is passed in, and it renders only inside `panel`.
//
// Safety: every string from the API or the user goes into the page as a text node. Snippets are
// the one exception in spirit, and even they are never parsed as HTML: the server escapes the
// text and adds only <mark>...</mark>, so splitting on those two tags and decoding the five
// entities it emits rebuilds exactly the marked text.

const DEBOUNCE_MS = 110;
const RESULT_LIMIT = 20;
const RECENT_KEY = 'helpsearch.recent';
const RECENT_MAX = 5;
export const HIGHLIGHT_PARAM = 'highlight';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The snippet as text nodes and <mark> elements; nothing in it is ever parsed as HTML. */
export function snippetFragment(doc, snippet) {
  const fragment = doc.createDocumentFragment();
  let marked = false;
  for (const part of String(snippet ?? '').split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') {
      marked = true;
    } else if (part === '</mark>') {
      marked = false;
    } else if (part) {
      const text = doc.createTextNode(decodeEntities(part));
      if (marked) {
        const mark = doc.createElement('mark');
        mark.append(text);
        fragment.append(mark);
      } else {
        fragment.append(text);
      }
    }
  }
  return fragment;
}

/** The distinct words the server marked in a snippet: what the article page highlights. */
export function markedTerms(snippet) {
  const terms = [];
  for (const match of String(snippet ?? '').matchAll(/<mark>(.*?)<\/mark>/g)) {
    const term = decodeEntities(match[1]).trim();
    if (term && !terms.some((t) => t.toLowerCase() === term.toLowerCase())) {
      terms.push(term);
    }
  }
  return terms.slice(0, 12);
}

/**
 * Where a hit opens: the article at its anchor, with the matched words as highlight parameters
 * (/troubleshooting/gateway-fails-to-start?highlight=port&highlight=using#port-conflict).
 * `siteUrl` (the help center's own site) wins over the hit's url; `apiBase` resolves relative ones.
 */
export function hitHref(hit, { siteUrl = '', apiBase = '' } = {}) {
  const base = apiBase || globalThis.location?.href || 'http://localhost/';
  let url;
  if (siteUrl) {
    url = new URL(siteUrl.replace(/\/+$/, '') + hit.path, base);
    url.hash = hit.anchor ? hit.anchor : '';
  } else {
    url = new URL(hit.url, new URL(base, globalThis.location?.href));
  }
  for (const term of markedTerms(hit.snippet)) {
    url.searchParams.append(HIGHLIGHT_PARAM, term);
  }
  return url.href;
}

/** Hits grouped by article, groups in the order of their best hit, hits in rank order. */
export function groupHits(hits) {
  const groups = new Map();
  for (const hit of hits) {
    let group = groups.get(hit.path);
    if (!group) {
      group = { path: hit.path, title: hit.title, highlightedTitle: hit.highlighted?.title, category: hit.category, hits: [] };
      groups.set(hit.path, group);
    }
    group.hits.push(hit);
  }
  return [...groups.values()];
}

export function readRecent(storage = safeStorage()) {
  try {
    const value = JSON.parse(storage?.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((q) => typeof q === 'string' && q.trim()).slice(0, RECENT_MAX) : [];
  } catch {
    return [];
  }
}

export function saveRecent(query, storage = safeStorage()) {
  const q = String(query ?? '').trim().replace(/\s+/g, ' ');
  if (!q || !storage) {
    return readRecent(storage);
  }
  const recent = [q, ...readRecent(storage).filter((r) => r.toLowerCase() !== q.toLowerCase())].slice(0, RECENT_MAX);
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(recent));
  } catch {
    // private mode or a full quota: recent searches are a convenience, never an error
  }
  return recent;
}

export function clearRecent(storage = safeStorage()) {
  try {
    storage?.removeItem(RECENT_KEY);
  } catch {
    // as above
  }
}

function safeStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage blocked (sandboxed iframe, strict privacy settings)
  }
}

function humanize(category) {
  const spaced = String(category ?? '').replace(/[-_]+/g, ' ').trim();
  return spaced ? spaced[0].toUpperCase() + spaced.slice(1) : '';
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const ICONS = {
  section: 'M5 9h14M5 15h14M10 4 8 20M16 4l-2 16',
  page: 'M7 3h7l5 5v13H7zM14 3v5h5M10 13h6M10 17h6',
  recent: 'M12 7v5l3 2M3.5 12a8.5 8.5 0 1 0 2.5-6M3 4v4h4',
  enter: 'M20 5v7a3 3 0 0 1-3 3H5m4-4-4 4 4 4',
};

export function icon(doc, name, className = 'hs-icon') {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', className);
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

function el(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

let instances = 0;

/**
 * Wires a search box to a results panel.
 *
 * options: input (the text field), panel (where results, recent searches and messages render),
 * apiBase ('' for same origin, else the search server's origin), siteUrl (links go there when
 * set), navigate(url, newTab) (how an opened hit is followed), onQuery(q) (after each settled
 * query: the page keeps ?q= in its URL), onEscape() (Esc in an empty box), idleContent() (what an
 * empty box shows when there are no recent searches), fetch (for tests), source ('page' or
 * 'widget': named in each search so that the server's insights tell them apart).
 *
 * When the server records insights its answers carry a queryId; opening a hit then sends that id,
 * the hit's url and its rank with navigator.sendBeacon, which survives the page being left. The
 * next search from the same box names the previous id (prev=), so that the server can leave out
 * what was only typed on the way. Nothing identifies the person.
 */
export function createSearch(options) {
  const { input, panel } = options;
  const doc = input.ownerDocument;
  const apiBase = (options.apiBase ?? '').replace(/\/+$/, '');
  const siteUrl = options.siteUrl ?? '';
  const navigate = options.navigate ?? ((url, newTab) => (newTab ? window.open(url, '_blank', 'noopener') : window.location.assign(url)));
  const prefix = `hs${++instances}`;
  const listboxId = `${prefix}-listbox`;

  let timer = 0;
  let issued = 0; // sequence number of the newest request sent
  let shown = 0; // sequence number of the response on screen; older ones are dropped
  let inFlight = null;
  let options_ = []; // [{ element, href?, query? }] in keyboard order
  let active = -1;
  let lastQuery = ''; // the last query reported through onQuery
  let shownQuery = ''; // the query whose results are on screen
  let openWhenReady = null; // Enter came before the results of this query did
  let queryId = null; // the server's id for the search on screen, when it records insights

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listboxId);
  input.setAttribute('autocomplete', 'off');
  input.setAttribute('autocapitalize', 'off');
  input.setAttribute('spellcheck', 'false');
  input.setAttribute('enterkeyhint', 'search');

  const status = el(doc, 'p', 'hs-visually-hidden');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const body = el(doc, 'div', 'hs-body');
  panel.replaceChildren(status, body);

  input.addEventListener('input', () => {
    openWhenReady = null;
    schedule();
  });
  input.addEventListener('keydown', onKeydown);
  panel.addEventListener('mousemove', (event) => {
    const option = event.target.closest?.('[role="option"]');
    const index = options_.findIndex((o) => o.element === option);
    if (index >= 0 && index !== active) {
      setActive(index, false);
    }
  });
  panel.addEventListener('click', (event) => {
    const option = event.target.closest?.('[role="option"]');
    const entry = options_.find((o) => o.element === option);
    if (!entry) {
      return;
    }
    if (entry.query !== undefined) {
      event.preventDefault();
      setQuery(entry.query);
      input.focus();
    } else {
      // the link itself navigates (and keeps ctrl/cmd/middle-click behaviour); remember the query
      saveRecent(input.value);
      reportClick(entry);
    }
  });
  panel.addEventListener('auxclick', (event) => {
    const entry = options_.find((o) => o.element === event.target.closest?.('[role="option"]'));
    if (entry?.href && event.button === 1) {
      reportClick(entry); // a middle click opens a tab without a click event
    }
  });

  function reportClick(entry) {
    if (!entry.queryId || typeof navigator.sendBeacon !== 'function') {
      return;
    }
    // a string goes as text/plain: no CORS preflight from the widget's host page
    const body = JSON.stringify({ queryId: entry.queryId, url: entry.url, position: entry.rank });
    try {
      navigator.sendBeacon(`${apiBase}/_/v1/insights/click`, body);
    } catch {
      // insights are a convenience: never an error for the person searching
    }
  }

  function schedule() {
    stopTimer();
    const q = input.value.trim();
    if (!q) {
      cancel();
      showIdle();
      return;
    }
    timer = setTimeout(() => {
      timer = 0;
      run(q);
    }, DEBOUNCE_MS);
  }

  function stopTimer() {
    clearTimeout(timer);
    timer = 0;
  }

  function cancel() {
    stopTimer();
    shown = ++issued; // any response still travelling is now stale
    inFlight?.abort();
    inFlight = null;
  }

  async function run(q) {
    const seq = ++issued;
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    panel.setAttribute('aria-busy', 'true');
    let url = `${apiBase}/_/v1/search?q=${encodeURIComponent(q)}&limit=${RESULT_LIMIT}`;
    if (options.source) {
      url += `&source=${encodeURIComponent(options.source)}`;
    }
    if (queryId) {
      url += `&prev=${encodeURIComponent(queryId)}`;
    }
    let data;
    let failure = null;
    try {
      const response = await (options.fetch ?? globalThis.fetch)(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
      data = await response.json();
      if (!response.ok) {
        failure = data?.error?.message ?? `the server answered ${response.status}`;
      }
    } catch (error) {
      if (error?.name === 'AbortError') {
        return;
      }
      failure = 'the search service could not be reached';
    }
    if (seq <= shown) {
      return; // a newer query is already on screen
    }
    shown = seq;
    if (inFlight === controller) {
      inFlight = null;
      panel.removeAttribute('aria-busy');
    }
    if (failure) {
      showError(q, failure);
    } else {
      showResults(q, data);
    }
    if (lastQuery !== q) {
      lastQuery = q;
      options.onQuery?.(q);
    }
  }

  function setQuery(q) {
    input.value = q;
    openWhenReady = null;
    stopTimer();
    const trimmed = q.trim();
    if (trimmed) {
      run(trimmed);
    } else {
      cancel();
      showIdle();
    }
  }

  function onKeydown(event) {
    if (event.isComposing) {
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (options_.length) {
          event.preventDefault();
          const step = event.key === 'ArrowDown' ? 1 : -1;
          setActive(active < 0 ? (step > 0 ? 0 : options_.length - 1) : (active + step + options_.length) % options_.length, true);
        }
        break;
      case 'Enter': {
        event.preventDefault();
        const typed = input.value.trim();
        if (typed && typed !== shownQuery) {
          // Enter before this query's results arrived: open its best hit when they do, never a stale one
          openWhenReady = typed;
          if (timer) {
            stopTimer();
            run(typed);
          }
          return;
        }
        const entry = options_[active];
        if (!entry) {
          return;
        }
        if (entry.query !== undefined) {
          setQuery(entry.query);
        } else {
          saveRecent(input.value);
          reportClick(entry);
          navigate(entry.href, event.ctrlKey || event.metaKey);
        }
        break;
      }
      case 'Escape':
        if (input.value) {
          event.preventDefault();
          event.stopPropagation();
          setQuery('');
        } else if (options.onEscape) {
          event.preventDefault();
          options.onEscape();
        }
        break;
      default:
    }
  }

  function setActive(index, scroll) {
    options_[active]?.element.setAttribute('aria-selected', 'false');
    active = index;
    const entry = options_[active];
    if (entry) {
      entry.element.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', entry.element.id);
      if (scroll) {
        entry.element.scrollIntoView({ block: 'nearest' });
      }
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function setOptions(list, listbox) {
    options_ = list;
    active = -1;
    input.setAttribute('aria-expanded', list.length ? 'true' : 'false');
    if (listbox) {
      listbox.id = listboxId;
    }
    setActive(list.length ? 0 : -1, false);
  }

  function option(id, href) {
    const node = el(doc, href ? 'a' : 'div', 'hs-option');
    node.id = `${prefix}-${id}`;
    node.setAttribute('role', 'option');
    node.setAttribute('aria-selected', 'false');
    if (href) {
      node.href = href;
      node.tabIndex = -1;
    }
    return node;
  }

  function showResults(q, data) {
    shownQuery = q;
    queryId = typeof data?.queryId === 'string' ? data.queryId : null;
    const hits = Array.isArray(data?.hits) ? data.hits : [];
    const nodes = [];
    if (data?.didYouMean) {
      nodes.push(didYouMean(data.didYouMean));
    }
    if (!hits.length) {
      nodes.push(emptyState(q, data?.didYouMean));
      body.replaceChildren(...nodes);
      setOptions([]);
      openWhenReady = null;
      status.textContent = `No results for ${q}`;
      return;
    }
    const groups = groupHits(hits);
    const listbox = el(doc, 'div', 'hs-results');
    listbox.setAttribute('role', 'listbox');
    listbox.setAttribute('aria-label', `Results for ${q}`);
    const entries = [];
    groups.forEach((group, g) => {
      const groupNode = el(doc, 'div', 'hs-group');
      groupNode.setAttribute('role', 'group');
      const head = el(doc, 'div', 'hs-group-head');
      head.id = `${prefix}-g${g}`;
      head.setAttribute('aria-hidden', 'true'); // read as the group's label, not as an item
      const groupTitle = el(doc, 'span', 'hs-group-title');
      // marked by the server like the snippet (escaped text plus <mark>), split the same way
      groupTitle.append(group.highlightedTitle ? snippetFragment(doc, group.highlightedTitle) : doc.createTextNode(group.title));
      head.append(groupTitle);
      if (group.category) {
        head.append(el(doc, 'span', 'hs-group-category', humanize(group.category)));
      }
      groupNode.setAttribute('aria-labelledby', head.id);
      groupNode.append(head);
      for (const hit of group.hits) {
        const href = hitHref(hit, { siteUrl, apiBase });
        const node = option(`o${entries.length}`, href);
        node.dataset.anchor = hit.anchor ?? '';
        node.append(icon(doc, hit.anchor ? 'section' : 'page'));
        const text = el(doc, 'span', 'hs-option-text');
        const heading = el(doc, 'span', 'hs-option-heading');
        const parents = Array.isArray(hit.titles) ? hit.titles.slice(1) : [];
        if (parents.length) {
          heading.append(el(doc, 'span', 'hs-option-parents', `${parents.join(' \u203a ')} \u203a `));
        }
        if (!hit.anchor) {
          heading.append(doc.createTextNode('Overview'));
        } else if (hit.highlighted) {
          heading.append(snippetFragment(doc, hit.heading ? hit.highlighted.heading : hit.highlighted.title));
        } else {
          heading.append(doc.createTextNode(hit.heading || hit.title));
        }
        text.append(heading);
        if (hit.snippet) {
          const snippet = el(doc, 'span', 'hs-option-snippet');
          snippet.append(snippetFragment(doc, hit.snippet));
          text.append(snippet);
        }
        node.append(text, icon(doc, 'enter', 'hs-icon hs-enter'));
        groupNode.append(node);
        entries.push({ element: node, href, url: hit.url, rank: hits.indexOf(hit) + 1, queryId });
      }
      listbox.append(groupNode);
    });
    const sections = hits.filter((h) => h.anchor).length;
    const summary = el(doc, 'p', 'hs-summary');
    summary.textContent = describeCount(data.total ?? hits.length, groups.length, sections);
    nodes.push(summary, listbox);
    body.replaceChildren(...nodes);
    setOptions(entries, listbox);
    status.textContent = `${summary.textContent}. Best match: ${hits[0].heading || hits[0].title}.`;
    if (openWhenReady === q) {
      openWhenReady = null;
      saveRecent(q);
      reportClick(entries[0]);
      navigate(entries[0].href, false);
    }
  }

  function describeCount(total, articles, sections) {
    const parts = [];
    parts.push(`${articles} ${articles === 1 ? 'article' : 'articles'}`);
    if (sections) {
      parts.push(`${sections} ${sections === 1 ? 'section' : 'sections'}`);
    }
    const more = total > RESULT_LIMIT ? ` \u00b7 top ${RESULT_LIMIT} of ${total} matches` : '';
    return parts.join(', ') + more;
  }

  function didYouMean(suggestion) {
    const p = el(doc, 'p', 'hs-didyoumean', 'Did you mean ');
    const button = el(doc, 'button', 'hs-link', suggestion);
    button.type = 'button';
    button.addEventListener('click', () => {
      setQuery(suggestion);
      input.focus();
    });
    p.append(button, doc.createTextNode('?'));
    return p;
  }

  function emptyState(q, suggestion) {
    const box = el(doc, 'div', 'hs-empty');
    const title = el(doc, 'p', 'hs-empty-title', 'No results for ');
    title.append(el(doc, 'q', 'hs-empty-query', q));
    box.append(title);
    const tips = el(doc, 'ul', 'hs-empty-tips');
    if (suggestion) {
      tips.append(el(doc, 'li', '', `Try the suggested spelling above: \u201c${suggestion}\u201d.`));
    }
    tips.append(
      el(doc, 'li', '', 'Check the spelling, or use fewer words.'),
      el(doc, 'li', '', 'Describe what you see: the error message, or the status the app shows.'),
      el(doc, 'li', '', 'Try a more general term, or another word for the same thing.'),
    );
    box.append(tips);
    return box;
  }

  function showError(q, message) {
    shownQuery = q;
    openWhenReady = null;
    const box = el(doc, 'div', 'hs-empty hs-error');
    box.setAttribute('role', 'alert');
    box.append(el(doc, 'p', 'hs-empty-title', 'Search is unavailable right now'));
    box.append(el(doc, 'p', '', `Searching for \u201c${q}\u201d failed: ${message}. Please try again in a moment.`));
    body.replaceChildren(box);
    setOptions([]);
  }

  function showIdle() {
    queryId = null; // an emptied box starts a new search, not a refinement of the last one
    if (lastQuery !== '') {
      lastQuery = '';
      options.onQuery?.('');
    }
    shownQuery = '';
    panel.removeAttribute('aria-busy');
    const recent = readRecent();
    if (!recent.length) {
      body.replaceChildren(...(options.idleContent?.() ?? []));
      setOptions([]);
      status.textContent = '';
      return;
    }
    const wrap = el(doc, 'div', 'hs-group hs-recent');
    const head = el(doc, 'div', 'hs-group-head hs-recent-head');
    const label = el(doc, 'span', 'hs-group-title', 'Recent searches');
    label.id = `${prefix}-recent`;
    const clear = el(doc, 'button', 'hs-link hs-recent-clear', 'Clear');
    clear.type = 'button';
    clear.setAttribute('aria-label', 'Clear recent searches');
    clear.addEventListener('click', () => {
      clearRecent();
      showIdle();
      input.focus();
    });
    head.append(label, clear);
    const listbox = el(doc, 'div', 'hs-recent-list');
    listbox.setAttribute('role', 'listbox');
    listbox.setAttribute('aria-labelledby', label.id);
    const entries = recent.map((q, i) => {
      const node = option(`r${i}`);
      node.classList.add('hs-option-recent');
      node.append(icon(doc, 'recent'), el(doc, 'span', 'hs-option-heading', q), icon(doc, 'enter', 'hs-icon hs-enter'));
      listbox.append(node);
      return { element: node, query: q };
    });
    wrap.append(head, listbox);
    body.replaceChildren(wrap);
    setOptions(entries, listbox);
    setActive(-1, false); // nothing preselected: Enter in an empty box does nothing
    status.textContent = '';
  }

  showIdle();
  if (input.value.trim()) {
    setQuery(input.value);
  }

  return {
    setQuery,
    focus() {
      input.focus();
      input.select();
    },
    refreshIdle() {
      if (!input.value.trim()) {
        showIdle();
      }
    },
  };
}
