import { lazy } from 'react';
import PeopleAltOutlinedIcon from '@mui/icons-material/PeopleAltOutlined';

/** Lazy pages: each is its own chunk, loaded when first visited. */
export const CustomerList = lazy(() => import('./CustomerList'));
export const CustomerShow = lazy(() => import('./CustomerShow'));
export const CustomerEdit = lazy(() => import('./CustomerEdit'));
export const CustomerCreate = lazy(() => import('./CustomerCreate'));
export const PoolList = lazy(() => import('./PoolList'));
export const StaleCustomerList = lazy(() => import('./StaleCustomerList'));

export const CustomerIcon = PeopleAltOutlinedIcon;
export type { Customer } from './customer';
