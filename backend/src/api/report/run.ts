// Runs a named report for the caller: filters read once, each report a small module (reports/).
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../crm/access';
import { notFound } from '../../crm/errors';
import { readFilters, ReportContext } from './context';
import { REPORTS } from './reports';

export async function runReport(strapi: Core.Strapi, actor: Actor, name: unknown, query: Record<string, unknown>) {
  const report = typeof name === 'string' && Object.hasOwn(REPORTS, name) ? REPORTS[name] : undefined;
  if (!report) throw notFound(`no report ${String(name)}`, { field: 'name', code: 'unknown_report', allowed: Object.keys(REPORTS) });
  const ctx = new ReportContext(strapi, actor, await readFilters(strapi, query));
  return report(ctx);
}
