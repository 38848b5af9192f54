// Selectable text over the canvas (an Emscripten --js-library; C side in text_layer_web.cpp,
// the layout in ui/selectable_text.cpp). Each block is a transparent copy of text ImGui drew:
// one absolutely placed span per drawn line, spaced to the drawn width, or (text the browser
// draws) a box the browser wraps itself. Selecting it shows the page's own highlight over the
// canvas, and Ctrl/Cmd+C or a phone's Copy take the text. The wheel goes on to the canvas.
mergeInto(LibraryManager.library, {
  $SkyloomText: {layer: null, blocks: {}, family: '', ctx: null},

  skyloom_text_layer_install__deps: ['$SkyloomText'],
  skyloom_text_layer_install: function(family_ptr) {
    var T = SkyloomText;
    T.family = UTF8ToString(family_ptr);
    T.ctx = document.createElement('canvas').getContext('2d');
    var style = document.createElement('style');
    style.textContent =
      '#skyloom-text{position:fixed;left:0;top:0;width:0;height:0;z-index:0}' +
      '.skyloom-text-block{position:absolute;overflow:hidden;pointer-events:none;color:transparent;' +
      'font-family:' + T.family + ';font-kerning:none;font-variant-ligatures:none;' +
      '-webkit-tap-highlight-color:transparent}' +
      '.skyloom-text-inner{position:absolute;left:0;top:0;white-space:pre}' +
      // touch-action none: a swipe that starts on text scrolls the app (touch_web.js), never a
      // native pan of a page that cannot scroll (which would swallow the gesture).
      '.skyloom-text-inner span{position:absolute;left:0;pointer-events:auto;touch-action:none;' +
      'cursor:text;-webkit-user-select:text;user-select:text}' +
      '.skyloom-text-inner .flow{white-space:pre-wrap;overflow-wrap:break-word}' +
      '.skyloom-text-block ::selection{background:rgba(79,70,229,0.3);color:transparent}';
    document.head.appendChild(style);
    T.layer = document.createElement('div');
    T.layer.id = 'skyloom-text';
    document.body.insertBefore(T.layer, document.getElementById('skyloom-fields'));
    T.layer.addEventListener('wheel', function(e) {
      e.preventDefault();
      Module.canvas.dispatchEvent(new WheelEvent('wheel', e));
    }, {passive: false});
    // Stretch factors depend on the font: measure again once web fonts arrive.
    if (document.fonts) document.fonts.addEventListener('loadingdone', function() {
      Object.keys(T.blocks).forEach(function(id) { T.fit(T.blocks[id]); });
    });
    // Letter spacing (not a transform, which hit testing past a line's end would ignore) makes
    // each line exactly as wide as ImGui drew it.
    T.fit = function(b) {
      T.ctx.font = b.font + 'px ' + T.family;
      for (var i = 0; i < b.spans.length; i++) {
        var s = b.spans[i];
        var text = s.textContent;
        var natural = T.ctx.measureText(text).width;
        s.style.letterSpacing = text.length ? (s.skyloomWidth - natural) / text.length + 'px' : '';
      }
    };
  },

  skyloom_text_layer_update__deps: ['$SkyloomText'],
  skyloom_text_layer_update: function(update_json) {
    var T = SkyloomText;
    var u = JSON.parse(UTF8ToString(update_json));
    var keep = {};
    u.order.forEach(function(id) { keep[id] = true; });
    Object.keys(T.blocks).forEach(function(id) {
      if (!keep[id]) { T.blocks[id].el.remove(); delete T.blocks[id]; }
    });
    u.blocks.forEach(function(j) {
      var b = T.blocks[j.id];
      if (!b) {
        b = T.blocks[j.id] = {el: document.createElement('div'), inner: document.createElement('div'),
                              spans: [], font: 16};
        b.el.className = 'skyloom-text-block';
        b.inner.className = 'skyloom-text-inner';
        b.el.appendChild(b.inner);
        T.layer.appendChild(b.el);
      }
      if (j.content) {
        var c = j.content;
        b.inner.textContent = '';
        b.spans = [];
        b.font = c.font;
        b.inner.style.fontSize = c.font + 'px';
        b.inner.style.lineHeight = c.line + 'px';
        if (c.lines) {
          c.lines.forEach(function(line, i) {
            var span = document.createElement('span');
            span.textContent = line[0];
            span.style.top = line[1] + 'px';
            span.skyloomWidth = line[2];
            // A press past a line's end lands on it (the caret goes to its end), as on a page.
            if (c.wrap > line[2]) span.style.paddingRight = (c.wrap - line[2]) + 'px';
            b.inner.appendChild(span);
            b.spans.push(span);
            // Between lines: what a copy should hold (a space where ImGui wrapped).
            if (i + 1 < c.lines.length) b.inner.appendChild(document.createTextNode(line[3]));
          });
          T.fit(b);
        } else {
          var flow = document.createElement('span');
          flow.className = 'flow';
          flow.textContent = c.flow;
          flow.style.width = c.width + 'px';
          flow.dir = 'auto';
          b.inner.appendChild(flow);
        }
      }
      var s = b.el.style;
      s.left = j.clip[0] + 'px'; s.top = j.clip[1] + 'px';
      s.width = j.clip[2] + 'px'; s.height = j.clip[3] + 'px';
      s.visibility = j.hidden ? 'hidden' : '';
      b.inner.style.transform = 'translate(' + (j.x - j.clip[0]) + 'px,' + (j.y - j.clip[1]) + 'px)';
    });
  },
});
