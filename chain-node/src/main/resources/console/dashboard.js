// The dashboard's charts (uPlot, served by this node) and its live head, from GET /v1/events/blocks.
(function () {
  const statsEl = document.getElementById('stats');
  if (!statsEl) return;
  const MAX = 300;
  const blocks = JSON.parse(statsEl.textContent);
  const charts = [];

  function series(name) {
    const xs = [], ys = [];
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i], prev = blocks[i - 1];
      // The first block's parent is the genesis, whose time is the chain's creation: no interval to show.
      const dt = prev && prev.height > 0 ? (b.time - prev.time) / 1000 : null;
      let y;
      switch (name) {
        case 'interval': y = dt; break;
        case 'txs': y = b.txs; break;
        case 'tps': y = dt ? b.txs / dt : null; break;
        case 'rounds': y = b.round + 1; break;
        case 'mempool': y = b.mempool; break;
      }
      xs.push(b.height);
      ys.push(y === undefined ? null : y);
    }
    return [xs, ys];
  }

  function width(el) {
    return Math.max(200, el.clientWidth || el.parentElement.clientWidth - 12);
  }

  document.querySelectorAll('.plot').forEach((el) => {
    const name = el.dataset.series;
    const opts = {
      width: width(el), height: 160,
      scales: { x: { time: false } },
      axes: [{ label: 'height' }, { size: 56 }],
      legend: { show: false },
      series: [{}, { label: name, stroke: '#0b5cad', fill: 'rgba(11,92,173,0.08)', spanGaps: false }],
    };
    charts.push({ name, plot: new uPlot(opts, series(name), el), el });
  });

  window.addEventListener('resize', () => charts.forEach((c) => c.plot.setSize({ width: width(c.el), height: 160 })));

  const live = document.getElementById('live');
  const source = new EventSource('/v1/events/blocks');
  source.addEventListener('open', () => {
    live.textContent = 'Live: new blocks appear as they are committed.';
    live.classList.add('on');
  });
  source.addEventListener('error', () => {
    live.textContent = 'Live updates paused; reconnecting…';
    live.classList.remove('on');
  });
  source.addEventListener('block', (e) => {
    const b = JSON.parse(e.data);
    if (blocks.length && b.height <= blocks[blocks.length - 1].height) return;
    blocks.push(b);
    if (blocks.length > MAX) blocks.shift();
    const height = document.getElementById('head-height');
    height.textContent = b.height;
    height.href = '/blocks/' + b.height;
    document.getElementById('head-hash').textContent = b.hash;
    document.getElementById('head-time').textContent = new Date(b.time).toISOString().replace('.000Z', 'Z');
    document.getElementById('head-age').dataset.time = b.time;
    if (b.mempool !== null) document.getElementById('mempool').textContent = b.mempool;
    charts.forEach((c) => c.plot.setData(series(c.name)));
  });
})();
