import type { TranslateFunction } from 'react-admin';

import { formatDateTime } from '../common/dates';
import type { VisitLog } from './visitLog';

/** "到店 · 陈女士 · 2026/11/24 10:30" */
export const formatVisitTitle = (record: VisitLog, translate: TranslateFunction, locale: string): string =>
  [
    translate(`crm.visit_kind.${record.kind}`, { _: record.kind }),
    record.name,
    formatDateTime(record.visitedAt, locale),
  ]
    .filter(Boolean)
    .join(' · ');
