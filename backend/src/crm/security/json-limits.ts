// Bounds on client-supplied JSON. Pure. Depth is measured iteratively, so a hostile 100k-level
// value cannot blow the stack of the very check meant to refuse it.

/** A whole request body (or a JSON query parameter): generous, CRM payloads are shallow. */
export const MAX_BODY_DEPTH = 32;
/** A `json` field such as `custom` or `tags`. `{}` is depth 1, `{"a":{}}` depth 2. */
export const MAX_FIELD_DEPTH = 5;
/** A `json` field, serialized. */
export const MAX_FIELD_BYTES = 16 * 1024;

/** Nesting depth of objects/arrays, stopping as soon as it passes `limit`. */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(v as object)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Size in bytes of the UTF-8 JSON text of `value` (callers check depth first). */
export const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
