// The embeddable widget (loaded by /widget.js): a launcher button and a modal search dialog, all
// inside one shadow root. The host page's styles cannot reach in (shadow DOM, plus `all: initial`
// on the host element against inherited properties), and nothing here reaches out: no global
// styles, no changes to the page but the one element it was given.

import { createSearch } from './search-ui.js';

const SHEETS = ['search-ui.css', 'widget.css'];

async function loadSheets() {
  // constructed style sheets are not subject to the host page's style-src policy, and fetched
  // from this module's own origin they need only the CORS permission the API needs anyway
  return Promise.all(SHEETS.map(async (name) => {
    const response = await fetch(new URL(name, import.meta.url));
    if (!response.ok) {
      throw new Error(`${name}: HTTP ${response.status}`);
    }
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(await response.text());
    return sheet;
  }));
}

function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function searchIcon(className) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', className);
  const circle = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
  circle.setAttribute('cx', '11');
  circle.setAttribute('cy', '11');
  circle.setAttribute('r', '7');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'm20 20-3.5-3.5');
  svg.append(circle, path);
  return svg;
}

const isApple = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export async function mountWidget(host, config) {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = await loadSheets();

  const root = make('div', 'hs-root');
  if (host.hasAttribute('data-floating')) {
    root.classList.add('hs-floating');
  }

  const launcher = make('button', 'hs-launch');
  launcher.type = 'button';
  launcher.setAttribute('aria-haspopup', 'dialog');
  if (config.shortcut) {
    launcher.setAttribute('aria-keyshortcuts', 'Control+K Meta+K');
  }
  launcher.append(searchIcon('hs-launch-icon'), make('span', 'hs-launch-label', config.label));
  if (config.shortcut) {
    launcher.append(make('kbd', 'hs-kbd hs-launch-kbd', isApple ? '\u2318K' : 'Ctrl K'));
  }

  const dialog = make('dialog', 'hs-dialog');
  dialog.setAttribute('aria-label', config.label);
  const modal = make('div', 'hs-modal');
  const head = make('div', 'hs-modal-head');
  const input = make('input', 'hs-modal-input');
  input.type = 'search';
  input.placeholder = config.placeholder || 'Describe the problem or paste the error';
  input.setAttribute('aria-label', config.label);
  const close = make('button', 'hs-close', 'Esc');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close search');
  head.append(searchIcon('hs-modal-icon'), input, close);
  const panel = make('div', 'hs-modal-panel');
  const foot = make('div', 'hs-modal-foot');
  const keys = make('span', 'hs-modal-keys');
  for (const [key, what] of [['\u2191\u2193', 'move'], ['\u21b5', 'open'], ['esc', 'close']]) {
    const item = make('span', 'hs-modal-key');
    item.append(make('kbd', 'hs-kbd', key), document.createTextNode(what));
    keys.append(item);
  }
  foot.append(keys, make('span', 'hs-modal-brand', 'Help Center search'));
  modal.append(head, panel, foot);
  dialog.append(modal);
  root.append(launcher, dialog);
  shadow.replaceChildren(root);

  function idle() {
    const hint = make('div', 'hs-modal-idle');
    hint.append(make('p', 'hs-modal-idle-title', 'Search the help center'),
      make('p', '', 'Type a symptom or an error message; results appear as you type, down to the section that fixes it.'));
    return [hint];
  }

  const search = createSearch({
    input,
    panel,
    apiBase: config.origin,
    source: 'widget',
    siteUrl: config.siteUrl,
    idleContent: idle,
    onEscape: () => closeDialog(),
  });

  function openDialog() {
    if (!dialog.open) {
      search.refreshIdle();
      dialog.showModal();
    }
    search.focus();
  }

  function closeDialog() {
    if (dialog.open) {
      dialog.close();
      launcher.focus();
    }
  }

  launcher.addEventListener('click', openDialog);
  close.addEventListener('click', closeDialog);
  dialog.addEventListener('close', () => launcher.focus());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) {
      closeDialog(); // a click on the backdrop
    }
  });
  if (config.shortcut) {
    document.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || event.isComposing) {
        return;
      }
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        if (dialog.open) {
          closeDialog();
        } else {
          openDialog();
        }
      }
    });
  }
  host.dataset.ready = '';
  return { open: openDialog, close: closeDialog };
}
