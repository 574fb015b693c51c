// The search page at /: the search box, results as you type, and the page-wide shortcuts.
// The query lives in the address (?q=) so a search can be shared, reloaded and gone back to.

import { createSearch } from './search-ui.js';

const input = document.getElementById('search-input');
const panel = document.getElementById('search-panel');
const form = document.getElementById('search-form');

function tips() {
  const list = document.createElement('ul');
  list.className = 'hs-tips';
  const items = [
    ['Describe the symptom', 'Type what you see in your own words; no need to know the article\u2019s title.'],
    ['Paste the error', 'Error messages, ports and file names all work as search terms.'],
    ['Jump to the fix', 'Results open the article at the exact section, with your words highlighted.'],
  ];
  for (const [title, text] of items) {
    const item = document.createElement('li');
    const strong = document.createElement('strong');
    strong.textContent = title;
    item.append(strong, document.createTextNode(text));
    list.append(item);
  }
  return [list];
}

function syncAddress(q) {
  const url = new URL(window.location.href);
  if (q) {
    url.searchParams.set('q', q);
  } else {
    url.searchParams.delete('q');
  }
  if (url.href !== window.location.href) {
    window.history.replaceState(null, '', url);
  }
  document.title = q ? `${q} \u00b7 Search \u00b7 Help Center` : 'Search \u00b7 Help Center';
}

function syncLayout() {
  document.body.classList.toggle('has-query', input.value.trim() !== '');
}

input.value = new URL(window.location.href).searchParams.get('q') ?? '';
syncLayout();
input.addEventListener('input', syncLayout);

const search = createSearch({
  input,
  panel,
  source: 'page',
  idleContent: tips,
  onQuery(q) {
    syncAddress(q);
    syncLayout();
  },
  onEscape() {
    input.blur();
  },
});

// the form exists so the page works as a plain GET without scripts; with them, Enter is the combobox's
form.addEventListener('submit', (event) => event.preventDefault());

function isEditable(target) {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.isComposing) {
    return;
  }
  const commandK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target);
  if (commandK || slash) {
    event.preventDefault();
    search.focus();
  }
});

// coming back to the page (Back button, bfcache) shows the recent searches saved on the way out
window.addEventListener('pageshow', (event) => {
  if (event.persisted) {
    search.refreshIdle();
  }
});

input.focus();
