import { Create, SimpleForm } from 'react-admin';

import { pickWritable, type Questionnaire } from './questionnaire';
import { QuestionnaireInputs } from './QuestionnaireInputs';

const defaults = () => ({ questions: [{ key: 'q1', label: '', type: 'single', required: true, options: '' }] });

export const QuestionnaireCreate = () => (
  <Create<Questionnaire> redirect="show" transform={pickWritable}>
    <SimpleForm defaultValues={defaults}>
      <QuestionnaireInputs />
    </SimpleForm>
  </Create>
);

export default QuestionnaireCreate;
