import { lazy, Suspense, type ComponentType } from 'react';
import { Route } from 'react-router-dom';
import { AccessDenied, Admin, CustomRoutes, Loading, Resource, useTranslate } from 'react-admin';

import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { canDo, type Me } from './auth/permissions';
import { CustomerCreate, CustomerEdit, CustomerIcon, CustomerList, CustomerShow, PoolList, StaleCustomerList } from './customers';
import { dataProvider } from './dataProvider';
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

const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const AccountPage = lazy(() => import('./account/AccountPage'));
const ConfigurationPage = lazy(() => import('./configuration/ConfigurationPage'));
const ImportPage = lazy(() => import('./import/ImportPage'));

/** The app's name, in the UI language (used by react-admin's error pages). */
const AppTitle = () => <>{useTranslate()('crm.app_title')}</>;

/** A page the role may not open: react-admin's "access denied" instead of a blank page. */
const Denied = () => <AccessDenied />;

const page = <C,>(me: Me | undefined, resource: string, action: string, component: C) =>
  canDo(me, resource, action) ? component : Denied;

/** Organisation and configuration resources: list, create and edit (no show page). */
const CONFIG = [
  { name: 'departments', icon: DepartmentIcon, representation: 'name', list: DepartmentList, create: DepartmentCreate, edit: DepartmentEdit },
  { name: 'staff', icon: StaffIcon, representation: 'displayName', list: StaffList, create: StaffCreate, edit: StaffEdit },
  { name: 'stages', icon: StageIcon, representation: 'name', list: StageList, create: StageCreate, edit: StageEdit },
  { name: 'levels', icon: LevelIcon, representation: 'code', list: LevelList, create: LevelCreate, edit: LevelEdit },
  { name: 'sources', icon: SourceIcon, representation: 'name', list: SourceList, create: SourceCreate, edit: SourceEdit },
  {
    name: 'close-reasons',
    icon: CloseReasonIcon,
    representation: 'name',
    list: CloseReasonList,
    create: CloseReasonCreate,
    edit: CloseReasonEdit,
  },
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
  { name: 'roles', icon: RoleIcon, representation: 'name', list: RoleList, create: undefined, edit: RoleEdit },
];

/**
 * Resources come from `/api/crm/me` (the permissions): a page is registered for the
 * actions the role has, and an "access denied" page for the others (so a typed URL
 * does not show a blank page). Every resource is registered so that ReferenceFields
 * to it resolve. What the menu and the Create/Edit/Delete buttons show is decided by
 * `authProvider.canAccess`, i.e. by the same `me.resources`: a resource without
 * `list` is not in the menu, a button without its action is hidden.
 */
const resourcesFor = (me: Me | undefined) => [
  <Resource
    key="leads"
    name="leads"
    icon={LeadIcon}
    recordRepresentation="subject"
    list={page(me, 'leads', 'list', LeadList)}
    show={page(me, 'leads', 'show', LeadShow)}
    create={page(me, 'leads', 'create', LeadCreate)}
    edit={page(me, 'leads', 'edit', LeadEdit)}
  />,
  <Resource
    key="customers"
    name="customers"
    icon={CustomerIcon}
    recordRepresentation="name"
    list={page(me, 'customers', 'list', CustomerList)}
    show={page(me, 'customers', 'show', CustomerShow)}
    create={page(me, 'customers', 'create', CustomerCreate)}
    edit={page(me, 'customers', 'edit', CustomerEdit)}
  />,
  <Resource
    key="opportunities"
    name="opportunities"
    icon={OpportunityIcon}
    recordRepresentation="name"
    list={page(me, 'opportunities', 'list', OpportunityList)}
    show={page(me, 'opportunities', 'show', OpportunityShow)}
    create={page(me, 'opportunities', 'create', OpportunityCreate)}
    edit={page(me, 'opportunities', 'edit', OpportunityEdit)}
  />,
  <Resource
    key="interactions"
    name="interactions"
    icon={InteractionIcon}
    recordRepresentation="subject"
    list={page(me, 'interactions', 'list', InteractionList)}
    show={page(me, 'interactions', 'show', InteractionShow)}
    create={page(me, 'interactions', 'create', InteractionCreate)}
    edit={page(me, 'interactions', 'edit', InteractionEdit)}
  />,
  <Resource
    key="visit-logs"
    name="visit-logs"
    icon={VisitLogIcon}
    recordRepresentation="name"
    list={page(me, 'visit-logs', 'list', VisitLogList)}
    show={page(me, 'visit-logs', 'show', VisitLogShow)}
    create={page(me, 'visit-logs', 'create', VisitLogCreate)}
    edit={page(me, 'visit-logs', 'edit', VisitLogEdit)}
  />,
  <Resource
    key="complaints"
    name="complaints"
    icon={ComplaintIcon}
    recordRepresentation="title"
    list={page(me, 'complaints', 'list', ComplaintList)}
    show={page(me, 'complaints', 'show', ComplaintShow)}
    create={page(me, 'complaints', 'create', ComplaintCreate)}
    edit={page(me, 'complaints', 'edit', ComplaintEdit)}
  />,
  ...CONFIG.map(({ name, icon, representation, list, create, edit }) => (
    <Resource
      key={name}
      name={name}
      icon={icon}
      recordRepresentation={representation}
      list={page(me, name, 'list', list)}
      create={create && page(me, name, 'create', create)}
      edit={page(me, name, 'edit', edit)}
    />
  )),
  <Resource
    key="webhook-subscriptions"
    name="webhook-subscriptions"
    icon={WebhookIcon}
    recordRepresentation="name"
    list={page(me, 'webhook-subscriptions', 'list', WebhookList)}
    show={page(me, 'webhook-subscriptions', 'show', WebhookShow)}
    create={page(me, 'webhook-subscriptions', 'create', WebhookCreate)}
    edit={page(me, 'webhook-subscriptions', 'edit', WebhookEdit)}
  />,
  <Resource
    key="campaigns"
    name="campaigns"
    icon={CampaignIcon}
    recordRepresentation="name"
    list={page(me, 'campaigns', 'list', CampaignList)}
    show={page(me, 'campaigns', 'show', CampaignShow)}
    create={page(me, 'campaigns', 'create', CampaignCreate)}
    edit={page(me, 'campaigns', 'edit', CampaignEdit)}
  />,
  <Resource
    key="questionnaires"
    name="questionnaires"
    icon={QuestionnaireIcon}
    recordRepresentation="title"
    list={page(me, 'questionnaires', 'list', QuestionnaireList)}
    show={page(me, 'questionnaires', 'show', QuestionnaireShow)}
    create={page(me, 'questionnaires', 'create', QuestionnaireCreate)}
    edit={page(me, 'questionnaires', 'edit', QuestionnaireEdit)}
  />,
  <Resource key="questionnaire-responses" name="questionnaire-responses" />,
  <Resource key="notifications" name="notifications" icon={NotificationIcon} recordRepresentation="title" list={page(me, 'notifications', 'list', NotificationList)} />,
  <Resource key="job-runs" name="job-runs" icon={JobRunIcon} recordRepresentation="job" list={page(me, 'job-runs', 'list', JobRunList)} />,
  <Resource key="audit-events" name="audit-events" />,
];

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
