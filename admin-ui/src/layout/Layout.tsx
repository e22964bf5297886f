import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';

import { CrmAppBar } from './AppBar';
import { Menu } from './Menu';

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={CrmAppBar} menu={Menu} sx={{ '& .RaLayout-content': { pt: 1, px: { xs: 1, md: 2 } } }}>
    {children}
  </RaLayout>
);
