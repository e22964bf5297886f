import { lazy } from 'react';
import { Admin, Resource } from 'react-admin';

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

/**
 * Resources come from `/api/crm/me` (the permissions): a page is registered only for
 * the actions the role has. `leads` and `staff` are always registered so that
 * ReferenceFields to them resolve; without `list` they stay out of the menu
 * (react-admin's Menu also asks `authProvider.canAccess`).
 */
const resourcesFor = (me: Me | undefined) => [
  <Resource
    key="leads"
    name="leads"
    icon={LeadIcon}
    recordRepresentation="subject"
    list={canDo(me, 'leads', 'list') ? LeadList : undefined}
    show={canDo(me, 'leads', 'show') ? LeadShow : undefined}
    create={canDo(me, 'leads', 'create') ? LeadCreate : undefined}
    edit={canDo(me, 'leads', 'edit') ? LeadEdit : undefined}
  />,
  <Resource
    key="staff"
    name="staff"
    icon={StaffIcon}
    recordRepresentation="displayName"
    list={canDo(me, 'staff', 'list') ? StaffList : undefined}
  />,
];

export const App = () => (
  <Admin
    disableTelemetry
    requireAuth
    title="客户关系管理"
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
