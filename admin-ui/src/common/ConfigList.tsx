import type { ReactNode } from 'react';
import { DataTable, List, Pagination, usePermissions, type SortPayload } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';

/**
 * The list of a small configuration resource (stages, levels, sources, …): ordered, no
 * paging worth the name, rows open the edit form for those who may edit.
 */
export const ConfigList = ({
  resource,
  children,
  sort = { field: 'order', order: 'ASC' },
  filters,
}: {
  resource: string;
  children: ReactNode;
  sort?: SortPayload;
  filters?: ReactNode[];
}) => {
  const { permissions } = usePermissions<Me>();
  return (
    <List
      resource={resource}
      sort={sort}
      perPage={50}
      filters={filters as never}
      pagination={<Pagination rowsPerPageOptions={[50, 100]} />}
      exporter={false}
    >
      <DataTable rowClick={canDo(permissions, resource, 'edit') ? 'edit' : false} bulkActionButtons={false}>
        {children}
      </DataTable>
    </List>
  );
};
