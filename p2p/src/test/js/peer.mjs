#!/usr/bin/env node
// The js-libp2p peer of the p2p module's interop tests. One process, driven by stdin commands,
// reporting one JSON object per stdout line, so a JUnit test can script both directions.
//   node peer.mjs --key-type ed25519|secp256k1 --key-hex HEX [--listen] [--topic t]
// stdin commands (JSON, one per line):
//   {"cmd":"dial","addr":"/ip4/.../p2p/..."}     -> {"ev":"dialed",...}
//   {"cmd":"ping","peer":"..."}                   -> {"ev":"ping","rttMs":n}
//   {"cmd":"subscribe","topic":"t"}
//   {"cmd":"publish","topic":"t","data":"text"|"size":n}  -> {"ev":"published","recipients":[...]}
//   {"cmd":"badsig","peer":"...","topic":"t"}    -> sends a message with a broken signature
//   {"cmd":"peers"}                                -> {"ev":"peers","peers":[...],"mesh":{...}}
//   {"cmd":"stop"}
import './polyfill.mjs'
import { parseArgs } from 'node:util'
import { createInterface } from 'node:readline'
import { createHash } from 'node:crypto'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { gossipsub } from '@libp2p/gossipsub'
import { generateKeyPair, generateKeyPairFromSeed, privateKeyFromRaw, publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import { encodeRpc } from './rpc.mjs'

const { values: opt } = parseArgs({
  options: {
    'key-type': { type: 'string', default: 'ed25519' },
    'key-hex': { type: 'string' },
    listen: { type: 'boolean', default: false },
    'no-early-muxer': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false }
  }
})

const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')
const hex = (u8) => Buffer.from(u8).toString('hex')

async function loadKey () {
  const type = opt['key-type'] === 'secp256k1' ? 'secp256k1' : 'Ed25519'
  if (opt['key-hex'] == null) return generateKeyPair(type)
  const raw = Uint8Array.from(Buffer.from(opt['key-hex'], 'hex'))
  return type === 'secp256k1' ? privateKeyFromRaw(raw) : generateKeyPairFromSeed('Ed25519', raw)
}

const privateKey = await loadKey()
const node = await createLibp2p({
  privateKey,
  addresses: { listen: opt.listen ? ['/ip4/127.0.0.1/tcp/0'] : [] },
  transports: [tcp()],
  connectionEncrypters: [opt['no-early-muxer'] ? noise({ extensions: { streamMuxers: [] } }) : noise()],
  streamMuxers: [yamux()],
  connectionManager: { maxConnections: 100 },
  services: {
    identify: identify({ agentVersion: 'gridchain-interop-js/1.0' }),
    ping: ping(),
    pubsub: gossipsub({ emitSelf: false, allowPublishToZeroTopicPeers: true, heartbeatInterval: 700, globalSignaturePolicy: 'StrictSign', maxInboundDataLength: 4 * 1024 * 1024 })
  }
})
await node.start()
const pubsub = node.services.pubsub

out({ ev: 'ready', peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map(String), publicKeyHex: hex(publicKeyToProtobuf(privateKey.publicKey)) })

node.addEventListener('peer:identify', (e) => {
  const r = e.detail
  out({ ev: 'identify', peerId: r.peerId.toString(), agentVersion: r.agentVersion, protocols: r.protocols, publicKeyHex: r.publicKey ? hex(r.publicKey) : null, listenAddrs: r.listenAddrs.map(String), observedAddr: r.observedAddr?.toString() })
})
node.addEventListener('connection:open', (e) => out({ ev: 'connection', peerId: e.detail.remotePeer.toString(), direction: e.detail.direction, multiplexer: e.detail.multiplexer }))
pubsub.addEventListener('message', (e) => {
  const m = e.detail
  const data = Buffer.from(m.data)
  out({ ev: 'message', topic: m.topic, from: m.from?.toString(), size: data.length, text: data.length <= 200 ? data.toString('utf8') : undefined, sha: (data.length > 200 ? hexDigest(data) : undefined) })
})
pubsub.addEventListener('gossipsub:graft', (e) => out({ ev: 'graft', peerId: e.detail.peerId, topic: e.detail.topic }))
pubsub.addEventListener('subscription-change', (e) => out({ ev: 'subscription', peerId: e.detail.peerId.toString(), subscriptions: e.detail.subscriptions }))

function hexDigest (buf) {
  return hex(new Uint8Array(createHash('sha256').update(buf).digest()))
}

const commands = {
  async dial ({ addr }) {
    const c = await node.dial(multiaddr(addr))
    return { ev: 'dialed', peerId: c.remotePeer.toString(), multiplexer: c.multiplexer, encryption: c.encryption }
  },
  async ping ({ peer }) {
    const rttMs = await node.services.ping.ping(peerIdFromString(peer))
    return { ev: 'ping', rttMs }
  },
  async subscribe ({ topic }) {
    pubsub.subscribe(topic)
    return { ev: 'subscribed', topic }
  },
  async publish ({ topic, data, size }) {
    const bytes = size != null ? Buffer.alloc(size, 'x') : Buffer.from(data, 'utf8')
    const r = await pubsub.publish(topic, bytes)
    return { ev: 'published', recipients: r.recipients.map(String) }
  },
  async badsig ({ peer, topic, data }) {
    const remote = peerIdFromString(peer)
    const stream = await node.dialProtocol(remote, '/meshsub/1.1.0')
    const seqno = Buffer.alloc(8); seqno.writeBigUInt64BE(BigInt(Date.now()))
    const from = node.peerId.toMultihash().bytes
    const sig = new Uint8Array(64).fill(7) // not a signature of anything
    const rpc = encodeRpc({ subscribe: [topic], publish: [{ from, data: Buffer.from(data ?? 'forged'), seqno, topic, signature: sig, key: publicKeyToProtobuf(privateKey.publicKey) }] })
    stream.send(rpc)
    await new Promise(resolve => setTimeout(resolve, 300))
    await stream.close().catch(() => {})
    return { ev: 'badsig-sent' }
  },
  async peers ({ topic }) {
    return { ev: 'peers', peers: node.getPeers().map(String), mesh: topic ? pubsub.getMeshPeers(topic) : [], subscribers: topic ? pubsub.getSubscribers(topic).map(String) : [] }
  },
  async stop () {
    await node.stop()
    out({ ev: 'stopped' })
    process.exit(0)
  }
}

const rl = createInterface({ input: process.stdin })
rl.on('line', async (line) => {
  if (line.trim() === '') return
  let cmd
  try { cmd = JSON.parse(line) } catch { out({ ev: 'error', error: 'bad json' }); return }
  try {
    const f = commands[cmd.cmd]
    if (f == null) throw new Error('unknown command ' + cmd.cmd)
    const r = await f(cmd)
    if (r != null) out({ ...r, id: cmd.id })
  } catch (err) {
    out({ ev: 'error', id: cmd.id, cmd: cmd.cmd, error: String(err?.message ?? err) })
  }
})
rl.on('close', () => commands.stop())
