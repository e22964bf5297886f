import {
  Box,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import { useTranslate } from 'react-admin';

import type { Answers, Question } from './questionnaire';

interface AnswerInputProps {
  question: Question;
  value: unknown;
  onChange: (value: unknown) => void;
  disabled?: boolean;
  id: string;
}

const RATING_DEFAULT = { min: 1, max: 5 };

const AnswerInput = ({ question: q, value, onChange, disabled, id }: AnswerInputProps) => {
  switch (q.type) {
    case 'single':
      return (
        <RadioGroup aria-labelledby={id} value={typeof value === 'string' ? value : ''} onChange={e => onChange(e.target.value)}>
          {(q.options ?? []).map(o => (
            <FormControlLabel key={o} value={o} label={o} control={<Radio size="small" disabled={disabled} />} />
          ))}
        </RadioGroup>
      );
    case 'multiple': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <FormGroup aria-labelledby={id}>
          {(q.options ?? []).map(o => (
            <FormControlLabel
              key={o}
              label={o}
              control={
                <Checkbox
                  size="small"
                  disabled={disabled}
                  checked={chosen.includes(o)}
                  // in the options' order, whatever the clicking order
                  onChange={e => onChange((q.options ?? []).filter(x => (x === o ? e.target.checked : chosen.includes(x))))}
                />
              }
            />
          ))}
        </FormGroup>
      );
    }
    case 'rating': {
      const { min, max } = { min: q.min ?? RATING_DEFAULT.min, max: q.max ?? RATING_DEFAULT.max };
      return (
        <ToggleButtonGroup
          exclusive
          size="small"
          aria-labelledby={id}
          value={typeof value === 'number' ? value : null}
          onChange={(_e, v: number | null) => onChange(v)}
          disabled={disabled}
          sx={{ flexWrap: 'wrap', mt: 0.5 }}
        >
          {Array.from({ length: max - min + 1 }, (_x, i) => min + i).map(n => (
            <ToggleButton key={n} value={n} sx={{ minWidth: 40 }}>
              {n}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      );
    }
    case 'number':
      return (
        <TextField
          type="number"
          size="small"
          disabled={disabled}
          slotProps={{ htmlInput: { 'aria-labelledby': id, min: q.min, max: q.max, step: 'any' } }}
          value={value === undefined || value === null ? '' : String(value)}
          // sent as typed: the server reads "120" as 120 and refuses what is not a number
          onChange={e => onChange(e.target.value === '' ? null : e.target.value)}
          placeholder={q.min !== undefined || q.max !== undefined ? `${q.min ?? ''} – ${q.max ?? ''}` : undefined}
          sx={{ maxWidth: 240 }}
        />
      );
    case 'date':
      return (
        <TextField
          type="date"
          size="small"
          disabled={disabled}
          slotProps={{ htmlInput: { 'aria-labelledby': id } }}
          value={typeof value === 'string' ? value : ''}
          onChange={e => onChange(e.target.value || null)}
          sx={{ maxWidth: 240 }}
        />
      );
    default:
      return (
        <TextField
          multiline
          minRows={2}
          size="small"
          fullWidth
          disabled={disabled}
          slotProps={{ htmlInput: { 'aria-labelledby': id, maxLength: 2000 } }}
          value={typeof value === 'string' ? value : ''}
          onChange={e => onChange(e.target.value)}
        />
      );
  }
};

export interface QuestionnaireFormProps {
  questions: Question[];
  answers: Answers;
  onChange: (answers: Answers) => void;
  /** the server's refusals, by question key, already in the UI language */
  errors?: Record<string, string>;
  disabled?: boolean;
}

/**
 * The form a revision's questions generate: one input per question type. The builder's
 * preview and the consultant's fill-in panel both render it; the server checks the answers.
 */
export const QuestionnaireForm = ({ questions, answers, onChange, errors = {}, disabled }: QuestionnaireFormProps) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {questions.map((q, i) => {
        const id = `question-${q.key}`;
        const error = errors[q.key];
        return (
          <FormControl key={q.key} error={Boolean(error)} data-question={q.key} component="fieldset" fullWidth>
            <FormLabel id={id} component="legend" sx={{ color: 'text.primary', fontWeight: 500 }}>
              {`${i + 1}. ${q.label}`}
              {q.required ? (
                <Box component="span" sx={{ color: 'error.main', ml: 0.5 }} title={translate('crm.questionnaire.required_mark')}>
                  *
                </Box>
              ) : null}
            </FormLabel>
            <AnswerInput question={q} id={id} value={answers[q.key]} disabled={disabled} onChange={v => onChange({ ...answers, [q.key]: v })} />
            {error ? <FormHelperText role="alert">{error}</FormHelperText> : null}
          </FormControl>
        );
      })}
    </Box>
  );
};

/** Answers without the empty ones (an unanswered question is left out, not sent as ""). */
export const filledAnswers = (answers: Answers): Answers =>
  Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
