// Queuing many messages at once (greetings, reminders, campaigns): multi-row INSERT … ON CONFLICT
// (dedupe_key) DO NOTHING in chunks, on PostgreSQL and SQLite, plus the relation link rows of the
// rows actually inserted. One statement per chunk instead of one Document Service create (its
// transaction, savepoint, re-read) per message: 200k greetings in seconds instead of minutes.
// It writes below the Document Service on purpose and may: messages are not audited nor
// versioned, and the only write rule they have (resource.ts: a second row with the same dedupe
// key is "already queued") is exactly the ON CONFLICT clause here. Shaping shared with
// outbox.ts#enqueue: queuedBody (opt-out phrase) and robotCopy (department robots).
import crypto from 'crypto';
import { messagingConfig } from './opt-out';
import { queuedBody, queuedBodySql, robotCopy, type NewMessage } from './outbox';

const UID = 'api::message.message';
/** rows per statement: PostgreSQL takes the chunk as one JSON parameter; SQLite binds ~14 per row (limit 32766) */
// SQLite: knex writes a multi-row insert with ON CONFLICT as INSERT … SELECT … UNION ALL SELECT …,
// and SQLite refuses more than 500 terms in one compound SELECT (SQLITE_MAX_COMPOUND_SELECT)
export const chunkSize = () => (strapi.db.dialect.client === 'postgres' ? 5000 : 500);

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** digits of a row's position in its batch, inside its document id */
const POSITION = 7;

/**
 * The document-id prefix of one batch: a letter, then 9 random letters and digits (~51 random bits).
 * A batch's ids are prefix + the row's position (POSITION digits) + 7 random characters: shaped like
 * Strapi's (24 lowercase letters and digits, a letter first), unique, and ascending within the
 * batch, so the (document_id, locale, published_at) index takes them as appends. Random ids land
 * all over that index: 200k rows on PostgreSQL took 7.3 s to insert instead of 3.5 s.
 */
function batchPrefix(): string {
  const bytes = crypto.randomBytes(10);
  let s = ALPHABET[bytes[0] % 26];
  for (let j = 1; j < 10; j++) s += ALPHABET[bytes[j] % 36];
  return s;
}

/** `n` document ids of one batch (see batchPrefix). Strapi's own cuid2 costs ~0.1 ms each: 22 s for 200k rows. */
export function documentIds(n: number): string[] {
  const prefix = batchPrefix();
  const bytes = crypto.randomBytes(n * 7);
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let s = prefix + String(i).padStart(POSITION, '0');
    for (let j = 0; j < 7; j++) s += ALPHABET[bytes[i * 7 + j] % 36];
    out[i] = s;
  }
  return out;
}

/** The same ids made by the database for rows of an INSERT … SELECT (row_number() over the statement's rows). */
function documentIdSql(pg: boolean): { sql: string; bindings: string[] } {
  const tail = pg ? 'substr(md5(random()::text), 1, 7)' : 'lower(hex(randomblob(4)))';
  const position = pg ? `lpad((row_number() OVER () - 1)::text, ${POSITION}, '0')` : `substr('${'0'.repeat(POSITION)}' || (row_number() OVER () - 1), -${POSITION}, ${POSITION})`;
  return { sql: `?${pg ? '::text' : ''} || ${position} || substr(${tail}, 1, 7)`, bindings: [batchPrefix()] };
}

export interface Queued { queued: number; duplicates: number }

/**
 * Queues every message of `list` whose dedupe key is new, in chunks of chunkSize() rows (each chunk one
 * transaction, or the caller's when there is one); answers how many were queued and how many were
 * already there. In-app staff notifications also get their department robot's copy, as enqueue does.
 */
export async function enqueueMany(list: NewMessage[], now = new Date()): Promise<Queued> {
  const total: Queued = { queued: 0, duplicates: 0 };
  const withRobots = await addRobotCopies(list);
  const cfg = messagingConfig();
  const size = chunkSize();
  for (let i = 0; i < withRobots.length; i += size) {
    const chunk = withRobots.slice(i, i + size);
    const r = await insertChunk(chunk, now, cfg);
    // only the caller's messages count, not their robot copies
    total.queued += r.filter((k) => !k.robot).length;
    total.duplicates += chunk.filter((m) => !isRobot(m)).length - r.filter((k) => !k.robot).length;
  }
  return total;
}

const ROBOT = Symbol('robot');
const isRobot = (m: NewMessage) => (m as any)[ROBOT] === true;

