// The map: clustered markers coloured by event type, from /api/map with the page's filter.
// Tiles come from the configured URL; with no tiles reachable the markers still show.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  var colours = { appeal: "#1565c0", refusal: "#c62828", desertion: "#6a1b9a", protest: "#ef6c00",
                  abuse: "#4e342e", coercion: "#2e7d32" };
  var map = L.map(el, { preferCanvas: false }).setView([48.5, 35.0], 5);
  L.tileLayer(el.getAttribute("data-tiles"), { maxZoom: 18,
    attribution: "© OpenStreetMap contributors" }).addTo(map);
  var cluster = L.markerClusterGroup({ maxClusterRadius: 40 });
  fetch(el.getAttribute("data-points"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (points) {
      var bounds = [];
      points.forEach(function (p) {
        var m = L.circleMarker([p.lat, p.lon], { radius: 8, color: "#fff", weight: 1, fillOpacity: 0.9,
          fillColor: colours[p.event_type] || "#555", className: "marker t-" + p.event_type });
        var div = document.createElement("div");
        var a = document.createElement("a");
        a.href = "/events/" + encodeURIComponent(p.id);
        a.textContent = p.event_type + " " + (p.event_date || "");
        div.appendChild(a);
        var info = document.createElement("div");
        info.textContent = (p.place || "") + " · " + p.reports + " report(s)";
        div.appendChild(info);
        m.bindPopup(div);
        cluster.addLayer(m);
        bounds.push([p.lat, p.lon]);
      });
      map.addLayer(cluster);
      if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 9 }); }
      el.setAttribute("data-loaded", String(points.length));
    })
    .catch(function () { el.setAttribute("data-loaded", "error"); });
})();
