// The signature of a request from a file room: HMAC-SHA256 under the room's secret over
// "<timestamp>\n<METHOD>\n<path>\n" followed by the raw body bytes. The timestamp, method and path are signed
// too, so a captured signature cannot be replayed later or against another route (see docs/file-rooms.md).
import { createHmac } from 'node:crypto';

export function fileRoomSignature(secret: string, input: { timestamp: string; method: string; path: string; body: Uint8Array }): string {
  return createHmac('sha256', secret).update(`${input.timestamp}\n${input.method.toUpperCase()}\n${input.path}\n`).update(input.body).digest('hex');
}
