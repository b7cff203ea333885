// The hash that links one audit event to the one before it: a keyed MAC over the event's fields, in a fixed
// order, and the previous hash. Changing any field, or removing an event, breaks every hash after it.
import type { Secrets } from '../secrets';

export interface HashedFields {
  processId: string | null;
  type: string;
  actor: string | null;
  ip: string | null;
  message: string;
  createdAt: Date;
  prevHash: string | null;
}

export function auditEventHash(secrets: Secrets, e: HashedFields): string {
  return secrets.auditMac(JSON.stringify(['v1', e.processId, e.type, e.actor, e.ip, e.message, e.createdAt.toISOString(), e.prevHash]));
}
