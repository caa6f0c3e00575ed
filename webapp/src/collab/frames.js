/**
 * The messages in one server frame: a frame holds one JSON object or, when the server batches for a
 * busy client, an array of them to be handled in order (PROTOCOL.md, "The WebSocket").
 * Throws on anything that is not JSON objects with a string `type`.
 */
export function decodeFrame(data) {
  if (typeof data !== 'string') throw new TypeError('binary frames are not part of the protocol');
  const value = JSON.parse(data);
  const messages = Array.isArray(value) ? value : [value];
  for (const m of messages) {
    if (!m || typeof m !== 'object' || typeof m.type !== 'string') {
      throw new TypeError('a message is a JSON object with a string "type"');
    }
  }
  return messages;
}

export function encodeMessage(message) {
  return JSON.stringify(message);
}
