import { Chip, Tooltip } from '@mui/material';
import { useRecordContext } from 'react-admin';

import { useLevels } from './useConfig';

/** Black or white text, whichever reads better on `hex`. */
export const textOn = (hex: string): string => {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return '#fff';
  const [r, g, b] = [m[1], m[2], m[3]].map(x => parseInt(x ?? '0', 16) / 255) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.6 ? '#1f2933' : '#fff';
};

interface LevelChipProps {
  /** the level code; by default the record's `source` field */
  code?: string | null;
  source?: string;
  label?: string;
  size?: 'small' | 'medium';
}

/** A level code (O/H/A/B/C, A+…F) as a chip in the level's configured colour. */
export const LevelChip = ({ code, source = 'level', size = 'small' }: LevelChipProps) => {
  const record = useRecordContext();
  const { data: levels } = useLevels(true);
  const value = code ?? (record?.[source] as string | null | undefined);
  if (!value) return null;
  const level = levels.find(l => l.code === value);
  const color = level?.color || '#90a4ae';
  const chip = (
    <Chip
      size={size}
      label={value}
      data-testid="level-chip"
      sx={{ bgcolor: color, color: textOn(color), fontWeight: 700, minWidth: 32, alignSelf: 'flex-start' }}
    />
  );
  return level?.label ? (
    <Tooltip title={level.label}>
      {chip}
    </Tooltip>
  ) : (
    chip
  );
};
