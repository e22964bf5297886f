import type { Identifier, RaRecord } from 'react-admin';

import { pickFields } from '../common/pickWritable';

export const QUESTION_TYPES = ['single', 'multiple', 'text', 'number', 'rating', 'date'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** One question as the server stores it (backend questionnaire/transitions.ts checkQuestions). */
export interface Question {
  key: string;
  label: string;
  type: QuestionType;
  required?: boolean;
  options?: string[];
  min?: number;
  max?: number;
}

export interface Revision {
  revision: number;
  questions: Question[];
}

/** A questionnaire (调查问卷); status moves only through publish / archive. */
export interface Questionnaire extends RaRecord {
  title: string;
  description: string | null;
  status: 'draft' | 'published' | 'archived';
  questions: Question[];
  revision: number;
  history: Revision[] | null;
  public: boolean;
  /** only for who may edit questionnaires */
  publicToken?: string | null;
  source: string | null;
  creator: Identifier | null;
  version?: number;
  actions?: string[];
}

/** A response (答卷): answers to one revision, on an opportunity, a lead or (public form) a customer. */
export interface QuestionnaireResponse extends RaRecord {
  questionnaire: Identifier;
  revision: number;
  opportunity: Identifier | null;
  lead: Identifier | null;
  customer: Identifier | null;
  answers: Record<string, unknown>;
  channel: 'staff' | 'public';
  respondentName: string | null;
  creator: Identifier | null;
  createdAt: string;
}

export type Answers = Record<string, unknown>;

export const typeChoices = QUESTION_TYPES.map(id => ({ id, name: `crm.question_type.${id}` }));
export const RESPONSE_CHANNELS = ['staff', 'public'] as const;

const WRITABLE = ['title', 'description', 'source', 'questions'] as const;
const pick = pickFields<Questionnaire>(WRITABLE);

/**
 * What a save sends: the form's questions as the server wants them (options from the
 * one-a-line text, ranges only for numbers and ratings, no empty strings).
 */
export const pickWritable = (data: Partial<Questionnaire>): Partial<Questionnaire> => {
  const out = pick(data);
  out.questions = (data.questions ?? []).map(fromForm);
  return out;
};

/** The editor keeps options as one text (one a line); the server as a list. */
export interface QuestionInForm extends Omit<Question, 'options'> {
  options?: string[] | string;
}

const num = (v: unknown) => (v === '' || v === null || v === undefined ? undefined : Number(v));

export const fromForm = (q: QuestionInForm): Question => {
  const out: Question = { key: String(q.key ?? '').trim(), label: String(q.label ?? '').trim(), type: q.type, required: q.required === true };
  if (q.type === 'single' || q.type === 'multiple') {
    const raw = Array.isArray(q.options) ? q.options : String(q.options ?? '').split('\n');
    out.options = raw.map(o => o.trim()).filter(Boolean);
  }
  if (q.type === 'number' || q.type === 'rating') {
    const [min, max] = [num(q.min), num(q.max)];
    if (min !== undefined) out.min = min;
    if (max !== undefined) out.max = max;
  }
  return out;
};

/** A fresh code for a new question: q1, q2, … not yet used. */
export const nextKey = (questions: Array<{ key?: string }>): string => {
  const used = new Set(questions.map(q => q.key));
  let n = questions.length + 1;
  while (used.has(`q${n}`)) n += 1;
  return `q${n}`;
};

/** The questions revision `n` asked: the current ones or those kept in the history. */
export const questionsOf = (q: Pick<Questionnaire, 'revision' | 'questions' | 'history'>, n: number): Question[] | null => {
  if ((q.revision ?? 1) === n) return q.questions ?? [];
  return q.history?.find(r => r.revision === n)?.questions ?? null;
};

/** Every revision of a questionnaire, newest first. */
export const revisionsOf = (q: Pick<Questionnaire, 'revision' | 'history'>): number[] =>
  [q.revision ?? 1, ...(q.history ?? []).map(r => r.revision).reverse()].filter((n, i, all) => all.indexOf(n) === i);

export const publicFormUrl = (token: string) => `${window.location.origin}/api/public/forms/${encodeURIComponent(token)}/page`;
export const publicQrUrl = (token: string) => `/api/public/forms/${encodeURIComponent(token)}/qr.svg`;
