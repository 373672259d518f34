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
    // "hbar": bars along the labels, for long labels (the answers to a question).
    var horizontal = table.getAttribute("data-chart-kind") === "hbar";
    // Counts start at zero; a series such as a population fits its values.
    var fromZero = table.getAttribute("data-chart-zero") !== "false";
    var values = { stacked: stacked, beginAtZero: fromZero, ticks: fromZero ? { precision: 0 } : {} };
    var names = { stacked: stacked, ticks: { autoSkip: !horizontal, maxRotation: 0 } };
    var stacked = table.getAttribute("data-chart-stacked") === "true";
    // The columns of figures carry their colour; others (a share in percent) are for reading.
    var columns = [];
    for (var column = 1; column < heads.length; column += 1) {
      if (!heads[column].hasAttribute("data-colour")) {
        continue;
      }
      columns.push(column);
      var colour = heads[column].getAttribute("data-colour");
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
      columns.forEach(function (cell, index) {
        datasets[index].data.push(Number(row.cells[cell].getAttribute("data-value")));
      });
    });
    new window.Chart(holder.querySelector("canvas"), {
      type: kind,
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: horizontal ? "y" : "x",
        interaction: { mode: "index", intersect: false, axis: horizontal ? "y" : "x" },
        scales: horizontal ? { x: values, y: names } : { x: names, y: values },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("figure.chart"), draw);
})();
