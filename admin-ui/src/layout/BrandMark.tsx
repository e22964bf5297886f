import { Box } from '@mui/material';
import HandshakeIcon from '@mui/icons-material/Handshake';

/** The product mark: a handshake on a rounded square (white on translucent, or on the brand blue). */
export const BrandMark = ({ size = 32, inverted = false }: { size?: number; inverted?: boolean }) => (
  <Box
    aria-hidden
    sx={{
      width: size,
      height: size,
      flexShrink: 0,
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      borderRadius: `${Math.round(size * 0.22)}px`,
      bgcolor: inverted ? 'primary.main' : 'rgba(255, 255, 255, 0.18)',
      color: '#fff',
    }}
  >
    <HandshakeIcon sx={{ fontSize: size * 0.66 }} />
  </Box>
);
