// Stylesheets the app's JS libraries make at run time (their rules carry the theme's colours
// and the UI font's family). Made through the CSSOM, which the site's Content-Security-Policy
// allows; a <style> element would need 'unsafe-inline' (web/content-security-policy).
mergeInto(LibraryManager.library, {
  $skyloomAddStyles: function(css) {
    if ('adoptedStyleSheets' in document && typeof CSSStyleSheet === 'function' &&
        CSSStyleSheet.prototype.replaceSync) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
      return;
    }
    // Engines without constructable stylesheets (Safari before 16.4): the element, which a
    // strict policy blocks there. They are past their support window; the page still works.
    var style = document.createElement('style');
    style.textContent = css;
    document.head.appendChild(style);
  },
});
