import { createElement } from 'react';
import { ListSubheader } from '@mui/material';
import { Menu as RaMenu, usePermissions, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { canOpen, MENU, PAGES } from '../navigation';

/**
 * The side menu, by section (销售, 跟进, 前台, 组织, 系统设置). A resource appears when the role
 * may list it, a page when the role may open it; a section without items is hidden.
 */
export const Menu = () => {
  const { permissions: me } = usePermissions<Me>();
  const resources = useResourceDefinitions();
  const translate = useTranslate();
  const [open] = useSidebarState();
  return (
    <RaMenu data-testid="menu">
      <RaMenu.DashboardItem />
      {MENU.map(section => {
        const items = section.items.filter(item =>
          'resource' in item
            ? Boolean(resources[item.resource]) &&
              canDo(me, item.resource, 'list') &&
              canDo(me, item.resource, item.action ?? 'list')
            : canOpen(me, PAGES[item.page]),
        );
        if (items.length === 0) return null;
        return [
          section.title && open ? (
            <ListSubheader
              key={section.title}
              disableSticky
              sx={{ lineHeight: '32px', mt: 1, fontSize: 12, fontWeight: 600, color: 'text.secondary', bgcolor: 'transparent' }}
            >
              {translate(section.title)}
            </ListSubheader>
          ) : null,
          ...items.map(item =>
            'resource' in item && item.label ? (
              <RaMenu.Item
                key={item.resource}
                to={`/${item.resource}`}
                primaryText={item.label}
                leftIcon={resources[item.resource]?.icon ? createElement(resources[item.resource].icon) : undefined}
              />
            ) : 'resource' in item ? (
              <RaMenu.ResourceItem key={item.resource} name={item.resource} />
            ) : (
              <RaMenu.Item
                key={item.page}
                to={PAGES[item.page].path}
                primaryText={PAGES[item.page].label}
                leftIcon={createElement(PAGES[item.page].icon)}
              />
            ),
          ),
        ];
      })}
    </RaMenu>
  );
};
