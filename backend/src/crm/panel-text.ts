// Chinese texts for Strapi's admin panel, from panel-zh.json (generated from the staff UI's
// catalogs by scripts/gen/panel-zh.ts): refusal messages and CRM field labels.
import zh from './panel-zh.json';
import { resources } from './registry';

type Texts = { codes: Record<string, string>; resources: Record<string, { name: string; fields: Record<string, string> }> };
const texts = zh as Texts;

/** The Chinese label of a CRM record field, by the schema attribute name (undoes `rename`). */
export function fieldLabel(resourceName: string | undefined, attribute: string): string | undefined {
  const def = resourceName ? resources().find((r) => r.name === resourceName) : undefined;
  const apiName = Object.entries(def?.rename ?? {}).find(([, a]) => a === attribute)?.[0] ?? attribute;
  return (resourceName && texts.resources[resourceName]?.fields[apiName]) || undefined;
}

/** The Chinese label of a CRM record field by its API name (`status`, `createdAt`…). */
export const apiFieldLabel = (resourceName: string, field: string): string | undefined => texts.resources[resourceName]?.fields[field] || undefined;

/** The resource whose content type is `uid` (`api::lead.lead` → `leads`). */
export const resourceOfUid = (uid: string | undefined) => resources().find((r) => r.uid === uid)?.name;

/** The Chinese text of a refusal `code`, placeholders filled from `details`; undefined if unknown. */
export function refusalText(code: string, details: Record<string, unknown>, resourceName?: string): string | undefined {
  const template = texts.codes[code];
  if (!template) return undefined;
  return template.replace(/%\{(\w+)\}/g, (_, key: string) => {
    if (key === 'field') {
      const field = typeof details.field === 'string' ? details.field : '';
      return (resourceName && texts.resources[resourceName]?.fields[field]) || fieldLabel(resourceName, field) || field;
    }
    const v = details[key];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  });
}

/** The schema attribute of an API field name (`status` → `leadStatus` on leads). */
export const attributeOf = (resourceName: string | undefined, field: string) =>
  resources().find((r) => r.name === resourceName)?.rename?.[field] ?? field;
