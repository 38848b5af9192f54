// Selectable text over the canvas (an Emscripten --js-library; C side in text_layer_web.cpp,
// the layout in ui/selectable_text.cpp). Each block is a transparent copy of text ImGui drew:
// one absolutely placed span per drawn line, spaced to the drawn width, or the very lines the
// browser laid out for text it drew. Blocks sit in "surfaces", one per scrolling ImGui window,
// so a scroll moves one element. Selecting shows the page's own highlight over the canvas, and
// Ctrl/Cmd+C or a phone's Copy take the text. Pointer moves and the wheel go on to the canvas.
mergeInto(LibraryManager.library, {
  $SkyloomText: {layer: null, blocks: {}, surfaces: {}, family: '', ctx: null,
                 stats: {updates: 0, ms: 0, fills: 0, fillMs: 0}},

  skyloom_text_layer_install__deps: ['$SkyloomText', '$skyloomAddStyles'],
  skyloom_text_layer_install: function(family_ptr) {
    var T = SkyloomText;
    T.family = UTF8ToString(family_ptr);
    T.ctx = document.createElement('canvas').getContext('2d');
    skyloomAddStyles(
      '#skyloom-text{position:fixed;left:0;top:0;width:0;height:0;z-index:0}' +
      '.skyloom-text-surface{position:absolute;overflow:hidden;pointer-events:none;' +
      'color:transparent;font-family:' + T.family + ';font-kerning:none;' +
      'font-variant-ligatures:none;-webkit-tap-highlight-color:transparent}' +
      '.skyloom-text-content{position:absolute;left:0;top:0}' +
      '.skyloom-text-block{position:absolute;left:0;top:0;white-space:pre}' +
      // touch-action none: a swipe that starts on text scrolls the app (touch_web.js), never a
      // native pan of a page that cannot scroll (which would swallow the gesture).
      '.skyloom-text-block span{position:absolute;left:0;pointer-events:auto;touch-action:none;' +
      'cursor:text;-webkit-user-select:text;user-select:text}' +
      '.skyloom-text-block .flow{white-space:pre-wrap;overflow-wrap:break-word}' +
      '.skyloom-text-surface ::selection{background:rgba(79,70,229,0.3);color:transparent}');
    T.layer = document.createElement('div');
    T.layer.id = 'skyloom-text';
    document.body.insertBefore(T.layer, document.getElementById('skyloom-fields'));
    // The canvas under the text still gets the pointer: ImGui must know where it is (hover, and
    // which area a wheel scrolls), since the canvas saw it leave when it went over the text.
    T.layer.addEventListener('mousemove', function(e) {
      Module.canvas.dispatchEvent(new MouseEvent('mousemove', e));
    });
    T.layer.addEventListener('wheel', function(e) {
      e.preventDefault();
      Module.canvas.dispatchEvent(new MouseEvent('mousemove', e));
      Module.canvas.dispatchEvent(new WheelEvent('wheel', e));
    }, {passive: false});
    // Spacing depends on the font: measure again once web fonts arrive.
    if (document.fonts) document.fonts.addEventListener('loadingdone', function() {
      Object.keys(T.blocks).forEach(function(id) { T.fit(T.blocks[id]); });
    });
    window.skyloom = window.skyloom || {};
    window.skyloom.textLayerStats = function() { return T.stats; };

    // Letter spacing (not a transform, which hit testing past a line's end would ignore) makes
    // each of ImGui's lines exactly as wide as ImGui drew it.
    T.fit = function(b) {
      if (!b.spans.length) return;
      T.ctx.font = b.font + 'px ' + T.family;
      for (var i = 0; i < b.spans.length; i++) {
        var s = b.spans[i];
        var text = s.textContent;
        var natural = T.ctx.measureText(text).width;
        s.style.letterSpacing = text.length ? (s.skyloomWidth - natural) / text.length + 'px' : '';
      }
    };

    // Fills a block with its lines: ImGui's (one span per drawn line), or the browser's own
    // layout of text it drew (text_raster_web.cpp), or, without either, a box it wraps.
    T.fill = function(b, c) {
      b.el.textContent = '';
      b.spans = [];
      b.font = c.font;
      b.el.style.fontSize = c.font + 'px';
      b.el.style.lineHeight = (c.line || c.font * 1.25) + 'px';
      if (c.lines) {
        c.lines.forEach(function(line, i) {
          var span = document.createElement('span');
          span.textContent = line[0];
          span.style.top = line[1] + 'px';
          span.skyloomWidth = line[2];
          // A press past a line's end lands on it (the caret goes to its end), as on a page.
          if (c.wrap > line[2]) span.style.paddingRight = (c.wrap - line[2]) + 'px';
          b.el.appendChild(span);
          b.spans.push(span);
          // Between lines: what a copy should hold (a space where ImGui wrapped).
          if (i + 1 < c.lines.length) b.el.appendChild(document.createTextNode(line[3]));
        });
        T.fit(b);
        return;
      }
      var L = c.layout && Module.skyloomText && Module.skyloomText.layouts.get(c.layout);
      if (L) {
        var alignW = L.rtl && c.wrap > 0 ? Math.max(c.wrap, L.width) : L.width;
        L.lines.forEach(function(line, i) {
          var span = document.createElement('span');
          span.textContent = line.t;
          span.dir = line.dir;
          span.style.font = L.font;
          span.style.lineHeight = (line.a + line.d) + 'px';
          span.style.top = line.y + 'px';
          // As above, the span reaches to the wrap edge past the line's end.
          // (An RTL line ends at its left: its reach is padding before it.)
          if (line.dir === 'rtl') span.style.paddingLeft = Math.max(0, alignW - line.w) + 'px';
          else span.style.paddingRight = (c.wrap > line.w ? c.wrap - line.w : 0) + 'px';
          b.el.appendChild(span);
          var next = L.lines[i + 1];
          if (next) b.el.appendChild(document.createTextNode(next.p !== line.p ? '\n' : ' '));
        });
        return;
      }
      var flow = document.createElement('span');
      flow.className = 'flow';
      flow.textContent = c.flow;
      flow.style.width = c.wrap + 'px';
      flow.dir = 'auto';
      b.el.appendChild(flow);
    };

    // Filling a block (DOM nodes, measuring lines) waits for idle time: cards scrolling in must
    // not cost the frame that draws them, and nobody selects text within a few ms of it showing.
    T.queue = [];
    T.queueFill = function(b, c) {
      b.content = c;
      if (b.queued) return;
      b.queued = true;
      T.queue.push(b);
      if (T.queue.length > 1) return;
      var idle = window.requestIdleCallback || function(fn) { return setTimeout(fn, 1); };
      idle(function flush(deadline) {
        var start = performance.now();
        while (T.queue.length && (!deadline || deadline.timeRemaining() > 1 || deadline.didTimeout)) {
          var next = T.queue.shift();
          next.queued = false;
          if (next.el.isConnected) T.fill(next, next.content);
          T.stats.fills++;
        }
        T.stats.fillMs += performance.now() - start;
        if (T.queue.length) idle(flush, {timeout: 100});
      }, {timeout: 100});
    };

    // {"surfaces": [[id, clipX, clipY, clipW, clipH, originX, originY]],
    //  "blocks": [[id, surface, x, y, width, hidden]] (only when the set changed),
    //  "content": {id: {...}} (blocks the page lacks, or whose text changed)}
    T.apply = function(u) {
      // Hidden while the app scrolls (selectable_text.cpp), shown again with a full update.
      var hide = !!u.hidden;
      if (hide !== !!T.hidden) {
        T.hidden = hide;
        T.layer.style.visibility = hide ? 'hidden' : '';
      }
      if (hide) return;
      var live = {};
      u.surfaces.forEach(function(s) {
        var sf = T.surfaces[s[0]];
        if (!sf) {
          sf = T.surfaces[s[0]] = {el: document.createElement('div'), content: document.createElement('div'), key: ''};
          sf.el.className = 'skyloom-text-surface';
          sf.content.className = 'skyloom-text-content';
          sf.el.appendChild(sf.content);
          T.layer.appendChild(sf.el);
        }
        var clip = s[1] + ',' + s[2] + ',' + s[3] + ',' + s[4];
        if (sf.key !== clip) {
          var st = sf.el.style;
          st.left = s[1] + 'px'; st.top = s[2] + 'px'; st.width = s[3] + 'px'; st.height = s[4] + 'px';
          sf.key = clip;
        }
        sf.content.style.transform = 'translate(' + (s[5] - s[1]) + 'px,' + (s[6] - s[2]) + 'px)';
        live[s[0]] = true;
      });
      Object.keys(T.surfaces).forEach(function(id) {
        if (!live[id]) { T.surfaces[id].el.remove(); delete T.surfaces[id]; }
      });
      if (!u.blocks) return;
      var keep = {};
      u.blocks.forEach(function(j) {
        var id = j[0];
        keep[id] = true;
        var b = T.blocks[id];
        if (!b) {
          b = T.blocks[id] = {el: document.createElement('div'), spans: [], font: 16, key: ''};
          b.el.className = 'skyloom-text-block';
        }
        var sf = T.surfaces[j[1]];
        if (sf && b.el.parentNode !== sf.content) sf.content.appendChild(b.el);
        var c = u.content && u.content[id];
        if (c) T.queueFill(b, c);
        var key = j[2] + ',' + j[3] + ',' + j[4] + ',' + j[5];
        if (b.key !== key) {  // unchanged blocks are left alone: no style work per frame
          b.el.style.transform = 'translate(' + j[2] + 'px,' + j[3] + 'px)';
          b.el.style.width = j[4] + 'px';
          b.el.style.visibility = j[5] ? 'hidden' : '';
          b.key = key;
        }
      });
      Object.keys(T.blocks).forEach(function(id) {
        if (!keep[id]) { T.blocks[id].el.remove(); delete T.blocks[id]; }
      });
    };
  },

  skyloom_text_layer_update__deps: ['$SkyloomText'],
  skyloom_text_layer_update: function(update_json) {
    var T = SkyloomText;
    var start = performance.now();
    T.apply(JSON.parse(UTF8ToString(update_json)));
    T.stats.updates++;
    T.stats.ms += performance.now() - start;
  },
});
