// Touches on the canvas and on the page's text fields (an Emscripten --js-library; C side in
// touch_web.cpp, the gesture logic in core/ui/touch_gesture.h).
//
// Listened to on the window in the capture phase so touches that start on a text field (or on
// the selectable copy of a post's text) reach the app too: a drag that starts on a field scrolls the app (its default is prevented once it
// moves, so the browser does not start a text selection), a tap on it is left to the browser,
// which focuses the field inside the user's gesture and opens the phone's keyboard. A textarea
// with more text than fits keeps its own native scrolling.
mergeInto(LibraryManager.library, {
  skyloom_touch_install: function() {
    var SLOP_PX = 8;  // as core's TouchConfig::slop_px
    var fingers = {};  // touch identifier -> {kind, native, x, y, moved}
    var LONG_PRESS_MS = 500;  // as core's TouchConfig::long_press_ms
    function targetKind(el) {
      if (el === Module.canvas) return 0;
      if (el && el.skyloomFieldId) return 1;
      if (el && el.closest && el.closest('#skyloom-text')) return 2;  // selectable text
      return -1;  // the loader, the file picker: not the app's
    }
    function scrollsItself(el) {
      return el.tagName === 'TEXTAREA' && el.scrollHeight > el.clientHeight + 1;
    }
    function handler(type) {
      return function(e) {
        var touches = e.changedTouches;
        for (var i = 0; i < touches.length; i++) {
          var t = touches[i];
          var f = fingers[t.identifier];
          if (type === 0) {
            var kind = targetKind(e.target);
            if (kind < 0) continue;
            f = fingers[t.identifier] = {kind: kind, native: kind === 1 && scrollsItself(e.target),
                                         x: t.clientX, y: t.clientY, moved: false, t: e.timeStamp};
          }
          if (f && !f.native) {
            // A drag on a field or on text scrolls the app (not a text selection); after a long
            // press the browser's own selection handles take over.
            if (type === 1 && !f.moved && Math.hypot(t.clientX - f.x, t.clientY - f.y) > SLOP_PX)
              f.moved = e.timeStamp - f.t < LONG_PRESS_MS ? 'drag' : 'select';
            if (type === 1 && f.kind > 0 && f.moved === 'drag' && e.cancelable) e.preventDefault();
            _skyloom_touch(type, t.identifier, t.clientX, t.clientY, e.timeStamp, f.kind);
          }
          if (type >= 2) delete fingers[t.identifier];
        }
      };
    }
    var options = {capture: true, passive: false};
    window.addEventListener('touchstart', handler(0), options);
    window.addEventListener('touchmove', handler(1), options);
    window.addEventListener('touchend', handler(2), options);
    window.addEventListener('touchcancel', handler(3), options);
  },
});
