// Real DOM text fields over ImGui's text fields (an Emscripten --js-library; C side in
// text_fields_web.cpp, the model in core/ui/text_field_sync.h).
//
// Each field ImGui draws gets an <input> or <textarea> placed exactly over its frame. The browser
// draws the text, caret, selection and IME pre-edit; phones open their keyboard because a real
// field is focused inside the user's own tap; password managers find real forms; clipboard,
// autocorrect, dictation and emoji pickers work as on any page. ImGui draws only the frame.
//
// Keys typed into a field never reach SDL (its window-level listener would preventDefault
// Backspace, Tab, arrows and every Ctrl chord): each field stops their propagation and reports
// the few keys the app acts on (Enter, Tab where asked, Esc) as events of their own.
mergeInto(LibraryManager.library, {
  $SkyloomFields: {
    layer: null,
    fields: {},      // id -> {spec, wrap, el, ghost, composing, deferred}
    forms: {},       // form name -> <form>
    send: null,
  },

  skyloom_fields_install__deps: ['$SkyloomFields', '$skyloomAddStyles'],
  skyloom_fields_install: function(theme_json) {
    var F = SkyloomFields;
    var theme = JSON.parse(UTF8ToString(theme_json));
    F.send = function(event) {
      var s = JSON.stringify(event);
      var n = lengthBytesUTF8(s) + 1;
      var p = _malloc(n);
      stringToUTF8(s, p, n);
      _skyloom_field_event(p);
      _free(p);
    };
    skyloomAddStyles(
      '#skyloom-fields{position:fixed;left:0;top:0;width:0;height:0;z-index:1}' +
      '#skyloom-fields form{margin:0;padding:0;border:0}' +
      '.skyloom-field{position:absolute;overflow:hidden;pointer-events:none}' +
      '.skyloom-field input,.skyloom-field textarea,.skyloom-ghost{position:absolute;margin:0;' +
      'border:0;outline:0;background:transparent;box-sizing:border-box;color:' + theme.text +
      ';caret-color:' + theme.accent + ';font-family:' + theme.font + ';font-weight:400;' +
      'letter-spacing:0;font-kerning:normal;-webkit-tap-highlight-color:transparent;' +
      'pointer-events:auto;border-radius:0;-webkit-appearance:none;appearance:none;' +
      // A swipe on a field scrolls the app (touch_web.js), not a native pan of the page;
      // a textarea whose text overflows pans itself (see syncTouchAction).
      'touch-action:none}' +
      '.skyloom-field textarea{resize:none;overflow-y:auto;overflow-x:hidden;' +
      'white-space:pre-wrap;overflow-wrap:break-word;scrollbar-width:thin}' +
      '.skyloom-field ::placeholder{color:' + theme.muted + ';opacity:1}' +
      '.skyloom-field input:disabled,.skyloom-field textarea:disabled{color:' + theme.muted +
      ';-webkit-text-fill-color:' + theme.muted + '}' +
      '.skyloom-ghost{pointer-events:none;white-space:pre-wrap;overflow-wrap:break-word;' +
      'overflow:hidden;color:transparent}' +
      '.skyloom-ghost span.g{color:' + theme.muted + '}');
    F.layer = document.createElement('div');
    F.layer.id = 'skyloom-fields';
    document.body.appendChild(F.layer);
    // A press on the canvas leaves the field, as a click outside a field does on any page (SDL
    // prevents the mousedown's default, which would otherwise move the focus).
    Module.canvas.addEventListener('mousedown', function() {
      var a = document.activeElement;
      if (a && a.skyloomFieldId) a.blur();
    }, true);
  },

  skyloom_fields_update__deps: ['$SkyloomFields'],
  skyloom_fields_update: function(update_json) {
    var F = SkyloomFields;
    var u = JSON.parse(UTF8ToString(update_json));

    function px(v) { return v + 'px'; }

    function caretToEnd(el) {
      // type=email and friends have no selection API and throw.
      try { el.setSelectionRange(el.value.length, el.value.length); } catch (e) {}
    }

    function contentHeight(f) {
      // The laid-out height of the text alone, so a growing box can follow it.
      var el = f.el;
      if (f.spec.kind !== 'multi') return 0;
      var old = el.style.height;
      el.style.height = '0px';
      var h = el.scrollHeight;
      el.style.height = old;
      return h;
    }

    function updateGhost(f) {
      if (!f.ghost) return;
      var ghost = f.spec.ghost || '';
      if (!ghost) { f.ghost.style.display = 'none'; return; }
      f.ghost.style.display = '';
      f.ghost.textContent = '';
      f.ghost.appendChild(document.createTextNode(f.el.value));
      var g = document.createElement('span');
      g.className = 'g';
      g.textContent = ghost;
      f.ghost.appendChild(g);
      f.ghost.style.width = px(f.el.clientWidth);
      f.ghost.scrollTop = f.el.scrollTop;
    }

    function syncTouchAction(f) {
      if (f.spec.kind !== 'multi') return;
      f.el.style.touchAction = f.el.scrollHeight > f.el.clientHeight + 1 ? 'pan-y' : 'none';
    }

    function formFor(name) {
      var form = F.forms[name];
      if (form) return form;
      form = document.createElement('form');
      form.id = name + '-form';
      form.name = name;
      form.setAttribute('autocomplete', 'on');
      form.noValidate = true;
      // A submit button makes Enter and the phone keyboard's Go submit the form, which is how
      // password managers learn that a sign-in happened.
      var submit = document.createElement('button');
      submit.type = 'submit';
      submit.tabIndex = -1;
      submit.setAttribute('aria-hidden', 'true');
      submit.style.cssText = 'position:absolute;width:1px;height:1px;opacity:0;pointer-events:none';
      form.appendChild(submit);
      form.addEventListener('submit', function(e) {
        e.preventDefault();
        var active = document.activeElement;
        var id = active && active.skyloomFieldId;
        if (id && F.fields[id] && F.fields[id].form === form) F.send({id: id, kind: 'enter'});
      });
      F.forms[name] = form;
      F.layer.appendChild(form);
      return form;
    }

    function create(spec) {
      var multi = spec.kind === 'multi';
      var f = {spec: {}, composing: false, deferred: null, form: null};
      f.wrap = document.createElement('div');
      f.wrap.className = 'skyloom-field';
      if (multi) {
        f.ghost = document.createElement('div');
        f.ghost.className = 'skyloom-ghost';
        f.ghost.setAttribute('aria-hidden', 'true');
        f.wrap.appendChild(f.ghost);
      }
      var el = f.el = document.createElement(multi ? 'textarea' : 'input');
      el.skyloomFieldId = spec.id;
      f.wrap.appendChild(el);
      var id = spec.id;
      function report() {
        F.send({id: id, kind: 'input', value: el.value, composing: f.composing,
                height: contentHeight(f)});
        updateGhost(f);
        syncTouchAction(f);
      }
      el.addEventListener('input', function(e) {
        f.composing = !!e.isComposing;
        report();
      });
      // Password managers may set the value and fire only `change`.
      el.addEventListener('change', report);
      el.addEventListener('compositionstart', function() { f.composing = true; });
      el.addEventListener('compositionend', function() {
        f.composing = false;
        if (f.deferred !== null) {
          el.value = f.deferred;
          f.deferred = null;
        }
        report();
      });
      el.addEventListener('focus', function() { F.send({id: id, kind: 'focus'}); });
      el.addEventListener('blur', function() { F.send({id: id, kind: 'blur'}); });
      el.addEventListener('scroll', function() { if (f.ghost) f.ghost.scrollTop = el.scrollTop; });
      // Modifier presses and every release go on to SDL: a key pressed outside a field and
      // released in it (Shift, or the "n" that focused the composer) would otherwise stay held
      // for ImGui, which then drops that key's next press as a repeat. A release ImGui never
      // saw pressed does nothing.
      function modifier(e) {
        return e.key === 'Shift' || e.key === 'Control' || e.key === 'Alt' || e.key === 'Meta';
      }
      el.addEventListener('keydown', function(e) {
        if (modifier(e)) return;
        e.stopPropagation();  // never to SDL
        if (e.isComposing || e.keyCode === 229) return;  // the IME owns this key
        var s = f.spec;
        if (e.key === 'Enter') {
          var chord = e.ctrlKey || e.metaKey;
          if (s.kind !== 'multi') {
            e.preventDefault();
            if (f.form && f.form.requestSubmit) f.form.requestSubmit();
            else F.send({id: id, kind: 'enter'});
          } else if ((s.enter === 'submit' && !e.shiftKey && !chord) ||
                     (s.enter === 'newline' && chord)) {
            e.preventDefault();
            F.send({id: id, kind: 'enter'});
          }
        } else if (e.key === 'Tab' && s.tab) {
          e.preventDefault();
          // A suggestion shown after the text is taken here, at once, so the next keys land
          // after it; the app learns of both the new text and the Tab.
          if (s.ghost && !e.shiftKey) {
            el.value += s.ghost;
            caretToEnd(el);
            s.ghost = '';
            report();
          }
          F.send({id: id, kind: 'tab', shift: e.shiftKey});
        } else if (e.key === 'Escape') {
          e.preventDefault();
          F.send({id: id, kind: 'escape'});
        }
      });
      el.addEventListener('keypress', function(e) { e.stopPropagation(); });
      // The page under a field still scrolls with the wheel, unless the field itself can.
      el.addEventListener('wheel', function(e) {
        var can = el.scrollHeight > el.clientHeight &&
                  (e.deltaY < 0 ? el.scrollTop > 0 : el.scrollTop + el.clientHeight < el.scrollHeight);
        if (can) return;
        e.preventDefault();
        // ImGui saw the pointer leave the canvas for the field: tell it where the wheel is.
        Module.canvas.dispatchEvent(new MouseEvent('mousemove', e));
        Module.canvas.dispatchEvent(new WheelEvent('wheel', e));
      }, {passive: false});
      return f;
    }

    function apply(f, s) {
      var old = f.spec, el = f.el;
      function attr(name, value) {
        if (value) el.setAttribute(name, value); else el.removeAttribute(name);
      }
      if (old.name !== s.name) { el.name = s.name; el.id = s.name; }
      if (old.label !== s.label) attr('aria-label', s.label);
      if (s.kind !== 'multi' && old.type !== s.type) el.type = s.type;
      if (old.inputmode !== s.inputmode) attr('inputmode', s.inputmode);
      if (old.autocomplete !== s.autocomplete) el.setAttribute('autocomplete', s.autocomplete);
      if (old.autocapitalize !== s.autocapitalize) el.setAttribute('autocapitalize', s.autocapitalize);
      if (old.enterkeyhint !== s.enterkeyhint) attr('enterkeyhint', s.enterkeyhint);
      if (old.spellcheck !== s.spellcheck) {
        el.spellcheck = s.spellcheck;
        el.setAttribute('autocorrect', s.spellcheck ? 'on' : 'off');
      }
      if (old.placeholder !== s.placeholder) el.placeholder = s.placeholder;
      if (old.maxlength !== s.maxlength) {
        if (s.maxlength > 0) el.maxLength = s.maxlength; else el.removeAttribute('maxlength');
      }
      if (old.disabled !== s.disabled) el.disabled = s.disabled;
      var ws = f.wrap.style, es = el.style;
      ws.left = px(s.clip[0]); ws.top = px(s.clip[1]);
      ws.width = px(Math.max(0, s.clip[2])); ws.height = px(Math.max(0, s.clip[3]));
      ws.visibility = s.hidden ? 'hidden' : '';
      // Covered by a dialog or menu: keys must not go on into a field no one can see.
      if (s.hidden && document.activeElement === el) el.blur();
      var boxes = f.ghost ? [es, f.ghost.style] : [es];
      boxes.forEach(function(b) {
        b.left = px(s.rect[0] - s.clip[0]); b.top = px(s.rect[1] - s.clip[1]);
        b.width = px(s.rect[2]); b.height = px(s.rect[3]);
        b.fontSize = px(s.font); b.lineHeight = px(s.line);
        b.padding = s.kind === 'multi' ? px(s.pad[1]) + ' ' + px(s.pad[0]) : '0 ' + px(s.pad[0]);
      });
      f.spec = s;
      syncTouchAction(f);
      if (old.ghost !== s.ghost || old.rect === undefined || old.rect[2] !== s.rect[2]) updateGhost(f);
    }

    // Order and removal: fields not in the frame go; the rest keep the frame's order, which is
    // the order Tab walks. Only misplaced nodes move (moving a node would blur it).
    if (u.order) {
      var keep = {};
      u.order.forEach(function(id) { keep[id] = true; });
      Object.keys(F.fields).forEach(function(id) {
        if (!keep[id]) { F.fields[id].wrap.remove(); delete F.fields[id]; }
      });
    }
    (u.fields || []).forEach(function(s) {
      var f = F.fields[s.id];
      if (!f) f = F.fields[s.id] = create(s);
      var form = s.form ? formFor(s.form) : null;
      f.form = form;
      apply(f, s);
    });
    if (u.order) {
      var prev = {};
      u.order.forEach(function(id) {
        var f = F.fields[id];
        if (!f) return;
        var parent = f.form || F.layer;
        var want = prev[parent.id || 'layer'];
        var next = want ? want.nextSibling : parent.firstChild;
        if (f.form && next && next.type === 'submit') next = next.nextSibling;
        if (next !== f.wrap) parent.insertBefore(f.wrap, next);
        prev[parent.id || 'layer'] = f.wrap;
      });
      // Forms without fields are gone with their screen.
      Object.keys(F.forms).forEach(function(name) {
        var form = F.forms[name];
        if (!form.querySelector('.skyloom-field')) { form.remove(); delete F.forms[name]; }
      });
    }
    (u.values || []).forEach(function(v) {
      var f = F.fields[v.id];
      if (!f) return;
      if (f.composing) { f.deferred = v.value; return; }  // never break an IME composition
      if (f.el.value !== v.value) {
        var focused = document.activeElement === f.el;
        f.el.value = v.value;
        if (focused) caretToEnd(f.el);
        updateGhost(f);
      }
    });
    if (u.blur) {
      var a = document.activeElement;
      if (a && a.skyloomFieldId) a.blur();
    }
    if (u.focus && F.fields[u.focus]) {
      var el = F.fields[u.focus].el;
      el.focus({preventScroll: true});
      caretToEnd(el);  // typing continues at the end
    }
  },

  skyloom_fields_blur__deps: ['$SkyloomFields'],
  skyloom_fields_blur: function() {
    var a = document.activeElement;
    if (a && a.skyloomFieldId) a.blur();
  },
});
