// The officials' form: choosing «Другой человек» unfolds the fields to type them in (without
// JavaScript the curator opens them by the «Другой человек — ФИО и должность» line).
(function () {
  "use strict";
  document.querySelectorAll("fieldset.person select[name$='.mode']").forEach(function (select) {
    select.addEventListener("change", function () {
      var details = select.closest("fieldset.person").querySelector("details");
      if (details && select.value === "@other") { details.open = true; }
    });
  });
})();
