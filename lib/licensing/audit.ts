import 'server-only';
import type { Tx } from '@/db/client';
import { insertAuditEvent } from '@/db/queries/audit';
import type { Actor } from '@/lib/licensing/actor';

export interface AuditTarget {
  type: string;
  id?: string | null;
  licenseId?: string | null;
}

/** Writes the audit row of a change, inside the change's own transaction. */
export function audit(tx: Tx, actor: Actor, action: string, target: AuditTarget, details: Record<string, unknown> = {}, at = new Date()): void {
  insertAuditEvent(
    {
      at,
      actorType: actor.type,
      actorId: actor.id ?? null,
      actorLabel: actor.label,
      action,
      targetType: target.type,
      targetId: target.id ?? null,
      licenseId: target.licenseId ?? null,
      details,
      ip: actor.ip,
    },
    tx,
  );
}
