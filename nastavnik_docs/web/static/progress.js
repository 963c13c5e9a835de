// Progress of a background run: asks the server every 0.7 s and moves the bar; reloads
// the page when the run ends, so that the server shows the files. Without JavaScript the
// page reloads itself every 2 s instead (<noscript> refresh).
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box || box.dataset.state !== "running") return;
  var bar = document.getElementById("bar");
  var text = document.getElementById("progress-text");
  function tick() {
    fetch(box.dataset.progressUrl, {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(function (p) {
        if (p.total) {
          bar.max = p.total;
          bar.value = p.done;
          text.textContent = "Сделано " + p.done + " из " + p.total + " (" + p.percent + "%), прошло " +
            String(p.seconds).replace(".", ",") + " с.";
        }
        if (p.state !== "running") { window.location.reload(); } else { setTimeout(tick, 700); }
      })
      .catch(function () { setTimeout(tick, 2000); });
  }
  setTimeout(tick, 300);
})();
