// `{{placeholder}}` templates, rendered by lookup only: no expressions, no code, no prototype
// access; an unknown placeholder renders empty. For email HTML every value is escaped.
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML[c]);

export function render(template: string, vars: Record<string, unknown>, opts: { html?: boolean } = {}): string {
  return templateParts(template).map((p) => {
    if (typeof p === 'string') return p;
    const v = Object.prototype.hasOwnProperty.call(vars, p.key) ? vars[p.key] : undefined;
    const s = v === undefined || v === null ? '' : String(v);
    return opts.html ? escapeHtml(s) : s;
  }).join('');
}

/**
 * The template as literal text and placeholders, in order: what render fills in, and what a job
 * that renders in SQL (greetings.ts, one INSERT … SELECT for many rows) turns into a concatenation.
 */
export function templateParts(template: string): (string | { key: string })[] {
  const out: (string | { key: string })[] = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index! > at) out.push(template.slice(at, m.index));
    out.push({ key: m[1] });
    at = m.index! + m[0].length;
  }
  if (at < template.length) out.push(template.slice(at));
  return out;
}

/** Plain text as an HTML body: escaped, line breaks kept. */
export const textToHtml = (text: string) => `<div style="font-family:sans-serif">${escapeHtml(text).replace(/\n/g, '<br>')}</div>`;
