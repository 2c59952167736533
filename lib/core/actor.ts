import type { ActorType } from '@/lib/core/enums';

/** Who is acting, for the audit log: "who, what, when, from where" (DESIGN.md). */
export interface Actor {
  type: ActorType;
  /** User id for staff; absent for end users and the system. */
  id?: string;
  /** What the audit log shows: an email, "end user via portal", "system". */
  label: string;
  /** Client address, or '' when not known (console, scripts). */
  ip: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', label: 'system', ip: '' };

/** The anonymous end user, identified only by the license key in the file. */
export function endUserActor(channel: 'portal' | 'API', ip: string): Actor {
  return { type: 'end_user', label: `end user via ${channel}`, ip };
}
