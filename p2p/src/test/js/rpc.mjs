// A tiny protobuf writer for the gossipsub RPC, used only to forge messages (a bad signature)
// that the js-libp2p gossipsub API would never send.
function varint (n) {
  const b = []
  let v = BigInt(n)
  while (v >= 0x80n) { b.push(Number((v & 0x7fn) | 0x80n)); v >>= 7n }
  b.push(Number(v))
  return Buffer.from(b)
}
const field = (num, bytes) => Buffer.concat([varint((num << 3) | 2), varint(bytes.length), Buffer.from(bytes)])
const boolField = (num, v) => Buffer.concat([varint(num << 3), varint(v ? 1 : 0)])

function encodeMessage (m) {
  const parts = []
  if (m.from) parts.push(field(1, m.from))
  if (m.data) parts.push(field(2, m.data))
  if (m.seqno) parts.push(field(3, m.seqno))
  parts.push(field(4, Buffer.from(m.topic, 'utf8')))
  if (m.signature) parts.push(field(5, m.signature))
  if (m.key) parts.push(field(6, m.key))
  return Buffer.concat(parts)
}

/** { subscribe: [topic], publish: [message] } -> varint-length-prefixed RPC bytes */
export function encodeRpc ({ subscribe = [], publish = [] }) {
  const parts = []
  for (const t of subscribe) parts.push(field(1, Buffer.concat([boolField(1, true), field(2, Buffer.from(t, 'utf8'))])))
  for (const m of publish) parts.push(field(2, encodeMessage(m)))
  const body = Buffer.concat(parts)
  return Buffer.concat([varint(body.length), body])
}
