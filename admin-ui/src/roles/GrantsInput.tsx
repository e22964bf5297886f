import { Checkbox, FormControlLabel, MenuItem, Select, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useInput, useRecordContext, useTranslate } from 'react-admin';

import { SCOPES, setScope, toggleAction, type Grants, type Role, type Scope } from './role';

/**
 * A role's grants as a table: per resource, the visibility scope and a checkbox per action.
 * Saved with the role; every check, `/me` and the buttons follow at once (no restart).
 */
export const GrantsInput = () => {
  const record = useRecordContext<Role>();
  const translate = useTranslate();
  const { field } = useInput<Grants>({ source: 'grants' });
  const grants: Grants = field.value ?? {};
  const offered = record?.offered ?? {};
  const actionLabel = (resource: string, action: string) =>
    translate(`crm.actions.${resource}.${action}`, { _: translate(`crm.role_editor.crud.${action}`, { _: action }) });
  return (
    <Table size="small" sx={{ maxWidth: 1100 }} data-testid="grants">
      <TableHead>
        <TableRow>
          <TableCell>{translate('crm.role_editor.resource')}</TableCell>
          <TableCell>{translate('crm.role_editor.scope')}</TableCell>
          <TableCell>{translate('crm.role_editor.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {Object.entries(offered).map(([resource, actions]) => (
          <TableRow key={resource} data-testid={`grant-${resource}`}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`resources.${resource}.name`, { smart_count: 2, _: translate(`crm.role_editor.resource_names.${resource}`, { _: resource }) })}</TableCell>
            <TableCell>
              <Select
                size="small"
                variant="standard"
                value={grants[resource]?.scope ?? 'none'}
                onChange={e => field.onChange(setScope(grants, resource, e.target.value as Scope))}
              >
                {SCOPES.map(s => (
                  <MenuItem key={s} value={s}>
                    {translate(`crm.role_editor.scopes.${s}`)}
                  </MenuItem>
                ))}
              </Select>
            </TableCell>
            <TableCell>
              {actions.map(a => (
                <FormControlLabel
                  key={a}
                  label={actionLabel(resource, a)}
                  control={
                    <Checkbox
                      size="small"
                      checked={grants[resource]?.actions.includes(a) ?? false}
                      onChange={e => field.onChange(toggleAction(grants, resource, a, e.target.checked))}
                      slotProps={{ input: { 'aria-label': `${resource}:${a}` } as never }}
                    />
                  }
                />
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
