import {
  checkQuestions, questionnaireMove, questionsOf, revise, allowedQuestionnaireActions,
} from '../../../backend/src/api/questionnaire/transitions';
import { checkAnswers } from '../../../backend/src/crm/custom-values';

const thrown = (f: () => unknown): any => {
  try { f(); } catch (e) { return e; }
  return undefined;
};
const QS = checkQuestions([
  { key: 'pick', label: '单选', type: 'single', options: ['甲', '乙'], required: true },
  { key: 'many', label: '多选', type: 'multiple', options: ['甲', '乙', '丙'] },
  { key: 'n', label: '数字', type: 'number', min: 0, max: 10 },
  { key: 'r', label: '评分', type: 'rating', max: 10, min: 0 },
  { key: 'd', label: '日期', type: 'date' },
  { key: 't', label: '文字', type: 'text' },
]);

describe('questionnaire moves', () => {
  it('draft → published ⇄ archived, nothing else', () => {
    expect(questionnaireMove('draft', 'publish')).toBe('published');
    expect(questionnaireMove('published', 'archive')).toBe('archived');
    expect(questionnaireMove('archived', 'publish')).toBe('published');
    expect(thrown(() => questionnaireMove('draft', 'archive'))?.details).toEqual({ status: 'draft', action: 'archive', allowed: ['publish'], code: 'transition_not_allowed' });
    expect(allowedQuestionnaireActions('published')).toEqual(['archive']);
  });
});

describe('checkQuestions', () => {
  it('normalizes: labels trimmed, rating range defaulted, required a boolean', () => {
    expect(checkQuestions([{ key: 'a', label: ' 好吗 ', type: 'rating' }])).toEqual([{ key: 'a', label: '好吗', type: 'rating', required: false, min: 1, max: 5 }]);
  });
  it('names the bad part of the bad question', () => {
    expect(thrown(() => checkQuestions([{ key: 'a', label: 'x', type: 'rating', max: 11 }]))?.details).toMatchObject({ field: 'questions.0.max', code: 'invalid_range' });
    expect(thrown(() => checkQuestions([{ key: 'a', label: 'x', type: 'single', options: ['x', 'x'] }]))?.details).toMatchObject({ field: 'questions.0.options' });
    expect(thrown(() => checkQuestions([null]))?.details).toMatchObject({ field: 'questions.0' });
  });
});

describe('checkAnswers (the custom-field value checker, for answers)', () => {
  it('accepts and normalizes each type', () => {
    expect(checkAnswers(QS, { pick: '甲', many: ['乙', '乙'], n: '3', r: 0, d: '2027-01-31', t: ' 好 ' })).toEqual({ pick: '甲', many: ['乙'], n: 3, r: 0, d: '2027-01-31', t: '好' });
  });
  it.each([
    [{}, 'answers.pick', 'required'],
    [{ pick: '丁' }, 'answers.pick', 'not_an_option'],
    [{ pick: '甲', many: ['丁'] }, 'answers.many', 'not_an_option'],
    [{ pick: '甲', n: 11 }, 'answers.n', 'out_of_range'],
    [{ pick: '甲', n: -1 }, 'answers.n', 'out_of_range'],
    [{ pick: '甲', r: 11 }, 'answers.r', 'out_of_range'],
    [{ pick: '甲', r: 2.5 }, 'answers.r', 'invalid_type'],
    [{ pick: '甲', d: '2027-13-01' }, 'answers.d', 'invalid_type'],
    [{ pick: '甲', t: ['x'] }, 'answers.t', 'invalid_type'],
    [{ pick: '甲', zzz: 1 }, 'answers.zzz', 'unknown_question'],
    [JSON.parse('{"pick":"甲","__proto__":1}'), 'answers.__proto__', 'unknown_question'],
  ])('%j → %s %s', (answers, field, code) => {
    const err = thrown(() => checkAnswers(QS, answers));
    expect([err?.status, err?.details.field, err?.details.code]).toEqual([400, field, code]);
  });
  it('refuses answers that are not an object', () => {
    for (const bad of [null, [], 'x', 3]) expect(thrown(() => checkAnswers(QS, bad))?.details).toMatchObject({ field: 'answers', code: 'invalid_type' });
  });
});

describe('revisions', () => {
  it('keeps the answered questions in the history and moves on; an unanswered edit stays', () => {
    const q = { revision: 2, questions: QS.slice(0, 1), history: [{ revision: 1, questions: QS }] };
    expect(revise(q, false)).toEqual({});
    expect(revise(q, true)).toEqual({ revision: 3, history: [{ revision: 1, questions: QS }, { revision: 2, questions: QS.slice(0, 1) }] });
    expect(questionsOf(q, 2)).toEqual(QS.slice(0, 1));
    expect(questionsOf(q, 1)).toEqual(QS);
    expect(questionsOf(q, 5)).toBeNull();
  });
});
