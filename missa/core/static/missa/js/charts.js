/* Draws each chart of the page (components/chart.html) from its own data table, with Chart.js.
   The table stays on the page, behind "The figures": it is the chart for whoever cannot see it. */
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") {
    return;
  }
  var style = window.getComputedStyle(document.body);
  window.Chart.defaults.font.family = style.fontFamily;
  window.Chart.defaults.color = style.color;

  function draw(figure) {
    var table = figure.querySelector("table");
    var holder = figure.querySelector(".chart-canvas");
    if (!table || !holder) {
      return;
    }
    var heads = table.tHead.rows[0].cells;
    var datasets = [];
    var labels = [];
    var kind = table.getAttribute("data-chart-kind") === "line" ? "line" : "bar";
    var stacked = table.getAttribute("data-chart-stacked") === "true";
    for (var column = 1; column < heads.length; column += 1) {
      var colour = heads[column].getAttribute("data-colour") || "#0b5394";
      datasets.push({
        label: heads[column].textContent.trim(),
        data: [],
        backgroundColor: colour,
        borderColor: colour,
        pointRadius: 0,
        tension: 0.2
      });
    }
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      labels.push(row.cells[0].textContent.trim());
      for (var cell = 1; cell < row.cells.length; cell += 1) {
        datasets[cell - 1].data.push(Number(row.cells[cell].getAttribute("data-value")));
      }
    });
    new window.Chart(holder.querySelector("canvas"), {
      type: kind,
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        scales: {
          x: { stacked: stacked, ticks: { autoSkip: true, maxRotation: 0 } },
          y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } }
        },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("figure.chart"), draw);
})();
