// Article pages: landing from a search, and links to sections.
//
// A search result opens /path?highlight=word&highlight=other#anchor (as Pagefind's highlight
// parameter does). The browser scrolls to #anchor; this script marks the words within that
// section (the whole article when there is no anchor), as text only, never parsed as HTML.
// Every section heading gets a link that copies its precise address, and the table of contents
// follows the section in view.

const HIGHLIGHT_PARAM = 'highlight';
const MAX_TERMS = 12;
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

const body = document.querySelector('.article-body');

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function targetHeading() {
  if (!body || !window.location.hash) {
    return null;
  }
  let id;
  try {
    id = decodeURIComponent(window.location.hash.slice(1));
  } catch {
    return null;
  }
  const heading = document.getElementById(id);
  return heading && body.contains(heading) && heading.matches(HEADINGS) ? heading : null;
}

/** The section a heading starts: the heading and what follows it up to the next heading. */
function sectionNodes(heading) {
  const nodes = [heading];
  for (let node = heading.nextElementSibling; node && !node.matches(HEADINGS); node = node.nextElementSibling) {
    nodes.push(node);
  }
  return nodes;
}

function highlight(roots, terms) {
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'giu');
  const marks = [];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('script, style, mark, .heading-anchor') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      texts.push(node);
    }
    for (const node of texts) {
      const text = node.nodeValue;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) {
        continue;
      }
      pattern.lastIndex = 0;
      const fragment = document.createDocumentFragment();
      let last = 0;
      for (const match of text.matchAll(pattern)) {
        fragment.append(document.createTextNode(text.slice(last, match.index)));
        const mark = document.createElement('mark');
        mark.className = 'search-highlight';
        mark.textContent = match[0];
        fragment.append(mark);
        marks.push(mark);
        last = match.index + match[0].length;
      }
      fragment.append(document.createTextNode(text.slice(last)));
      node.replaceWith(fragment);
    }
  }
  return marks;
}

function clearHighlights() {
  for (const mark of document.querySelectorAll('mark.search-highlight')) {
    mark.replaceWith(document.createTextNode(mark.textContent));
  }
  body?.normalize();
  const url = new URL(window.location.href);
  url.searchParams.delete(HIGHLIGHT_PARAM);
  window.history.replaceState(null, '', url);
}

function highlightBar(terms, count) {
  const bar = document.createElement('div');
  bar.className = 'highlight-bar';
  bar.setAttribute('role', 'status');
  const label = document.createElement('span');
  label.textContent = `${count} ${count === 1 ? 'match' : 'matches'} for \u201c${terms.join(' ')}\u201d highlighted`;
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.className = 'hs-link';
  clear.textContent = 'Clear';
  clear.addEventListener('click', () => {
    clearHighlights();
    bar.remove();
  });
  bar.append(label, clear);
  return bar;
}

function landFromSearch() {
  const terms = [...new Set(new URL(window.location.href).searchParams.getAll(HIGHLIGHT_PARAM)
    .map((t) => t.trim())
    .filter((t) => t && t.length <= 100))].slice(0, MAX_TERMS);
  const heading = targetHeading();
  if (terms.length && body) {
    const marks = highlight(heading ? sectionNodes(heading) : [body], terms);
    if (marks.length) {
      document.body.append(highlightBar(terms, marks.length));
    }
    if (!heading && marks.length) {
      marks[0].scrollIntoView({ block: 'center' });
    }
  }
  if (heading) {
    // marks and the fonts may have moved the heading since the browser scrolled to it
    heading.scrollIntoView({ block: 'start' });
  }
}

function headingLinks() {
  if (!body) {
    return;
  }
  for (const heading of body.querySelectorAll('h2[id], h3[id], h4[id]')) {
    const link = document.createElement('a');
    link.className = 'heading-anchor';
    link.href = `#${encodeURIComponent(heading.id)}`;
    link.textContent = '#';
    link.setAttribute('aria-label', `Copy link to \u201c${heading.textContent.trim()}\u201d`);
    link.addEventListener('click', () => {
      const url = new URL(window.location.href);
      url.search = '';
      url.hash = heading.id;
      navigator.clipboard?.writeText(url.href).then(() => {
        link.dataset.copied = '';
        setTimeout(() => delete link.dataset.copied, 1600);
      }, () => {});
    });
    heading.append(link);
  }
}

function followToc() {
  const links = new Map([...document.querySelectorAll('.toc a[href^="#"]')].map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
  if (!links.size || !('IntersectionObserver' in window)) {
    return;
  }
  const visible = new Set();
  const headings = [...links.keys()].map((id) => document.getElementById(id)).filter(Boolean);
  const update = () => {
    const current = headings.find((h) => visible.has(h)) ?? null;
    if (!current) {
      return;
    }
    for (const [id, link] of links) {
      if (id === current.id) {
        link.setAttribute('aria-current', 'true');
      } else {
        link.removeAttribute('aria-current');
      }
    }
  };
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        visible.add(entry.target);
      } else {
        visible.delete(entry.target);
      }
    }
    update();
  }, { rootMargin: '-70px 0px -55% 0px' });
  headings.forEach((h) => observer.observe(h));
}

function shortcuts() {
  const input = document.querySelector('.header-search input');
  if (!input) {
    return;
  }
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) {
      return;
    }
    const target = event.target;
    const editable = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    const commandK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
    if (commandK || (event.key === '/' && !editable && !event.ctrlKey && !event.metaKey && !event.altKey)) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
}

headingLinks();
landFromSearch();
followToc();
shortcuts();

// "Was this helpful?": rendered hidden when the server records insights, shown here because it
// needs this script. The answer goes with navigator.sendBeacon; nothing identifies the reader.
const helpful = document.querySelector('[data-helpful-path]');
if (helpful) {
  helpful.hidden = false;
  helpful.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-helpful]');
    if (!button || button.disabled) {
      return;
    }
    const body = JSON.stringify({ path: helpful.dataset.helpfulPath, helpful: button.dataset.helpful === 'yes' });
    try {
      navigator.sendBeacon('/_/v1/insights/feedback', body);
    } catch {
      // a rating is a convenience, never an error for the reader
    }
    for (const b of helpful.querySelectorAll('button')) {
      b.disabled = true;
    }
    button.setAttribute('aria-pressed', 'true');
    helpful.querySelector('.helpful-thanks').textContent = 'Thanks for telling us.';
  });
}
