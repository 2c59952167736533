import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { hotQuery } from '@/db/prepared';
import { auditEvents, type NewAuditEvent } from '@/db/schema';
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
  await insertRow(tx, {
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

const COLUMNS = ['at', 'actorType', 'actorId', 'actorLabel', 'action', 'targetType', 'targetId', 'licenseId', 'details', 'ip'] as const;
const insertRow = hotQuery('insert_audit_event', (db) =>
  db.insert(auditEvents).values(Object.fromEntries(COLUMNS.map((column) => [column, sql.placeholder(column)])) as unknown as NewAuditEvent),
);
