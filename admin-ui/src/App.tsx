import { Suspense, type ComponentType } from 'react';
import { Route } from 'react-router-dom';
import { AccessDenied, Admin, CustomRoutes, Loading, Resource, useTranslate } from 'react-admin';

import { authProvider } from './auth/authProvider';
import { isLazyPage, lazyPage } from './common/lazyPage';
import { LoginPage } from './auth/LoginPage';
import { canDo, type Me } from './auth/permissions';
import { CustomerCreate, CustomerEdit, CustomerIcon, CustomerList, CustomerShow, PoolList, StaleCustomerList } from './customers';
import { dataProvider, fetchList } from './dataProvider';
import { firstPageOf, prefetchList, type ListDefaults } from './common/listPrefetch';
import { i18nProvider } from './i18n/i18nProvider';
import {
  FollowUpCalendar,
  InteractionCreate,
  InteractionEdit,
  InteractionIcon,
  InteractionList,
  InteractionShow,
  TodayList,
} from './interactions';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import { LeadCreate, LeadEdit, LeadIcon, LeadList, LeadShow } from './leads';
import { LEAD_LIST } from './leads/lead';
import { CUSTOMER_LIST } from './customers/customer';
import { OPPORTUNITY_LIST } from './opportunities/opportunity';
import { INTERACTION_LIST } from './interactions/interaction';
import { canOpen, PAGES, type PageName } from './navigation';
import {
  Kanban,
  LossRequestList,
  OpportunityCreate,
  OpportunityEdit,
  OpportunityIcon,
  OpportunityList,
  OpportunityShow,
} from './opportunities';
import { CloseReasonCreate, CloseReasonEdit, CloseReasonIcon, CloseReasonList } from './closeReasons';
import { DepartmentCreate, DepartmentEdit, DepartmentIcon, DepartmentList } from './departments';
import { LevelCreate, LevelEdit, LevelIcon, LevelList } from './levels';
import { SettingCreate, SettingEdit, SettingIcon, SettingList } from './settings';
import { SourceCreate, SourceEdit, SourceIcon, SourceList } from './sources';
import { StaffCreate, StaffEdit, StaffIcon, StaffList } from './staff';
import { StageCreate, StageEdit, StageIcon, StageList } from './stages';
import { HolidayCreate, HolidayEdit, HolidayIcon, HolidayList } from './holidays';
import { CustomFieldCreate, CustomFieldEdit, CustomFieldIcon, CustomFieldList } from './customFields';
import { RoleEdit, RoleIcon, RoleList } from './roles';
import { JobRunIcon, JobRunList } from './jobRuns';
import { CampaignCreate, CampaignEdit, CampaignIcon, CampaignList, CampaignShow } from './campaigns';
import { QuestionnaireCreate, QuestionnaireEdit, QuestionnaireIcon, QuestionnaireList, QuestionnaireShow } from './questionnaires';
import { NotificationIcon, NotificationList } from './notifications';
import { WebhookCreate, WebhookEdit, WebhookIcon, WebhookList, WebhookShow } from './webhooks';
import { ComplaintCategoryCreate, ComplaintCategoryEdit, ComplaintCategoryIcon, ComplaintCategoryList } from './complaintCategories';
import { ComplaintCreate, ComplaintEdit, ComplaintIcon, ComplaintList, ComplaintShow } from './complaints';
import { VisitLogCreate, VisitLogEdit, VisitLogIcon, VisitLogList, VisitLogShow } from './visitLogs';

const Dashboard = lazyPage(() => import('./dashboard/Dashboard'));
const AccountPage = lazyPage(() => import('./account/AccountPage'));
const ConfigurationPage = lazyPage(() => import('./configuration/ConfigurationPage'));
const ImportPage = lazyPage(() => import('./import/ImportPage'));

/** The app's name, in the UI language (used by react-admin's error pages). */
const AppTitle = () => <>{useTranslate()('crm.app_title')}</>;

/** A page the role may not open: react-admin's "access denied" instead of a blank page. */
const Denied = () => <AccessDenied />;

const page = <C,>(me: Me | undefined, resource: string, action: string, component: C) =>
  canDo(me, resource, action) ? component : Denied;

type View = 'list' | 'show' | 'create' | 'edit';

