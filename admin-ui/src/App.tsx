import { lazy } from 'react';
import { AccessDenied, Admin, Resource, useTranslate } from 'react-admin';

import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { canDo, type Me } from './auth/permissions';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import { LeadCreate, LeadEdit, LeadIcon, LeadList, LeadShow } from './leads';
import { StaffIcon, StaffList } from './staff';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));

/** The app's name, in the UI language (used by react-admin's error pages). */
const AppTitle = () => <>{useTranslate()('crm.app_title')}</>;

/** A page the role may not open: react-admin's "access denied" instead of a blank page. */
const Denied = () => <AccessDenied />;

const page = <C,>(me: Me | undefined, resource: string, action: string, component: C) =>
  canDo(me, resource, action) ? component : Denied;

/**
 * Resources come from `/api/crm/me` (the permissions): a page is registered for the
 * actions the role has, and an "access denied" page for the others (so a typed URL
 * does not show a blank page). `leads` and `staff` are always registered so that
 * ReferenceFields to them resolve. What the menu and the Create/Edit/Delete buttons
 * show is decided by `authProvider.canAccess`, i.e. by the same `me.resources`:
 * a resource without `list` is not in the menu, a button without its action is hidden.
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
    key="staff"
    name="staff"
    icon={StaffIcon}
    recordRepresentation="displayName"
    list={page(me, 'staff', 'list', StaffList)}
  />,
];

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
    {(permissions: Me | undefined) => resourcesFor(permissions)}
  </Admin>
);

export default App;
