import type { Theme } from '@mui/material/styles';
import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** Calm blue, readable Chinese type, light surfaces. */
export const BRAND_BLUE = '#1f5fa6';

const fontFamily = [
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Zen Hei"',
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(',');

export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    mode: 'light',
    primary: { light: '#4f86c6', main: BRAND_BLUE, dark: '#154377', contrastText: '#ffffff' },
    secondary: { light: '#5a8fce', main: '#2b6cb0', dark: '#1c4f86', contrastText: '#ffffff' },
    background: { default: '#f3f6fa', paper: '#ffffff' },
    text: { primary: '#1f2933', secondary: '#52606d' },
    success: { main: '#2e7d5b' },
    warning: { main: '#c77700' },
    error: { main: '#c0392b' },
  },
  shape: { borderRadius: 8 },
  typography: {
    ...defaultLightTheme.typography,
    fontFamily,
    fontSize: 14,
    h5: { fontWeight: 600 },
    h6: { fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  sidebar: { width: 220, closedWidth: 56 },
  components: {
    ...defaultLightTheme.components,
    MuiAppBar: {
      defaultProps: { elevation: 0, color: 'primary' },
      styleOverrides: {
        root: { borderBottom: '1px solid rgba(255,255,255,0.12)' },
      },
    },
    MuiPaper: {
      styleOverrides: {
        elevation1: { boxShadow: '0 1px 3px rgba(16, 42, 67, 0.08), 0 1px 2px rgba(16, 42, 67, 0.06)' },
      },
    },
    MuiTableCell: {
      styleOverrides: {
        root: {
          '&.MuiTableCell-paddingCheckbox': { padding: '0 8px' },
        },
        head: { fontWeight: 600, color: '#334e68', backgroundColor: '#f7f9fc', whiteSpace: 'nowrap' },
      },
    },
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          borderLeft: '3px solid transparent',
          '&.RaMenuItemLink-active': {
            borderLeft: `3px solid ${BRAND_BLUE}`,
            backgroundColor: 'rgba(31, 95, 166, 0.08)',
            color: BRAND_BLUE,
            fontWeight: 600,
            '& .MuiSvgIcon-root': { color: BRAND_BLUE },
          },
        },
      },
    },
    RaLocalesMenuButton: {
      styleOverrides: {
        root: ({ theme }: { theme: Theme }) => ({
          '& .MuiButton-root': { whiteSpace: 'nowrap', minWidth: 0 },
          // Phones: the icon only, the app title keeps the room.
          [theme.breakpoints.down('sm')]: {
            '& .MuiButton-root': { fontSize: 0 },
            '& .MuiButton-startIcon': { margin: 0 },
          },
        }),
      },
    },
    // Wide tables scroll inside their card instead of widening the page.
    RaDataTable: {
      styleOverrides: {
        root: { '& .RaDataTable-tableWrapper': { overflowX: 'auto' } },
      },
    },
    RaToolbar: {
      styleOverrides: {
        root: { backgroundColor: '#f7f9fc' },
      },
    },
  },
};
