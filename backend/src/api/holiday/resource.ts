import type { ResourceDef } from '../../crm/resource';
import { badRequest } from '../../crm/errors';
import { lunarHolidays } from './lunar';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

// Shipped: the lunar festivals 2027–2030 (computed) plus config/holidays.json's statutory list,
// which an admin extends each year (the State Council publishes it in late autumn).
const holiday: ResourceDef = {
  name: 'holidays',
  uid: 'api::holiday.holiday',
  audited: true,
  search: ['name'],
  defaultSort: ['date', 'ASC'],
  seed: { file: 'holidays.json', key: 'statutory', rows: (statutory: any[]) => [...lunarHolidays(2027, 2030), ...(statutory ?? []).map((h) => ({ ...h, kind: 'statutory' }))] },
  rule: {
    check({ after }) {
      if (after && !(typeof after.date === 'string' && DATE.test(after.date) && !Number.isNaN(Date.parse(after.date)))) {
        throw badRequest('date: must be a date YYYY-MM-DD', { field: 'date', code: 'invalid_date' });
      }
    },
  },
};
export default holiday;
