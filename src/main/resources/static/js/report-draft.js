/*
 * Keeps what is typed into a report form in this browser (localStorage) until the server has saved it,
 * and offers it back when the page is opened again after a dropped connection or an expired session.
 * The saved copy carries the report's version: once the server shows a newer version, the save went
 * through and the copy is dropped.
 */
(function () {
    'use strict';
    var form = document.getElementById('report-form');
    if (!form || !window.localStorage) {
        return;
    }
    var key = form.getAttribute('data-draft-key');
    var version = form.getAttribute('data-version');
    var offer = document.getElementById('draft-offer');

    function fields() {
        return Array.prototype.filter.call(form.elements, function (el) {
            return el.name && el.name !== 'version' && el.name !== '_csrf' && el.type !== 'file'
                && el.type !== 'submit' && el.type !== 'button' && el.type !== 'hidden';
        });
    }

    function snapshot() {
        var values = {};
        fields().forEach(function (el) {
            if (el.type === 'radio') {
                if (el.checked) {
                    values[el.name] = el.value;
                } else if (!(el.name in values)) {
                    values[el.name] = '';
                }
            } else {
                values[el.name] = el.value;
            }
        });
        return values;
    }

    function apply(values) {
        fields().forEach(function (el) {
            if (!(el.name in values)) {
                return;
            }
            if (el.type === 'radio') {
                el.checked = el.value === values[el.name];
            } else {
                el.value = values[el.name];
            }
        });
    }

    function read() {
        try {
            return JSON.parse(localStorage.getItem(key) || 'null');
        } catch (e) {
            return null;
        }
    }

    function write() {
        try {
            localStorage.setItem(key, JSON.stringify({version: version, values: snapshot(), at: Date.now()}));
        } catch (e) {
            // Storage full or disabled: the server copy is all there is.
        }
    }

    function same(a, b) {
        return Object.keys(a).every(function (name) {
            return (a[name] || '') === (b[name] || '');
        });
    }

    var stored = read();
    var current = snapshot();
    if (stored && Number(stored.version) < Number(version)) {
        // The server has a newer version than the one this copy was typed on: it was saved.
        localStorage.removeItem(key);
        stored = null;
    }
    if (stored && !same(stored.values, current) && offer) {
        offer.hidden = false;
        document.getElementById('draft-restore').addEventListener('click', function () {
            apply(stored.values);
            offer.hidden = true;
        });
        document.getElementById('draft-discard').addEventListener('click', function () {
            localStorage.removeItem(key);
            offer.hidden = true;
        });
    }

    var timer = null;
    form.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(write, 400);
    });
    form.addEventListener('change', write);
    form.addEventListener('submit', write);
})();
