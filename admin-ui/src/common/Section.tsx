import type { ReactNode } from 'react';
import { Box, Divider, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A titled block of labelled fields on a Show page, in a responsive grid. */
export const Section = ({ title, children, columns = 3 }: { title: string; children: ReactNode; columns?: 2 | 3 }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 3 }}>
      <Typography variant="overline" color="text.secondary" sx={{ fontWeight: 600, letterSpacing: 1 }}>
        {translate(title)}
      </Typography>
      <Divider sx={{ mb: 1.5 }} />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: columns === 3 ? '1fr 1fr 1fr' : '1fr 1fr' },
          columnGap: 3,
          rowGap: 1,
        }}
      >
        {children}
      </Box>
    </Box>
  );
};

/** Spans the whole width of a Section's grid (descriptions, notes). */
export const Wide = ({ children }: { children: ReactNode }) => <Box sx={{ gridColumn: '1 / -1' }}>{children}</Box>;

/** A Show page's title row: the record's name, its chips, and its actions on the right. */
export const ShowHeader = ({ title, chips, actions }: { title: ReactNode; chips?: ReactNode; actions?: ReactNode }) => (
  <Stack
    direction={{ xs: 'column', md: 'row' }}
    spacing={2}
    sx={{ alignItems: { xs: 'flex-start', md: 'center' }, justifyContent: 'space-between', mb: 3 }}
  >
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
      <Typography variant="h5" component="h2" sx={{ fontWeight: 700 }}>
        {title}
      </Typography>
      {chips}
    </Stack>
    {actions}
  </Stack>
);
