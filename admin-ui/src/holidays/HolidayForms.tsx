import { ConfigCreate, ConfigEdit } from '../common/ConfigForms';
import { HOLIDAY_FIELDS, HolidayInputs } from './HolidayInputs';

export const HolidayCreate = () => (
  <ConfigCreate fields={HOLIDAY_FIELDS} defaults={{ active: true }}>
    <HolidayInputs />
  </ConfigCreate>
);

export const HolidayEdit = () => (
  <ConfigEdit fields={HOLIDAY_FIELDS}>
    <HolidayInputs />
  </ConfigEdit>
);
