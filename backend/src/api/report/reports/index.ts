// The reports, by URL name. Each answers {rows, totals}, grouped in SQL over ReportContext#ids.
import type { ReportContext } from '../context';
import funnel from './funnel';
import sources from './sources';
import { industries, levels, regions } from './customers';
import followUps from './follow-ups';
import traffic from './traffic';
import lossReasons from './loss-reasons';
import wonByMonth from './won-by-month';

export interface ReportResult {
  rows: Record<string, unknown>[];
  totals: Record<string, number>;
}
export type Report = (c: ReportContext) => Promise<ReportResult>;

export const REPORTS: Record<string, Report> = {
  funnel,
  sources,
  levels,
  industries,
  regions,
  'follow-ups': followUps,
  traffic,
  'loss-reasons': lossReasons,
  'won-by-month': wonByMonth,
};
