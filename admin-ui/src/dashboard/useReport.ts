// Reads one report (GET /api/crm/reports/<name>) for the dashboard charts.
import { useEffect, useState } from 'react';
import { API_URL, authFetchJson } from '../auth/session';
import { crmTimeZone } from '../common/dates';

export interface ReportResult<R = Record<string, any>> {
  rows: R[];
  totals: Record<string, number>;
  /** the funnel's median days per pipeline stage */
  stages?: Array<{ stage: number; name: string | null; stays: number; medianDays: number }>;
}

/** Today's calendar day in the CRM zone, `YYYY-MM-DD` (the browser may be elsewhere). */
export const crmToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: crmTimeZone() }).format(new Date());

export const useReport = <R = Record<string, any>>(name: string, params: Record<string, string> = {}, enabled = true) => {
  const [result, setResult] = useState<ReportResult<R> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const query = new URLSearchParams(params).toString();
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    authFetchJson(`${API_URL}/crm/reports/${name}${query ? `?${query}` : ''}`)
      .then(({ json }) => live && setResult(json as ReportResult<R>))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [name, query, enabled]);
  return { result, error, loading: enabled && !result && !error };
};

/** A react-admin list URL with `filter` applied. */
export const listUrl = (resource: string, filter: Record<string, unknown> = {}): string =>
  Object.keys(filter).length ? `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}` : `/${resource}`;

/** The service queue, GET /api/crm/complaint-queue (rows only). */
export const useQueue = () => {
  const [result, setResult] = useState<Array<{ severity: string; status: string }> | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    authFetchJson(`${API_URL}/crm/complaint-queue`)
      .then(({ json }) => live && setResult(Array.isArray(json) ? json : (json?.data ?? [])))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, []);
  return { result, loading: !result && !error };
};
