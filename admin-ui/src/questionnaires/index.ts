import QuizOutlinedIcon from '@mui/icons-material/QuizOutlined';

import { lazyPage } from '../common/lazyPage';

/** Lazy pages: each is its own chunk (the results chart and drag and drop load with them). */
export const QuestionnaireList = lazyPage(() => import('./QuestionnaireList'));
export const QuestionnaireShow = lazyPage(() => import('./QuestionnaireShow'));
export const QuestionnaireCreate = lazyPage(() => import('./QuestionnaireCreate'));
export const QuestionnaireEdit = lazyPage(() => import('./QuestionnaireEdit'));
export const QuestionnaireIcon = QuizOutlinedIcon;
