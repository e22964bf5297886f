import ScheduleOutlinedIcon from '@mui/icons-material/ScheduleOutlined';

import { lazyPage } from '../common/lazyPage';

/** Lazy page: its own chunk, loaded when first visited. */
export const JobRunList = lazyPage(() => import('./JobRunList').then((m) => ({ default: m.JobRunList })));

export const JobRunIcon = ScheduleOutlinedIcon;
