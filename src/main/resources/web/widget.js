/*
 * The help center's search, on any page, with one tag:
 *
 *   <script src="https://SEARCH-HOST/widget.js" data-site-url="https://help.example.com"></script>
 *
 * adds a "Search help" button where the tag stands (or inside the element that data-target
 * names, or floating bottom right when the tag is in <head>) and a search dialog that opens with
 * the button or Ctrl/Cmd-K. It calls the API on SEARCH-HOST, which must allow this page's origin
 * (helpsearch serve --cors-origin https://this-site.example); results link to data-site-url when
 * given, else to SEARCH-HOST's own article pages. Everything it draws lives in a shadow root, so
 * the page's styles and the widget's never meet.
 *
 * This file is a classic script (it must work in a plain <script> tag and read its own
 * attributes); the widget itself is the module it imports from the same host.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) {
    console.error('helpsearch widget: load widget.js from a <script src="..."> tag');
    return;
  }
  var origin = new URL(script.src, window.location.href).origin;
  var config = {
    origin: origin,
    siteUrl: script.getAttribute('data-site-url') || '',
    label: script.getAttribute('data-label') || 'Search help',
    placeholder: script.getAttribute('data-placeholder') || '',
    shortcut: script.getAttribute('data-shortcut') !== 'false'
  };
  var target = script.getAttribute('data-target');
  var host = document.createElement('helpsearch-widget');

  function place() {
    var container = target ? document.querySelector(target) : null;
    if (container) {
      container.appendChild(host);
    } else if (!target && script.parentNode && document.body && document.body.contains(script)) {
      script.parentNode.insertBefore(host, script.nextSibling);
    } else {
      host.setAttribute('data-floating', '');
      document.body.appendChild(host);
    }
  }

  var placed = new Promise(function (resolve) {
    var inBody = document.body && document.body.contains(script);
    if (document.readyState === 'loading' && (target || !inBody)) {
      document.addEventListener('DOMContentLoaded', function () { place(); resolve(); }, { once: true });
    } else {
      place();
      resolve();
    }
  });

  Promise.all([import(origin + '/_/assets/widget-ui.js'), placed]).then(function (loaded) {
    return loaded[0].mountWidget(host, config);
  }).catch(function (error) {
    console.error('helpsearch widget: could not start from ' + origin + '. The search server must allow this page\'s origin ('
      + window.location.origin + ') with --cors-origin.', error);
  });
})();
