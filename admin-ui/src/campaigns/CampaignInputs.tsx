import { Box, Typography } from '@mui/material';
import { FormDataConsumer, SelectInput, TextInput, required, useGetList, useTranslate } from 'react-admin';

import { CrmDateTimeInput } from '../common/CrmDateTimeInput';
import { useLevels } from '../common/useConfig';

export const CAMPAIGN_FIELDS = ['name', 'channel', 'subject', 'template', 'sendAt', 'filter'] as const;

interface CustomFieldDef { id: number; key: string; label: string; type: string; options?: string[] | null }

/** The customer filter of a campaign: common customer fields and the filterable custom fields. */
const FilterInputs = () => {
  const translate = useTranslate();
  const { data: levels } = useLevels();
  const { data: custom = [] } = useGetList<CustomFieldDef>('custom-fields', {
    filter: { entity: 'customer', filterable: true, active: true }, pagination: { page: 1, perPage: 100 }, sort: { field: 'order', order: 'ASC' },
  });
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, mb: 2 }}>
      <Typography variant="subtitle2">{translate('resources.campaigns.fields.filter')}</Typography>
      <Typography variant="caption" color="text.secondary">{translate('crm.campaigns.filter_help')}</Typography>
      <SelectInput source="filter.level" label="resources.customers.fields.level" choices={levels.map((l) => ({ id: l.code, name: l.label }))} emptyText=" " fullWidth />
      <SelectInput
        source="filter.type"
        label="resources.customers.fields.type"
        choices={['target', 'potential', 'deal', 'inactive'].map((id) => ({ id, name: `crm.customer_type.${id}` }))}
        emptyText=" "
        fullWidth
      />
      <SelectInput
        source="filter.gender"
        label="resources.customers.fields.gender"
        choices={['male', 'female'].map((id) => ({ id, name: `crm.gender.${id}` }))}
        emptyText=" "
        fullWidth
      />
      {custom.map((f) =>
        f.type === 'select' || f.type === 'multiselect' ? (
          <SelectInput
            key={f.key}
            source={`filter.custom.${f.key}`}
            label={translate('crm.campaigns.custom_filter', { label: f.label })}
            choices={(f.options ?? []).map((o) => ({ id: o, name: o }))}
            emptyText=" "
            fullWidth
          />
        ) : (
          <TextInput key={f.key} source={`filter.custom.${f.key}`} label={translate('crm.campaigns.custom_filter', { label: f.label })} fullWidth />
        ),
      )}
    </Box>
  );
};

/** A campaign (群发): shared by CampaignCreate and CampaignEdit. */
export const CampaignInputs = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', maxWidth: 640 }}>
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput source="channel" choices={['sms', 'email'].map((id) => ({ id, name: `crm.campaigns.channels.${id}` }))} validate={required()} fullWidth />
      <FormDataConsumer>
        {({ formData }) => (formData.channel === 'email' ? <TextInput source="subject" validate={required()} fullWidth /> : null)}
      </FormDataConsumer>
      <TextInput source="template" multiline minRows={3} validate={required()} fullWidth helperText={translate('crm.campaigns.template_help')} />
      <CrmDateTimeInput source="sendAt" fullWidth />
      <FilterInputs />
    </Box>
  );
};
