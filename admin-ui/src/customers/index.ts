import PeopleAltOutlinedIcon from '@mui/icons-material/PeopleAltOutlined';

import { lazyPage } from '../common/lazyPage';

/** Lazy pages: each is its own chunk, loaded when first visited. */
export const CustomerList = lazyPage(() => import('./CustomerList'));
export const CustomerShow = lazyPage(() => import('./CustomerShow'));
export const CustomerEdit = lazyPage(() => import('./CustomerEdit'));
export const CustomerCreate = lazyPage(() => import('./CustomerCreate'));
export const PoolList = lazyPage(() => import('./PoolList'));
export const StaleCustomerList = lazyPage(() => import('./StaleCustomerList'));

export const CustomerIcon = PeopleAltOutlinedIcon;
export type { Customer } from './customer';
