import type { ComponentType } from 'react';
import CalendarMonthOutlinedIcon from '@mui/icons-material/CalendarMonthOutlined';
import GavelOutlinedIcon from '@mui/icons-material/GavelOutlined';
import HistoryToggleOffOutlinedIcon from '@mui/icons-material/HistoryToggleOffOutlined';
import TodayOutlinedIcon from '@mui/icons-material/TodayOutlined';
import ViewKanbanOutlinedIcon from '@mui/icons-material/ViewKanbanOutlined';
import WavesOutlinedIcon from '@mui/icons-material/WavesOutlined';
import SettingsSuggestOutlinedIcon from '@mui/icons-material/SettingsSuggestOutlined';

import { canDo, type Me } from './auth/permissions';

/** A page that is not a resource's list: its path, menu label and who may open it. */
export interface PageDef {
  path: string;
  label: string;
  icon: ComponentType;
  resource: string;
  action: string;
}

export const PAGES = {
  pool: { path: '/pool', label: 'crm.menu.pool', icon: WavesOutlinedIcon, resource: 'customers', action: 'list' },
  stale: {
    path: '/stale-customers',
    label: 'crm.menu.stale',
    icon: HistoryToggleOffOutlinedIcon,
    resource: 'customers',
    action: 'list',
  },
  kanban: {
    path: '/kanban',
    label: 'crm.menu.kanban',
    icon: ViewKanbanOutlinedIcon,
    resource: 'opportunities',
    action: 'list',
  },
  lossRequests: {
    path: '/loss-requests',
    label: 'crm.menu.loss_requests',
    icon: GavelOutlinedIcon,
    resource: 'opportunities',
    action: 'approve-loss',
  },
  today: { path: '/today', label: 'crm.menu.today', icon: TodayOutlinedIcon, resource: 'interactions', action: 'list' },
  calendar: {
    path: '/calendar',
    label: 'crm.menu.calendar',
    icon: CalendarMonthOutlinedIcon,
    resource: 'interactions',
    action: 'list',
  },
  configuration: {
    path: '/configuration',
    label: 'crm.config_page.menu',
    icon: SettingsSuggestOutlinedIcon,
    resource: 'stages',
    action: 'edit',
  },
} satisfies Record<string, PageDef>;

export type PageName = keyof typeof PAGES;

export const canOpen = (me: Me | undefined | null, page: PageDef): boolean => canDo(me, page.resource, page.action);

/**
 * A menu section: resources (their list pages) and pages, in order. A resource item shows
 * when the role has `action` on it (`list` by default); configuration lists are readable by
 * every role (for pickers and chips) but only in the menu of those who may edit them.
 */
export interface MenuSection {
  title?: string;
  /** `label`: the entry's own text where the resource's name would repeat the section title */
  items: Array<{ resource: string; action?: string; label?: string } | { page: PageName }>;
}

export const MENU: MenuSection[] = [
  {
    title: 'crm.menu.sales',
    items: [
      { resource: 'leads' },
      { resource: 'customers' },
      { page: 'pool' },
      { page: 'stale' },
      { resource: 'opportunities' },
      { page: 'kanban' },
      { page: 'lossRequests' },
    ],
  },
  {
    title: 'crm.menu.follow_up',
    items: [{ resource: 'interactions', label: 'crm.menu.all_follow_ups' }, { page: 'today' }, { page: 'calendar' }],
  },
  { title: 'crm.menu.front_desk', items: [{ resource: 'visit-logs' }] },
  // the service queue is for those who handle complaints (a consultant reads their customers' on the customer)
  { title: 'crm.menu.service', items: [{ resource: 'complaints', action: 'process', label: 'crm.menu.complaint_queue' }] },
  // questionnaires: in the menu of those who build them; consultants fill them on a record's page
  { title: 'crm.menu.marketing', items: [{ resource: 'campaigns' }, { resource: 'questionnaires', action: 'edit' }] },
  { title: 'crm.menu.organisation', items: [{ resource: 'departments' }, { resource: 'staff' }] },
  {
    title: 'crm.menu.settings',
    items: [
      { resource: 'stages', action: 'edit' },
      { resource: 'levels', action: 'edit' },
      { resource: 'sources', action: 'edit' },
      { resource: 'close-reasons', action: 'edit' },
      { resource: 'complaint-categories', action: 'edit' },
      { resource: 'custom-fields', action: 'edit' },
      { resource: 'roles', action: 'edit' },
      { page: 'configuration' },
      { resource: 'settings', action: 'edit' },
      { resource: 'holidays', action: 'edit' },
      { resource: 'job-runs', action: 'run' },
      { resource: 'webhook-subscriptions', action: 'edit' },
    ],
  },
];
