// Node 20 has no Promise.withResolvers (ES2024); libp2p 3.x and yamux call it. Must load first.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function () {
    let resolve
    let reject
    const promise = new this((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}
