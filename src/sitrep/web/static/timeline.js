// The timeline: stacked bars of events per day/week and type; a click opens those events in search.
(function () {
  "use strict";
  var canvas = document.getElementById("timeline-chart");
  var dataEl = document.getElementById("timeline-data");
  if (!canvas || !dataEl || !window.Chart) { return; }
  var data = JSON.parse(dataEl.textContent);
  var colours = { appeal: "#1565c0", refusal: "#c62828", desertion: "#6a1b9a", protest: "#ef6c00",
                  abuse: "#4e342e", coercion: "#2e7d32" };
  var datasets = data.types.map(function (t) {
    return { label: t, backgroundColor: colours[t] || "#777",
             data: data.buckets.map(function (b) { return b.counts[t] || 0; }) };
  });
  var search = canvas.getAttribute("data-search");
  var chart = new Chart(canvas, {
    type: "bar",
    data: { labels: data.buckets.map(function (b) { return b.start; }), datasets: datasets },
    options: { responsive: true, maintainAspectRatio: false, animation: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      onClick: function (evt, elements) {
        if (!elements.length) { return; }
        var b = data.buckets[elements[0].index];
        var t = data.types[elements[0].datasetIndex];
        var sep = search.indexOf("?") === -1 ? "?" : "&";
        window.location = search + sep + "date_from=" + b.start + "&date_to=" + b.end + "&type=" + encodeURIComponent(t);
      } }
  });
  canvas.setAttribute("data-bars", String(data.buckets.length));
  window.sitrepTimeline = chart;
})();
