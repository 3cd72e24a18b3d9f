/*
 * The process owner's diagram: draws the version's BPMN file with bpmn-js's viewer and puts each
 * element's counts on it, read from the element table of the same page (the table is the text
 * alternative; the drawing only repeats it, so it is hidden from screen readers).
 */
(function () {
  'use strict';
  var container = document.getElementById('diagram');
  if (!container || typeof window.BpmnJS !== 'function' || typeof window.fetch !== 'function') {
    return;
  }

  function say(text) {
    container.textContent = '';
    var p = document.createElement('p');
    p.className = 'govuk-body';
    p.textContent = text;
    container.appendChild(p);
  }

  function badge(kind, count, words) {
    var span = document.createElement('span');
    span.className = 'caseway-badge caseway-badge--' + kind;
    span.title = count + ' ' + words;
    span.textContent = String(count);
    return span;
  }

  fetch(container.getAttribute('data-diagram-url'), {credentials: 'same-origin'})
    .then(function (response) {
      if (!response.ok) {
        throw new Error('the diagram could not be loaded (' + response.status + ')');
      }
      return response.text();
    })
    .then(function (xml) {
      container.textContent = '';
      var viewer = new window.BpmnJS({container: container});
      return viewer.importXML(xml).then(function () {
        var canvas = viewer.get('canvas');
        var overlays = viewer.get('overlays');
        var registry = viewer.get('elementRegistry');
        canvas.zoom('fit-viewport', 'auto');
        document.querySelectorAll('#elements tr[data-element-id]').forEach(function (row) {
          var id = row.getAttribute('data-element-id');
          var active = Number(row.getAttribute('data-active'));
          var incidents = Number(row.getAttribute('data-incidents'));
          if (!registry.get(id) || (active === 0 && incidents === 0)) {
            return;
          }
          var counts = document.createElement('div');
          counts.className = 'caseway-counts';
          if (active > 0) {
            counts.appendChild(badge('active', active, 'active'));
          }
          if (incidents > 0) {
            counts.appendChild(badge('incident', incidents, 'open incidents'));
            canvas.addMarker(id, 'caseway-has-incident');
          }
          overlays.add(id, 'caseway-counts', {position: {bottom: 12, left: -8}, html: counts});
        });
        container.querySelectorAll('svg, .djs-overlay-container').forEach(function (drawing) {
          drawing.setAttribute('aria-hidden', 'true');
        });
        container.classList.add('caseway-diagram--drawn');
      });
    })
    .catch(function (error) {
      say('The diagram could not be drawn: ' + error.message + '. The table below lists every element with its counts.');
    });
}());
