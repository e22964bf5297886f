import { Edit, SimpleForm } from 'react-admin';

import { pickWritable, type Questionnaire } from './questionnaire';
import { QuestionnaireInputs } from './QuestionnaireInputs';

export const QuestionnaireEdit = () => (
  <Edit<Questionnaire> mutationMode="pessimistic" redirect="show" transform={pickWritable}>
    <SimpleForm>
      <QuestionnaireInputs />
    </SimpleForm>
  </Edit>
);

export default QuestionnaireEdit;
