// The page's accessibility mirror (an Emscripten --js-library; C side in aria_web.cpp, the model
// in core/ui/aria_tree.h, the structure from app/bridge).
//
// A visually hidden DOM tree (not display:none, so screen readers and the accessibility tree
// have it) mirrors what the canvas shows: landmarks, headings, the feed's articles, buttons,
// links, tabs, checkboxes, dialogs and a live region. It is patched, never rebuilt: a frame
// where nothing changed writes nothing. The text fields are the page's real inputs
// (text_fields_web.js); the mirror holds a marker where each one comes, which sets the order
// Tab walks. Activating a mirror element (click, Enter, Space) clicks the item on the canvas.
mergeInto(LibraryManager.library, {
  $SkyloomAria: {
    root: null,
    els: {},  // key -> element
    send: null,
  },

  skyloom_aria_install__deps: ['$SkyloomAria', '$SkyloomFields'],
  skyloom_aria_install: function() {
    var A = SkyloomAria;
    function cString(s) {
      var n = lengthBytesUTF8(s) + 1;
      var p = _malloc(n);
      stringToUTF8(s, p, n);
      return p;
    }
    A.send = function(kind, key) {
      var k = cString(kind), v = cString(key);
      _skyloom_aria_event(k, v);
      _free(k);
      _free(v);
    };
    A.root = document.createElement('div');
    A.root.id = 'skyloom-aria';
    // The usual "visually hidden" box: present for assistive tech, invisible and click-through.
    // Set through the CSSOM, which the Content-Security-Policy allows (a <style> it would not).
    A.root.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;overflow:hidden;' +
      'clip-path:inset(50%);white-space:nowrap;pointer-events:none;opacity:0';
    document.body.insertBefore(A.root, document.body.firstChild);

    function keyOf(el) {
      for (; el && el !== A.root; el = el.parentNode)
        if (el.dataset && el.dataset.key) return el.dataset.key;
      return '';
    }
    function activatable(el) {
      var key = el.dataset.key || '';
      return key.indexOf('i:') === 0 || el.tagName === 'ARTICLE';
    }
    A.root.addEventListener('click', function(e) {
      var el = e.target.closest('[data-key]');
      if (!el || !activatable(el)) return;
      e.preventDefault();
      A.send('activate', el.dataset.key);
    });
    A.root.addEventListener('keydown', function(e) {
      var el = e.target;
      if (e.key === 'Enter' || e.key === ' ') {
        // <button>s turn Enter and Space into a click themselves; links, images and articles
        // take Enter as a page's links do.
        if (el.tagName !== 'BUTTON' && e.key === 'Enter' && el.dataset.key && activatable(el)) {
          e.preventDefault();
          A.send('activate', el.dataset.key);
        }
        e.stopPropagation();  // not also to ImGui's keyboard navigation through SDL
      }
    });
    // A button's click comes from Enter's keypress and Space's keyup: SDL's window listeners
    // would cancel those, so they stay in the mirror too.
    ['keypress', 'keyup'].forEach(function(type) {
      A.root.addEventListener(type, function(e) {
        if (e.key === 'Enter' || e.key === ' ') e.stopPropagation();
      });
    });
    A.root.addEventListener('focusin', function(e) { A.send('focus', keyOf(e.target)); });
    A.root.addEventListener('focusout', function(e) {
      if (!e.relatedTarget || !A.root.contains(e.relatedTarget)) A.send('focus', '');
    });

    // Tab and Shift+Tab walk the mirror in document order, with each field marker replaced by
    // its real field: the order a sighted user sees, fields included.
    function realField(marker) {
      var f = SkyloomFields.fields[marker.dataset.field];
      if (!f || f.el.disabled || f.wrap.style.visibility === 'hidden') return null;
      return f.el;
    }
    function order() {
      var out = [];
      A.root.querySelectorAll('[data-key]').forEach(function(el) {
        if (el.dataset.field) {
          var field = realField(el);
          if (field) out.push(field);
        } else if (el.tagName === 'BUTTON' || el.getAttribute('tabindex') === '0') {
          out.push(el);
        }
      });
      return out;
    }
    document.addEventListener('keydown', function(e) {
      if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
      var active = document.activeElement;
      var id = active && active.skyloomFieldId;
      if (id && SkyloomFields.fields[id] && SkyloomFields.fields[id].spec.tab) return;  // the app's
      var list = order();
      if (!list.length) return;
      var at = list.indexOf(active);
      var next = at < 0 ? (e.shiftKey ? list.length - 1 : 0)
                        : (at + (e.shiftKey ? list.length - 1 : 1)) % list.length;
      e.preventDefault();
      e.stopPropagation();
      list[next].focus({preventScroll: true});
    }, true);
  },

  skyloom_aria_update__deps: ['$SkyloomAria'],
  skyloom_aria_update: function(patch_json, focus_key) {
    var A = SkyloomAria;
    var patch = patch_json ? UTF8ToString(patch_json) : '';
    var focus = focus_key ? UTF8ToString(focus_key) : '';
    if (patch) apply(JSON.parse(patch));
    if (focus && A.els[focus]) A.els[focus].focus({preventScroll: true});

    function tagFor(n) {
      switch (n.r) {
        case 'banner': return 'header';
        case 'navigation': return 'nav';
        case 'main': return 'main';
        case 'article': return 'article';
        case 'heading': return 'h' + Math.min(6, Math.max(1, Number(n.x) || 2));
        case 'text': return 'p';
        case 'time': return 'time';
        case 'button': case 'tab': case 'checkbox': return 'button';
        case 'link': return 'a';
        case 'field': return 'span';
        default: return 'div';
      }
    }
    function attr(el, name, value) {
      if (value === null || value === '') { if (el.hasAttribute(name)) el.removeAttribute(name); }
      else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
    }
    // Writes only what differs, so a re-sent node costs no layout.
    function fill(el, n) {
      var item = n.k.indexOf('i:') === 0;
      var container = ['banner', 'navigation', 'main', 'article', 'feed', 'dialog', 'form',
                       'live', 'list', 'tablist'].indexOf(n.r) >= 0;
      if (!container && n.r !== 'image' && n.r !== 'field' && el.textContent !== n.n)
        el.textContent = n.n;
      if (container || n.r === 'image') attr(el, 'aria-label', n.n || null);
      if (n.r === 'button' || n.r === 'tab' || n.r === 'checkbox') el.type = 'button';
      attr(el, 'role', n.r === 'tab' ? 'tab' : n.r === 'checkbox' ? 'checkbox' :
                       n.r === 'link' ? 'link' : n.r === 'image' ? 'img' :
                       n.r === 'feed' ? 'feed' : n.r === 'dialog' ? 'dialog' :
                       n.r === 'live' ? 'status' : n.r === 'form' ? 'form' :
                       n.r === 'list' ? 'list' : n.r === 'tablist' ? 'tablist' : null);
      if (n.r === 'live') attr(el, 'aria-live', 'polite');
      if (n.r === 'dialog') attr(el, 'aria-modal', 'true');
      if (n.r === 'tab') attr(el, 'aria-selected', (n.s & 2) ? 'true' : 'false');
      if (n.r === 'checkbox') attr(el, 'aria-checked', (n.s & 4) ? 'true' : 'false');
      if (n.r === 'time') attr(el, 'datetime', n.x || null);
      attr(el, 'aria-disabled', (n.s & 1) ? 'true' : null);
      if (n.r === 'field') { el.dataset.field = n.x; el.hidden = true; }
      // Buttons are focusable already; links, images and focusable containers get a tab stop.
      var stop = (item && (n.r === 'link' || n.r === 'image')) || (n.s & 8);
      // (An <a> without href reports tabIndex 0 yet takes no focus: check the attribute.)
      if (stop && el.getAttribute('tabindex') !== '0') el.setAttribute('tabindex', '0');
    }
    function apply(p) {
      p.set.forEach(function(n) {
        var el = A.els[n.k];
        var tag = tagFor(n).toUpperCase();
        if (el && el.tagName !== tag) {  // a new role: a new element in the old one's place
          var again = document.createElement(tag);
          while (el.firstChild) again.appendChild(el.firstChild);
          if (el.parentNode) el.parentNode.replaceChild(again, el);
          el = again;
        } else if (!el) {
          el = document.createElement(tag);
        }
        el.dataset.key = n.k;
        A.els[n.k] = el;
        fill(el, n);
      });
      p.kids.forEach(function(entry) {
        var parent = entry[0] === '' ? A.root : A.els[entry[0]];
        if (!parent) return;
        var want = entry[1];
        var wanted = {};
        want.forEach(function(k) { wanted[k] = true; });
        // Children no longer here leave (dropped, or moved and placed by their new parent).
        Array.prototype.slice.call(parent.children).forEach(function(c) {
          if (!wanted[c.dataset.key]) c.remove();
        });
        // Only misplaced children move: moving a focused element would blur it.
        var cursor = parent.firstElementChild;
        want.forEach(function(k) {
          var el = A.els[k];
          if (!el) return;
          if (el === cursor) { cursor = cursor.nextElementSibling; return; }
          parent.insertBefore(el, cursor);
        });
      });
      p.drop.forEach(function(k) {
        var el = A.els[k];
        if (el) { el.remove(); delete A.els[k]; }
      });
    }
  },
});
