import 'server-only';
import type { Tx } from '@/db/client';
import { auditEvents } from '@/db/schema';
import type { Actor } from '@/lib/core/actor';

export interface AuditTarget {
  type: string;
  id?: string | null;
  licenseId?: string | null;
}

/**
 * Writes the audit row of a change ("who, what, when, from where", DESIGN.md), inside the
 * change's own transaction, so a change and its row land together or not at all.
 */
export async function audit(tx: Tx, actor: Actor, action: string, target: AuditTarget, details: Record<string, unknown> = {}, at = new Date()): Promise<void> {
  await tx.insert(auditEvents).values({
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
  });
}
