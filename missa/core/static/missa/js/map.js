/* Maps of the territory (components/map.html), drawn with Leaflet from the page's own data:
   the communes' outlines (a JSON block, #map-outlines) and the actors' pins. No tile server:
   the outlines are the background. The list or the form fields next to each map say the same
   thing without it; the map is an enhancement.

   data-map="directory": the pins in data-pins (JSON: an attribute, which htmx keeps when it
                         swaps the results, where it drops script blocks), clustered.
   data-map="actor":     one pin (data-latitude, data-longitude, data-name).
   data-map="picker":    a pin placed by a click or a drag, written to two form fields
                         (data-latitude-input, data-longitude-input), and moved when they change. */
(function () {
  "use strict";
  if (typeof window.L === "undefined") {
    return;
  }
  var L = window.L;
  var DECIMALS = 5;

  function parseJson(text) {
    try {
      return JSON.parse(text);
    } catch (error) {
      return null;
    }
  }

  function readJson(id) {
    var block = id && document.getElementById(id);
    return block ? parseJson(block.textContent) : null;
  }

  // A colour of the design tokens (css/tokens.css).
  function token(name, fallback) {
    var value = window.getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function pinIcon(colour, label) {
    var pin = document.createElement("span");
    pin.className = "map-pin-dot";
    if (colour) {
      pin.style.setProperty("--pin", colour);
    }
    if (label) {
      pin.setAttribute("aria-hidden", "true");
    }
    return L.divIcon({ className: "map-pin", html: pin, iconSize: [20, 20], iconAnchor: [10, 10] });
  }

  function outlines(map, element) {
    var data = readJson(element.getAttribute("data-outlines"));
    if (!data || !data.features) {
      return null;
    }
    var brand = element.getAttribute("data-colour") || token("--brand", "#0b5394");
    var border = token("--map-border", "#6b7280");
    var commune = token("--map-commune", "#ffffff");
    var layer = L.geoJSON(data, {
      interactive: false,
      style: function (feature) {
        var own = feature.properties.kind === "territory";
        return {
          color: own ? brand : border,
          weight: own ? 3 : 1,
          fillColor: own ? brand : commune,
          fillOpacity: own ? 0.08 : 0.6
        };
      }
    }).addTo(map);
    // The communes' names lie under the pins.
    map.createPane("labels").style.zIndex = 450;
    var own = L.latLngBounds([]);
    layer.eachLayer(function (commune) {
      // The commune's name at its middle.
      var name = document.createElement("span");
      name.textContent = commune.feature.properties.name;
      var isOwn = commune.feature.properties.kind === "territory";
      if (isOwn) {
        own.extend(commune.getBounds());
      }
      L.marker(commune.getBounds().getCenter(), {
        interactive: false,
        keyboard: false,
        pane: "labels",
        icon: L.divIcon({
          className: isOwn ? "map-label map-label-own" : "map-label",
          html: name,
          iconSize: null
        })
      }).addTo(map);
    });
    layer.ownBounds = own;
    return layer;
  }

  function baseMap(element) {
    element.textContent = "";
    var map = L.map(element, {
      zoomSnap: 0.25,
      // The page scrolls under a finger or a wheel; the map moves with two fingers (pinch),
      // its buttons, the keyboard or, with a mouse, a drag.
      dragging: !L.Browser.mobile,
      scrollWheelZoom: false,
      attributionControl: true,
      minZoom: 8,
      maxZoom: 18
    });
    map.attributionControl.setPrefix(false);
    var credit = element.getAttribute("data-attribution");
    if (credit) {
      // Leaflet writes attributions as HTML: the credit is text.
      map.attributionControl.addAttribution(
        credit.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      );
    }
    var area = outlines(map, element);
    return { map: map, area: area };
  }

  // The territory's own communes and the given points in view; one point alone, close up.
  function fit(built, points, closeUp) {
    if (closeUp && points.length === 1) {
      built.map.setView(points[0], 12);
      return;
    }
    var bounds = L.latLngBounds([]);
    if (built.area && built.area.ownBounds.isValid()) {
      bounds.extend(built.area.ownBounds);
    }
    points.forEach(function (point) {
      bounds.extend(point);
    });
    if (bounds.isValid()) {
      built.map.fitBounds(bounds, { padding: [16, 16] });
    } else {
      built.map.setView([46.6, 2.4], 5);
    }
  }

  function popup(name, url) {
    var holder = document.createElement("div");
    var link = document.createElement("a");
    link.href = url;
    link.textContent = name;
    holder.appendChild(link);
    return holder;
  }

  function directory(element) {
    var built = baseMap(element);
    var points = parseJson(element.getAttribute("data-pins") || "[]") || [];
    var label = element.getAttribute("data-cluster-label") || "{count}";
    var group = typeof L.markerClusterGroup === "function"
      ? L.markerClusterGroup({
        showCoverageOnHover: false,
        maxClusterRadius: 56,
        iconCreateFunction: function (cluster) {
          var count = cluster.getChildCount();
          var holder = document.createElement("span");
          var shown = document.createElement("span");
          shown.setAttribute("aria-hidden", "true");
          shown.textContent = String(count);
          var said = document.createElement("span");
          said.className = "visually-hidden";
          said.textContent = label.replace("{count}", String(count));
          holder.appendChild(shown);
          holder.appendChild(said);
          var size = count < 10 ? 32 : count < 100 ? 38 : 46;
          return L.divIcon({ className: "map-cluster", html: holder, iconSize: [size, size] });
        }
      })
      : L.featureGroup();
    var places = [];
    points.forEach(function (point) {
      // [latitude, longitude, name, url, colour]
      var place = [point[0], point[1]];
      places.push(place);
      L.marker(place, { icon: pinIcon(point[4], point[2]), title: point[2], alt: point[2] })
        .bindPopup(popup(point[2], point[3]))
        .addTo(group);
    });
    group.addTo(built.map);
    fit(built, places);
  }

  function actor(element) {
    var built = baseMap(element);
    var place = [Number(element.getAttribute("data-latitude")), Number(element.getAttribute("data-longitude"))];
    var name = element.getAttribute("data-name") || "";
    L.marker(place, { icon: pinIcon(element.getAttribute("data-pin-colour"), name), title: name, keyboard: false })
      .addTo(built.map);
    fit(built, [place], true);
  }

  function picker(element) {
    var latitude = document.getElementById(element.getAttribute("data-latitude-input"));
    var longitude = document.getElementById(element.getAttribute("data-longitude-input"));
    if (!latitude || !longitude) {
      return;
    }
    var built = baseMap(element);
    var marker = null;

    function typed() {
      var lat = parseFloat(latitude.value.replace(",", "."));
      var lng = parseFloat(longitude.value.replace(",", "."));
      return isFinite(lat) && isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? [lat, lng] : null;
    }

    function write(place) {
      latitude.value = place.lat.toFixed(DECIMALS);
      longitude.value = place.lng.toFixed(DECIMALS);
    }

    function show(place) {
      if (!place) {
        if (marker) {
          built.map.removeLayer(marker);
          marker = null;
        }
        return;
      }
      if (marker) {
        marker.setLatLng(place);
        return;
      }
      marker = L.marker(place, {
        icon: pinIcon(element.getAttribute("data-pin-colour"), ""),
        draggable: true,
        keyboard: false,
        title: element.getAttribute("data-pin-label") || ""
      }).addTo(built.map);
      marker.on("dragend", function () {
        write(marker.getLatLng());
      });
    }

    built.map.on("click", function (event) {
      write(event.latlng);
      show(event.latlng);
    });
    latitude.addEventListener("change", function () { show(typed()); });
    longitude.addEventListener("change", function () { show(typed()); });
    var start = typed();
    show(start);
    fit(built, start ? [start] : [], true);
  }

  var kinds = { directory: directory, actor: actor, picker: picker };

  function drawAll(root) {
    Array.prototype.forEach.call(root.querySelectorAll("[data-map]"), function (element) {
      var draw = kinds[element.getAttribute("data-map")];
      if (draw && !element.hasAttribute("data-map-drawn")) {
        element.setAttribute("data-map-drawn", "");
        draw(element);
      }
    });
  }

  drawAll(document);
  // The directory's filters swap the results (with their map) without reloading the page.
  document.body.addEventListener("htmx:afterSettle", function (event) {
    drawAll(event.target);
  });
})();