interface ResourceDef extends Partial<Record<View, ComponentType>> {
  name: string;
  icon?: ComponentType;
  representation?: string;
  /** a big list's first request, fetched ahead on a reload (common/listPrefetch.ts) */
  listDefaults?: ListDefaults;
}

/**
 * Every resource and its pages, in menu order: the records, then organisation and configuration
 * (list, create and edit, no show page), then the rest. Resources without pages are registered
 * so that ReferenceFields to them resolve.
 */
const RESOURCES: ResourceDef[] = [
  { name: 'leads', icon: LeadIcon, representation: 'subject', listDefaults: LEAD_LIST, list: LeadList, show: LeadShow, create: LeadCreate, edit: LeadEdit },
  { name: 'customers', icon: CustomerIcon, representation: 'name', listDefaults: CUSTOMER_LIST, list: CustomerList, show: CustomerShow, create: CustomerCreate, edit: CustomerEdit },
  {
    name: 'opportunities',
    icon: OpportunityIcon,
    representation: 'name',
    listDefaults: OPPORTUNITY_LIST,
    list: OpportunityList,
    show: OpportunityShow,
    create: OpportunityCreate,
    edit: OpportunityEdit,
  },
  {
    name: 'interactions',
    icon: InteractionIcon,
    representation: 'subject',
    listDefaults: INTERACTION_LIST,
    list: InteractionList,
    show: InteractionShow,
    create: InteractionCreate,
    edit: InteractionEdit,
  },
  { name: 'visit-logs', icon: VisitLogIcon, representation: 'name', list: VisitLogList, show: VisitLogShow, create: VisitLogCreate, edit: VisitLogEdit },
  { name: 'complaints', icon: ComplaintIcon, representation: 'title', list: ComplaintList, show: ComplaintShow, create: ComplaintCreate, edit: ComplaintEdit },
  { name: 'departments', icon: DepartmentIcon, representation: 'name', list: DepartmentList, create: DepartmentCreate, edit: DepartmentEdit },
  { name: 'staff', icon: StaffIcon, representation: 'displayName', list: StaffList, create: StaffCreate, edit: StaffEdit },
  { name: 'stages', icon: StageIcon, representation: 'name', list: StageList, create: StageCreate, edit: StageEdit },
  { name: 'levels', icon: LevelIcon, representation: 'code', list: LevelList, create: LevelCreate, edit: LevelEdit },
  { name: 'sources', icon: SourceIcon, representation: 'name', list: SourceList, create: SourceCreate, edit: SourceEdit },
  { name: 'close-reasons', icon: CloseReasonIcon, representation: 'name', list: CloseReasonList, create: CloseReasonCreate, edit: CloseReasonEdit },
  { name: 'settings', icon: SettingIcon, representation: 'key', list: SettingList, create: SettingCreate, edit: SettingEdit },
  { name: 'holidays', icon: HolidayIcon, representation: 'name', list: HolidayList, create: HolidayCreate, edit: HolidayEdit },
  { name: 'custom-fields', icon: CustomFieldIcon, representation: 'label', list: CustomFieldList, create: CustomFieldCreate, edit: CustomFieldEdit },
  {
    name: 'complaint-categories',
    icon: ComplaintCategoryIcon,
    representation: 'name',
    list: ComplaintCategoryList,
    create: ComplaintCategoryCreate,
    edit: ComplaintCategoryEdit,
  },
  { name: 'roles', icon: RoleIcon, representation: 'name', list: RoleList, edit: RoleEdit },
  {
    name: 'webhook-subscriptions',
    icon: WebhookIcon,
    representation: 'name',
    list: WebhookList,
    show: WebhookShow,
    create: WebhookCreate,
    edit: WebhookEdit,
  },
  { name: 'campaigns', icon: CampaignIcon, representation: 'name', list: CampaignList, show: CampaignShow, create: CampaignCreate, edit: CampaignEdit },
  {
    name: 'questionnaires',
    icon: QuestionnaireIcon,
    representation: 'title',
    list: QuestionnaireList,
    show: QuestionnaireShow,
    create: QuestionnaireCreate,
    edit: QuestionnaireEdit,
  },
  { name: 'questionnaire-responses' },
  { name: 'notifications', icon: NotificationIcon, representation: 'title', list: NotificationList },
  { name: 'job-runs', icon: JobRunIcon, representation: 'job', list: JobRunList },
  { name: 'audit-events' },
];

