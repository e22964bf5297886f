import { lazy } from 'react';
import QuizOutlinedIcon from '@mui/icons-material/QuizOutlined';

/** Lazy pages: each is its own chunk (the results chart and drag and drop load with them). */
export const QuestionnaireList = lazy(() => import('./QuestionnaireList'));
export const QuestionnaireShow = lazy(() => import('./QuestionnaireShow'));
export const QuestionnaireCreate = lazy(() => import('./QuestionnaireCreate'));
export const QuestionnaireEdit = lazy(() => import('./QuestionnaireEdit'));
export const QuestionnaireIcon = QuizOutlinedIcon;
