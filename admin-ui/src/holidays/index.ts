import CelebrationOutlinedIcon from '@mui/icons-material/CelebrationOutlined';

export { HolidayList } from './HolidayList';
export { HolidayCreate, HolidayEdit } from './HolidayForms';
export const HolidayIcon = CelebrationOutlinedIcon;
