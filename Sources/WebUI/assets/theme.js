// Sets the theme before the first paint, so a dark page never flashes light.
(function () {
  var saved = null;
  try { saved = localStorage.getItem("etcdmon.theme"); } catch (e) { /* storage blocked */ }
  document.documentElement.dataset.theme = saved || (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
})();
