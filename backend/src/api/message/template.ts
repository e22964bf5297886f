// `{{placeholder}}` templates, rendered by lookup only: no expressions, no code, no prototype
// access; an unknown placeholder renders empty. For email HTML every value is escaped.
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML[c]);

export function render(template: string, vars: Record<string, unknown>, opts: { html?: boolean } = {}): string {
  return template.replace(PLACEHOLDER, (_, key: string) => {
    const v = Object.prototype.hasOwnProperty.call(vars, key) ? vars[key] : undefined;
    const s = v === undefined || v === null ? '' : String(v);
    return opts.html ? escapeHtml(s) : s;
  });
}

/** Plain text as an HTML body: escaped, line breaks kept. */
export const textToHtml = (text: string) => `<div style="font-family:sans-serif">${escapeHtml(text).replace(/\n/g, '<br>')}</div>`;