const VIEWS: View[] = ['list', 'show', 'create', 'edit'];

/**
 * Resources come from `/api/crm/me` (the permissions): a page is registered for the
 * actions the role has, and an "access denied" page for the others (so a typed URL
 * does not show a blank page). Every resource is registered so that ReferenceFields
 * to it resolve. What the menu and the Create/Edit/Delete buttons show is decided by
 * `authProvider.canAccess`, i.e. by the same `me.resources`: a resource without
 * `list` is not in the menu, a button without its action is hidden.
 */
const resourcesFor = (me: Me | undefined) =>
  RESOURCES.map(({ name, icon, representation, listDefaults: _defaults, ...views }) => (
    <Resource
      key={name}
      name={name}
      icon={icon}
      recordRepresentation={representation}
      {...Object.fromEntries(VIEWS.filter(v => views[v]).map(v => [v, page(me, name, v, views[v])]))}
    />
  ));

/** Pages that are not a resource's own (公海, 久未跟进, …), lazy, each behind its permission. */
const PAGE_COMPONENTS: Partial<Record<PageName, ComponentType>> = {
  pool: PoolList,
  stale: StaleCustomerList,
  kanban: Kanban,
  lossRequests: LossRequestList,
  today: TodayList,
  calendar: FollowUpCalendar,
  configuration: ConfigurationPage,
};

const pagesFor = (me: Me | undefined) => (
  <CustomRoutes key="pages">
    {(Object.entries(PAGE_COMPONENTS) as Array<[PageName, ComponentType]>).map(([name, Component]) => (
      <Route
        key={name}
        path={PAGES[name].path}
        element={
          canOpen(me, PAGES[name]) ? (
            <Suspense fallback={<Loading />}>
              <Component />
            </Suspense>
          ) : (
            <Denied />
          )
        }
      />
    ))}
    {/* 导入: the page checks the create grant of the resource it imports */}
    <Route
      path="/import/:resource"
      element={
        <Suspense fallback={<Loading />}>
          <ImportPage />
        </Suspense>
      }
    />
    {/* 我的账户: every signed-in member's own */}
    <Route
      path="/account"
      element={
        <Suspense fallback={<Loading />}>
          <AccountPage />
        </Suspense>
      }
    />
  </CustomRoutes>
);

/**
 * Starts fetching the chunk of the page `hash` opens (`#/leads`, `#/leads/create`, `#/leads/7/show`,
 * `#/leads/7`, `#/pool`, `#/`), so that on a reload or a bookmark it arrives while the app
 * waits for `/api/crm/me` rather than after it; for a big list, its first page too (when it can be
 * told exactly what the List will ask). Whether the role may open it is decided later.
 */
export const preloadPage = (hash: string): void => {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  const [name = '', id, tail] = path.split('/').filter(Boolean);
  let target: unknown;
  if (path === '/') target = Dashboard;
  else if (name === 'account') target = AccountPage;
  else if (name === 'import') target = ImportPage;
  else {
    const page = (Object.keys(PAGES) as PageName[]).find(p => PAGES[p].path === `/${name}`);
    const resource = RESOURCES.find(r => r.name === name);
    if (page) target = PAGE_COMPONENTS[page];
    else if (resource) target = resource[id === undefined ? 'list' : id === 'create' ? 'create' : tail === 'show' ? 'show' : 'edit'];
  }
  if (isLazyPage(target)) void target.preload().catch(() => undefined);
  // and a big list's first page, when it can be told exactly
  const defaults = id === undefined ? RESOURCES.find(r => r.name === name)?.listDefaults : undefined;
  const first = defaults && firstPageOf(name, defaults, hash);
  if (first) prefetchList(name, first, fetchList);
};

export const App = () => (
  <Admin
    disableTelemetry
    requireAuth
    title={<AppTitle />}
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={Layout}
    dashboard={Dashboard}
    theme={theme}
    darkTheme={null}
  >
    {(permissions: Me | undefined) => [...resourcesFor(permissions), pagesFor(permissions)]}
  </Admin>
);

export default App;
