// Starts Swagger UI on /docs (kept out of the page so the page needs no inline script).
(function () {
  "use strict";
  window.addEventListener("load", function () {
    var el = document.getElementById("swagger-ui");
    if (!el || typeof SwaggerUIBundle === "undefined") return;
    window.ui = SwaggerUIBundle({
      url: el.getAttribute("data-openapi"),
      dom_id: "#swagger-ui",
      layout: "BaseLayout",
      deepLinking: true,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset]
    });
  });
})();
