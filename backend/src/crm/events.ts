// CRM events (lead.created, opportunity.won…): the catalog in config/webhooks.json says which write
// of which resource raises each one. The write-rules middleware (rules.ts) asks `eventsOf` after
// every write and hands the events to the listeners inside the write's own transaction, so a
// listener's rows (webhook deliveries) exist exactly when the change does. Generic: the triggers
// are read from the catalog and the resources' descriptors (status attribute, renames).
import { readConfig } from './roles';
import type { ResourceDef } from './resource';
import type { WriteOp } from './rules';

export interface EventSpec { resource: string; on: 'create' | 'status'; to?: string }

export interface EventCatalog {
  timeoutMs: number;
  events: Record<string, EventSpec>;
  /** per resource, the API fields an event carries as its data (besides id) */
  payload: Record<string, string[]>;
}

export const eventCatalog = (appRoot: string): EventCatalog => readConfig<EventCatalog>(appRoot, 'webhooks.json');

export const eventNames = (cat: EventCatalog) => Object.keys(cat.events);

/** What the middleware needs to raise a resource's events: built once per resource at register. */
export interface EventTriggers {
  resource: string;
  events: { name: string; on: 'create' | 'status'; to?: string }[];
  /** the status attribute (the descriptor's `status`) */
  status?: string;
  /** API field → attribute, for the payload */
  fields: [string, string][];
}

export function triggersFor(cat: EventCatalog, def: Pick<ResourceDef, 'name' | 'status' | 'rename'>): EventTriggers | undefined {
  const events = Object.entries(cat.events).filter(([, s]) => s.resource === def.name).map(([name, s]) => ({ name, on: s.on, to: s.to }));
  if (!events.length) return undefined;
  if (events.some((e) => e.on === 'status') && !def.status) throw new Error(`config/webhooks.json: ${def.name} has no status for its status events`);
  const fields = (cat.payload[def.name] ?? []).map((api) => [api, def.rename?.[api] ?? api] as [string, string]);
  return { resource: def.name, events, status: def.status, fields };
}

export interface CrmEvent {
  name: string;
  resource: string;
  recordId: number;
  /** names this occurrence: one per record for a create, one per transition (the record's version) */
  occurrence: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : v ?? null);

/** The events one write raises (pure). `saved`: the row after the write, relations as ids. */
export function eventsOf(t: EventTriggers, op: WriteOp, before: Record<string, any> | null, saved: Record<string, any> | null, now = new Date()): CrmEvent[] {
  if (!saved || op === 'delete') return [];
  const status = t.status;
  const raised = t.events.filter((e) =>
    e.on === 'create' ? op === 'create'
    : !!status && saved[status] === e.to && (op === 'create' || before?.[status] !== saved[status]));
  if (!raised.length) return [];
  const data: Record<string, unknown> = { id: saved.id };
  for (const [api, attr] of t.fields) data[api] = plain(saved[attr]);
  // a transition is told apart from a later one to the same status by the version it made
  const occurrence = op === 'create' ? 'created' : `v${saved.version ?? plain(saved.updatedAt)}`;
  return raised.map((e) => ({ name: e.name, resource: t.resource, recordId: saved.id, occurrence, occurredAt: now.toISOString(), data }));
}

/** Hears the events of one write, or of a whole chunk of a bulk write (one lookup for all of them). */
export type EventListener = (events: CrmEvent[]) => Promise<void>;

const listeners: EventListener[] = [];

/** Registers a concept's reaction to every event (its descriptor's `onEvent`); once, across reboots in one process. */
export const onCrmEvent = (fn: EventListener) => { if (!listeners.includes(fn)) listeners.push(fn); };

export async function emitEvents(events: CrmEvent[]) {
  if (!events.length) return;
  for (const l of listeners) await l(events);
}
