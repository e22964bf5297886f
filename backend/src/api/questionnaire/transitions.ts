// Questionnaire rules as pure functions: the status table (draft → published ⇄ archived), the
// shape of the questions, and when an edit makes a new revision. Unit-tested without a server.
import { randomBytes } from 'crypto';
import { badRequest, conflict } from '../../crm/errors';
import { KEY, QUESTION_TYPES, RATING_RANGE, type ValueDef } from '../../crm/custom-values';

export type QuestionnaireStatus = 'draft' | 'published' | 'archived';
export type QuestionnaireAction = 'publish' | 'archive';

export const QUESTIONNAIRE_MOVES: Record<QuestionnaireStatus, Partial<Record<QuestionnaireAction, QuestionnaireStatus>>> = {
  draft: { publish: 'published' },
  published: { archive: 'archived' },
  archived: { publish: 'published' },
};

export const allowedQuestionnaireActions = (s: QuestionnaireStatus) => Object.keys(QUESTIONNAIRE_MOVES[s] ?? {}) as QuestionnaireAction[];

export function questionnaireMove(status: QuestionnaireStatus, action: QuestionnaireAction): QuestionnaireStatus {
  const to = QUESTIONNAIRE_MOVES[status]?.[action];
  if (!to) throw conflict(`questionnaire is ${status}: cannot ${action}`, { status, action, allowed: allowedQuestionnaireActions(status), code: 'transition_not_allowed' });
  return to;
}

export interface Question extends ValueDef { label: string }

const MAX_QUESTIONS = 100;
const MAX_OPTIONS = 50;

/** The questions as stored: each `{key, label, type, options?, min?, max?, required}`, checked and normalized. */
export function checkQuestions(raw: unknown): Question[] {
  const fail = (field: string, why: string, code = 'invalid_question', params: Record<string, unknown> = {}) =>
    badRequest(`${field}: ${why}`, { field, code, ...params });
  if (!Array.isArray(raw)) throw fail('questions', 'must be a list of questions', 'invalid_type', { type: 'array' });
  if (raw.length > MAX_QUESTIONS) throw fail('questions', `at most ${MAX_QUESTIONS} questions`, 'too_many_questions', { max: MAX_QUESTIONS });
  const seen = new Set<string>();
  return raw.map((q: any, i) => {
    const at = `questions.${i}`;
    if (typeof q !== 'object' || q === null || Array.isArray(q)) throw fail(at, 'must be an object');
    if (typeof q.key !== 'string' || !KEY.test(q.key)) throw fail(`${at}.key`, 'must be lower-case letters, digits and _ (starting with a letter)', 'invalid_key');
    if (seen.has(q.key)) throw fail(`${at}.key`, `${q.key} is used twice`, 'duplicate_key');
    seen.add(q.key);
    const label = typeof q.label === 'string' ? q.label.trim() : '';
    if (!label || label.length > 200) throw fail(`${at}.label`, 'is required (at most 200 characters)', 'required');
    if (!QUESTION_TYPES.includes(q.type)) throw fail(`${at}.type`, `must be one of ${QUESTION_TYPES.join(', ')}`, 'invalid_type');
    const out: Question = { key: q.key, label, type: q.type, required: q.required === true };
    if (q.type === 'single' || q.type === 'multiple') {
      const opts = Array.isArray(q.options) ? q.options.map((o: unknown) => (typeof o === 'string' ? o.trim() : '')) : [];
      if (opts.length < 2 || opts.length > MAX_OPTIONS || opts.some((o: string) => !o || o.length > 100) || new Set(opts).size !== opts.length) {
        throw fail(`${at}.options`, `needs 2 to ${MAX_OPTIONS} different options`, 'invalid_options');
      }
      out.options = opts;
    }
    if (q.type === 'number' || q.type === 'rating') {
      const num = (v: unknown) => (v === undefined || v === null || v === '' ? null : typeof v === 'number' && Number.isFinite(v) ? v : NaN);
      let min = num(q.min);
      let max = num(q.max);
      if (Number.isNaN(min) || Number.isNaN(max)) throw fail(`${at}.${Number.isNaN(min) ? 'min' : 'max'}`, 'must be a number', 'invalid_range');
      if (q.type === 'rating') {
        min ??= RATING_RANGE.min;
        max ??= RATING_RANGE.max;
        if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max > 10) throw fail(`${at}.max`, 'a rating runs between whole numbers from 0 to 10', 'invalid_range');
      }
      if (min !== null && max !== null && min >= max) throw fail(`${at}.max`, 'must be above min', 'invalid_range');
      if (min !== null) out.min = min;
      if (max !== null) out.max = max;
    }
    return out;
  });
}

export interface Revision { revision: number; questions: Question[] }

/** The questions revision `n` of a questionnaire asked (the current one, or one of its history). */
export function questionsOf(q: { revision?: number | null; questions?: unknown; history?: unknown }, n: number): Question[] | null {
  if ((q.revision ?? 1) === n) return (q.questions as Question[]) ?? [];
  const old = Array.isArray(q.history) ? (q.history as Revision[]).find((r) => r.revision === n) : undefined;
  return old?.questions ?? null;
}

/**
 * What an edit of the questions writes: a questionnaire already answered in its current revision
 * keeps those questions in its history and moves to the next revision; an unanswered one just changes.
 */
export function revise(before: { revision?: number | null; questions?: unknown; history?: unknown }, answered: boolean) {
  if (!answered) return {};
  const revision = before.revision ?? 1;
  const history = [...((before.history as Revision[]) ?? []), { revision, questions: (before.questions as Question[]) ?? [] }];
  return { revision: revision + 1, history };
}

export const newPublicToken = () => randomBytes(18).toString('base64url');
