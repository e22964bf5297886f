import { Box, Typography } from '@mui/material';
import InboxOutlinedIcon from '@mui/icons-material/InboxOutlined';
import { useTranslate } from 'react-admin';

/** An empty queue (no loss request waiting, nobody in the pool): says so, offers no "create". */
export const EmptyList = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', py: 6, color: 'text.secondary', width: '100%' }} data-testid="empty-list">
      <InboxOutlinedIcon sx={{ fontSize: 64, opacity: 0.5 }} />
      <Typography variant="h6" component="p">
        {translate(message)}
      </Typography>
    </Box>
  );
};
