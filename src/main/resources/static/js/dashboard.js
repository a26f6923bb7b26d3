// Draws the indicator chart from the indicator table on the dashboard (the table stays the accessible,
// printable source of the numbers). No inline script: the page's Content-Security-Policy forbids it.
(function () {
    'use strict';
    var canvas = document.getElementById('indicator-chart');
    var table = document.getElementById('indicator-table');
    if (!canvas || !table || typeof window.Chart === 'undefined') {
        return;
    }
    var years = Array.prototype.map.call(table.querySelectorAll('thead th[data-year]'), function (th) {
        return th.getAttribute('data-year');
    });
    var rows = Array.prototype.filter.call(table.querySelectorAll('tbody tr[data-indicator]'), function (tr) {
        // Rates and amounts of money do not share an axis with head counts.
        var unit = tr.getAttribute('data-unit');
        return unit !== '%' && unit !== 'đồng';
    });
    var labels = rows.map(function (tr) {
        var name = tr.getAttribute('data-indicator');
        return name.length > 28 ? name.slice(0, 27) + '…' : name;
    });
    var colours = ['#adb5bd', '#9ec5fe', '#6ea8fe', '#3d8bfd', '#0d6efd', '#0a58ca', '#0a3d91'];
    var datasets = years.map(function (year, i) {
        return {
            label: year,
            backgroundColor: colours[Math.max(0, colours.length - years.length + i)],
            data: rows.map(function (tr) {
                var cell = tr.querySelectorAll('td[data-value]')[i];
                return cell ? Number(cell.getAttribute('data-value')) : 0;
            })
        };
    });
    new window.Chart(canvas, {
        type: 'bar',
        data: {labels: labels, datasets: datasets},
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            scales: {y: {beginAtZero: true}},
            plugins: {legend: {position: 'bottom'}}
        }
    });
})();