async function addRobotCopies(list: NewMessage[]): Promise<NewMessage[]> {
  const staffIds = [...new Set(list.filter((m) => m.channel === 'inapp' && m.staff).map((m) => m.staff as number))];
  if (!staffIds.length) return list;
  const users: any[] = await strapi.db.query('plugin::users-permissions.user' as any).findMany({
    where: { id: { $in: staffIds } }, select: ['id'], populate: { department: { select: ['id', 'robotKind', 'robotWebhook'] } },
  });
  const dept = new Map(users.map((u) => [u.id, u.department]));
  const out: NewMessage[] = [];
  for (const m of list) {
    out.push(m);
    const robot = m.staff ? robotCopy(m, dept.get(m.staff)) : null;
    if (robot) out.push(Object.assign(robot, { [ROBOT]: true }));
  }
  return out;
}

async function insertChunk(chunk: NewMessage[], now: Date, cfg: ReturnType<typeof messagingConfig>) {
  const meta: any = strapi.db.metadata.get(UID as any);
  const col = (attr: string) => meta.attributes[attr].columnName ?? attr;
  const ids = documentIds(chunk.length);
  const rows = chunk.map((m, i) => ({
    document_id: ids[i], [col('channel')]: m.channel, [col('to')]: m.to ?? null, [col('subject')]: m.subject ?? null,
    [col('body')]: queuedBody(m, cfg), [col('purpose')]: m.purpose, [col('dedupeKey')]: m.dedupeKey,
    [col('linkResource')]: m.linkResource ?? null, [col('linkId')]: m.linkId ?? null,
  }));
  const byKey = new Map(chunk.map((m) => [m.dedupeKey, m]));
  const links = ['customer', 'staff'].map((attr) => ({ attr: attr as 'customer' | 'staff', jt: meta.attributes[attr].joinTable }));
  const inserted: { id: number; key: string }[] = strapi.db.dialect.client === 'postgres'
    ? await insertPostgres(meta.tableName, rows, chunk, links, col, now)
    : await strapi.db.transaction(async ({ trx }: any) => {
      // SQLite stores datetimes as epoch milliseconds through knex
      const stamp = now.getTime();
      const got: any[] = await trx(meta.tableName).insert(rows.map((r) => ({ ...r, [col('messageStatus')]: 'queued', [col('attempts')]: 0, created_at: stamp, updated_at: stamp, published_at: stamp })))
        .onConflict(col('dedupeKey')).ignore().returning(['id', col('dedupeKey')]);
      const out = got.map((r) => ({ id: Number(r.id), key: r[col('dedupeKey')] as string }));
      for (const { attr, jt } of links) {
        const values = out.filter((g) => byKey.get(g.key)![attr]).map((g) => ({ [jt.joinColumn.name]: g.id, [jt.inverseJoinColumn.name]: byKey.get(g.key)![attr] }));
        if (values.length) await trx(jt.name).insert(values);
      }
      return out;
    });
  return inserted.map((g) => ({ id: g.id, robot: isRobot(byKey.get(g.key)!) }));
}

/**
 * PostgreSQL: the chunk as one JSON parameter, unpacked by json_to_recordset, inserted with its
 * link rows in one statement (data-modifying CTEs): one round trip and one parse per chunk,
 * where a VALUES list of 14 parameters per row costs several times more to bind.
 */
async function insertPostgres(table: string, rows: Record<string, unknown>[], chunk: NewMessage[], links: { attr: 'customer' | 'staff'; jt: any }[], col: (a: string) => string, now: Date) {
  const keyCol = col('dedupeKey');
  const cols = Object.keys(rows[0]);
  const src = rows.map((r, i) => ({ ...r, customer_id: chunk[i].customer ?? null, staff_id: chunk[i].staff ?? null }));
  const q = (c: string) => `"${c}"`;
  const types = cols.map((c) => `${q(c)} ${c === 'link_id' ? 'integer' : 'text'}`).join(', ');
  const linkSql = links.map(({ attr, jt }) => `, ${attr}_links AS (INSERT INTO ${q(jt.name)} (${q(jt.joinColumn.name)}, ${q(jt.inverseJoinColumn.name)})
      SELECT ins.id, src.${attr}_id FROM ins JOIN src ON src.${q(keyCol)} = ins.${q(keyCol)} WHERE src.${attr}_id IS NOT NULL)`).join('');
  // DISTINCT ON: a key twice in one chunk is one row (and one link), as in separate statements
  const sql = `WITH src AS (SELECT DISTINCT ON (${q(keyCol)}) * FROM json_to_recordset(?::json) AS s(${types}, customer_id integer, staff_id integer)),
    ins AS (INSERT INTO ${q(table)} (${cols.map(q).join(', ')}, ${q(col('messageStatus'))}, ${q(col('attempts'))}, created_at, updated_at, published_at)
      SELECT ${cols.map(q).join(', ')}, 'queued', 0, ?::timestamp, ?::timestamp, ?::timestamp FROM src
      ON CONFLICT (${q(keyCol)}) DO NOTHING RETURNING id, ${q(keyCol)})${linkSql}
    SELECT id, ${q(keyCol)} AS key FROM ins`;
  const stamp = now.toISOString();
  // joins the caller's transaction when there is one (the change that caused the messages)
  const res: any = await strapi.db.transaction(({ trx }: any) => trx.raw(sql, [JSON.stringify(src), stamp, stamp, stamp]));
  return (res.rows as any[]).map((r) => ({ id: Number(r.id), key: r.key as string }));
}

