// Draws each [data-chart] from the JSON beside it with Apache ECharts (installed at set-up, served locally).
(function () {
  if (window.yifaCharts) return;
  window.yifaCharts = true;
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.echarts) return;
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var option = JSON.parse(document.getElementById(el.dataset.chart).textContent);
      var chart = window.echarts.init(el, null, { renderer: "svg" });
      chart.setOption(option);
      window.addEventListener("resize", function () { chart.resize(); });
      el.dataset.drawn = "1";
    });
  });
})();
