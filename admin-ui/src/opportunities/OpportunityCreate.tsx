import { Create, SimpleForm, useDataProvider, useTranslate } from 'react-admin';

import { useAfterSaveRedirect } from '../common/useAfterSaveRedirect';
import { pickWritable, type Opportunity } from './opportunity';
import { OpportunityInputs } from './OpportunityInputs';

/**
 * A new opportunity. Left empty, its name becomes `<customer>对<product>有意向` — filled
 * here from the customer's name, so the server gets a name whether or not it defaults one.
 */
export const OpportunityCreate = () => {
  const redirect = useAfterSaveRedirect('opportunities');
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const transform = async (data: Partial<Opportunity>) => {
    const out = pickWritable(data);
    if (!out.name && out.customer != null) {
      const { data: customer } = await dataProvider.getOne('customers', { id: out.customer });
      out.name = translate('crm.opportunity.default_name', { customer: customer.name, product: out.product ?? '' });
    }
    return out;
  };
  return (
    <Create<Opportunity> redirect={redirect} transform={transform}>
      <SimpleForm>
        <OpportunityInputs />
      </SimpleForm>
    </Create>
  );
};

export default OpportunityCreate;
