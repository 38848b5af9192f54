// Touches on the canvas and on the page's text fields (an Emscripten --js-library; C side in
// touch_web.cpp, the gesture logic in core/ui/touch_gesture.h).
//
// Listened to on the window in the capture phase so touches that start on a text field reach
// the app too: a drag that starts on a field scrolls the app (its default is prevented once it
// moves, so the browser does not start a text selection), a tap on it is left to the browser,
// which focuses the field inside the user's gesture and opens the phone's keyboard. A textarea
// with more text than fits keeps its own native scrolling.
mergeInto(LibraryManager.library, {
  skyloom_touch_install: function() {
    var SLOP_PX = 8;  // as core's TouchConfig::slop_px
    var fingers = {};  // touch identifier -> {kind, native, x, y, moved}
    function targetKind(el) {
      if (el === Module.canvas) return 0;
      if (el && el.skyloomFieldId) return 1;
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
                                         x: t.clientX, y: t.clientY, moved: false};
          }
          if (f && !f.native) {
            if (type === 1 && !f.moved && Math.hypot(t.clientX - f.x, t.clientY - f.y) > SLOP_PX)
              f.moved = true;
            if (type === 1 && f.kind === 1 && f.moved && e.cancelable) e.preventDefault();
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
