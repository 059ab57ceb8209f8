#!/usr/bin/env node
// js-libp2p side of the p2p benchmark; prints one "ROUND <value>" line per round, then
// "MEDIAN <value>". Everything runs in this one process on 127.0.0.1.
//   node bench.mjs throughput --rounds 5 --mb 128      -> MB/s of one stream (Noise + yamux)
//   node bench.mjs gossip --rounds 5 --msgs 5000 --size 256  -> messages/s delivered to 3 subscribers
// Keys are Ed25519 (js-libp2p's default), as in the Java gossip benchmark.
import './polyfill.mjs'
import { parseArgs } from 'node:util'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { gossipsub } from '@libp2p/gossipsub'

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '5' },
    mb: { type: 'string', default: '128' },
    msgs: { type: 'string', default: '5000' },
    size: { type: 'string', default: '256' }
  }
})
const SINK = '/bench/sink/1.0.0'
const TOPIC = 'bench'
const WINDOW = 1000
// Both sides warm up for at least this long (and at least the rounds they always did), so that
// neither is measured while its JIT is still compiling.
const WARMUP_MS = 5000
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function node (listen) {
  return createLibp2p({
    addresses: { listen: listen ? ['/ip4/127.0.0.1/tcp/0'] : [] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: {
      identify: identify(),
      pubsub: gossipsub({ emitSelf: false, allowPublishToZeroTopicPeers: true, maxInboundDataLength: 4 * 1024 * 1024 })
    }
  })
}

async function throughputRound (a, b, bytes) {
  const chunk = new Uint8Array(1 << 20).fill(7)
  const start = process.hrtime.bigint()
  const stream = await a.dialProtocol(b.peerId, SINK)
  for (let sent = 0; sent < bytes; sent += chunk.length) {
    if (!stream.send(chunk)) await stream.onDrain()
  }
  await stream.close()
  for await (const ack of stream) { if (ack.byteLength > 0) break }
  const secs = Number(process.hrtime.bigint() - start) / 1e9
  return bytes / (1 << 20) / secs
}

async function throughput () {
  const a = await node(false)
  const b = await node(true)
  await b.handle(SINK, async (stream) => {
    let n = 0
    for await (const c of stream) n += c.byteLength
    stream.send(Uint8Array.of(n > 0 ? 1 : 0))
    await stream.close()
  })
  await a.dial(b.getMultiaddrs()[0])
  const bytes = Number(opt.mb) << 20
  const warmStart = Date.now() // warm-up as on the Java side: two rounds and 5 s
  for (let i = 0; i < 2 || Date.now() - warmStart < WARMUP_MS; i++) await throughputRound(a, b, bytes)
  const results = []
  for (let i = 0; i < Number(opt.rounds); i++) {
    const r = await throughputRound(a, b, bytes)
    console.log(`ROUND ${r.toFixed(1)}`)
    results.push(r)
  }
  console.log(`MEDIAN ${median(results).toFixed(1)}`)
  await a.stop(); await b.stop()
}

async function gossipRound (pub, counts, n, size, round) {
  counts.fill(0)
  const start = process.hrtime.bigint()
  const pending = []
  for (let i = 0; i < n; i++) {
    const data = new Uint8Array(size)
    new DataView(data.buffer).setUint32(0, i + round * n)
    pending.push(pub.services.pubsub.publish(TOPIC, data))
    if (pending.length >= 100) { await Promise.all(pending); pending.length = 0 }
    // at most WINDOW messages ahead of the slowest subscriber: a sustained rate, not a queue
    while (i - Math.min(...counts) > WINDOW && Number(process.hrtime.bigint() - start) < 30e9) await sleep(1)
  }
  await Promise.all(pending)
  const deadline = Date.now() + 30000 // a round that loses messages ends here and says so
  while (counts.some(c => c < n) && Date.now() < deadline) await sleep(1)
  const secs = Number(process.hrtime.bigint() - start) / 1e9
  return n / secs
}

async function gossip () {
  const pub = await node(true)
  const subs = [await node(false), await node(false), await node(false)]
  const counts = [0, 0, 0]
  subs.forEach((s, i) => {
    s.services.pubsub.subscribe(TOPIC)
    s.services.pubsub.addEventListener('message', () => { counts[i]++ })
  })
  pub.services.pubsub.subscribe(TOPIC)
  for (const s of subs) await s.dial(pub.getMultiaddrs()[0])
  while (pub.services.pubsub.getMeshPeers(TOPIC).length < 3) await sleep(50)
  const n = Number(opt.msgs)
  const size = Number(opt.size)
  const results = []
  const warmStart = Date.now() // warm-up as on the Java side: one round and 5 s
  do { await gossipRound(pub, counts, n, size, 0) } while (Date.now() - warmStart < WARMUP_MS)
  for (let round = 1; round <= Number(opt.rounds); round++) {
    const rate = await gossipRound(pub, counts, n, size, round)
    console.log(`ROUND ${rate.toFixed(0)} (${counts.join('/')} delivered)`)
    results.push(rate)
  }
  console.log(`MEDIAN ${median(results).toFixed(0)}`)
  await pub.stop()
  for (const s of subs) await s.stop()
}

if (positionals[0] === 'throughput') await throughput()
else if (positionals[0] === 'gossip') await gossip()
else { console.error('usage: node bench.mjs throughput|gossip [options]'); process.exit(2) }
process.exit(0)
