import { Box } from '@mui/material';

/** The product mark: a rounded square with a "C" and a person, in white on the brand blue. */
export const BrandMark = ({ size = 32, inverted = false }: { size?: number; inverted?: boolean }) => (
  <Box
    component="svg"
    viewBox="0 0 64 64"
    aria-hidden
    sx={{ width: size, height: size, flexShrink: 0, display: 'block' }}
  >
    <rect width="64" height="64" rx="14" fill={inverted ? '#1f5fa6' : 'rgba(255,255,255,0.18)'} />
    <path d="M20 40a12 12 0 1 1 0-16" fill="none" stroke="#fff" strokeWidth="6" strokeLinecap="round" />
    <circle cx="44" cy="26" r="6" fill="#fff" />
    <path d="M34 46c1.5-6 5.5-9 10-9s8.5 3 10 9" fill="#fff" />
  </Box>
);
