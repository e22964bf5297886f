import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** The transfer dialog asks for a person OR a department, not both. */
export const TransferHint = () => (
  <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
    {useTranslate()('crm.complaint.transfer_hint')}
  </Typography>
);