/** A SELECT of messages to queue (bindings as `?`): see enqueueSelect for its columns. */
export interface MessageSource { sql: string; bindings: unknown[] }

/**
 * Queues the messages a SELECT yields, inside the database (INSERT … SELECT … ON CONFLICT
 * (dedupe_key) DO NOTHING, with the customer link rows of the rows inserted): no row travels to
 * Node and back, so memory stays flat and 200k greetings are one pass of the database. The source
 * yields `channel`, `to`, `subject`, `body` (as rendered: queuedBodySql adds the opt-out phrase, as
 * enqueue does), `purpose`, `dedupe_key` (each key once) and `customer_id` (or NULL). Rows go in
 * dedupe-key order, so the unique index takes appends and two instances queuing the same rows take
 * them in the same order. One transaction (the caller's when there is one); answers how many rows
 * the source had (`tried`) and how many of them were new (`queued`).
 */
export async function enqueueSelect(src: MessageSource, now = new Date()): Promise<{ tried: number; queued: number }> {
  const meta: any = strapi.db.metadata.get(UID as any);
  const col = (attr: string) => meta.attributes[attr].columnName ?? attr;
  const q = (c: string) => `"${c}"`;
  const pg = strapi.db.dialect.client === 'postgres';
  const jt = meta.attributes.customer.joinTable;
  const body = queuedBodySql(messagingConfig(), pg);
  const docId = documentIdSql(pg);
  const key = q(col('dedupeKey'));
  const cols = ['channel', 'to', 'subject', 'body', 'purpose', 'dedupeKey', 'messageStatus', 'attempts'].map((a) => q(col(a)));
  const stampSql = pg ? '?::timestamp' : '?';
  // SQLite stores datetimes as epoch milliseconds through knex; PostgreSQL as timestamps
  const stamp = pg ? now.toISOString() : now.getTime();
  const values = `SELECT ${docId.sql}, src.channel, src."to", src.subject, ${body.sql}, src.purpose, src.dedupe_key, 'queued', 0, ${stampSql}, ${stampSql}, ${stampSql}`;
  const insert = `INSERT INTO ${q(meta.tableName)} (document_id, ${cols.join(', ')}, created_at, updated_at, published_at)`;
  const bindings = [...docId.bindings, ...body.bindings, stamp, stamp, stamp];
  const link = `INSERT INTO ${q(jt.name)} (${q(jt.joinColumn.name)}, ${q(jt.inverseJoinColumn.name)})`;
  return strapi.db.transaction(async ({ trx }: any) => {
    if (pg) {
      // one statement: the link rows come from the inserted rows' RETURNING (data-modifying CTEs)
      const res: any = await trx.raw(`WITH src AS (SELECT * FROM (${src.sql}) s ORDER BY dedupe_key),
        ins AS (${insert} ${values} FROM src ON CONFLICT (${key}) DO NOTHING RETURNING id, ${key} AS dedupe_key),
        lnk AS (${link} SELECT ins.id, src.customer_id FROM ins JOIN src ON src.dedupe_key = ins.dedupe_key WHERE src.customer_id IS NOT NULL)
        SELECT (SELECT count(*) FROM src) AS tried, (SELECT count(*) FROM ins) AS queued`, [...src.bindings, ...bindings]);
      return { tried: Number(res.rows[0].tried), queued: Number(res.rows[0].queued) };
    }
    // SQLite has no data-modifying CTEs, but one writer: the rows this transaction inserts are
    // exactly those with an id above the largest before it
    const [{ top }] = await trx.raw(`SELECT COALESCE(max(id), 0) AS top FROM ${q(meta.tableName)}`);
    // `WHERE true`: SQLite's parser needs it between INSERT … SELECT and ON CONFLICT
    await trx.raw(`${insert} ${values} FROM (SELECT * FROM (${src.sql}) s ORDER BY dedupe_key) src WHERE true ON CONFLICT (${key}) DO NOTHING`, [...bindings, ...src.bindings]);
    await trx.raw(`${link} SELECT m.id, src.customer_id FROM ${q(meta.tableName)} m JOIN (${src.sql}) src ON src.dedupe_key = m.${key}
      WHERE m.id > ? AND src.customer_id IS NOT NULL ORDER BY m.id`, [...src.bindings, top]);
    const [{ tried }] = await trx.raw(`SELECT count(*) AS tried FROM (${src.sql}) s`, src.bindings);
    const [{ queued }] = await trx.raw(`SELECT count(*) AS queued FROM ${q(meta.tableName)} WHERE id > ?`, [top]);
    return { tried: Number(tried), queued: Number(queued) };
  });
}
