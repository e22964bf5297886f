import ScheduleOutlinedIcon from '@mui/icons-material/ScheduleOutlined';

export { JobRunList } from './JobRunList';
export const JobRunIcon = ScheduleOutlinedIcon;
