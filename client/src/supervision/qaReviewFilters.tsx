import { NullableBooleanInput, ReferenceInput, SearchInput, SelectInput, TextInput } from 'react-admin';
import { QA_VERDICTS } from '../../../shared/schemas/qa';

const staffInput = (source: string) => (
    <ReferenceInput
        key={source}
        source={source}
        reference="staff-directory"
        sort={{ field: 'fullName', order: 'ASC' }}
    >
        <SelectInput optionText="fullName" />
    </ReferenceInput>
);

export const qaReviewFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <NullableBooleanInput key="answered" source="answered" alwaysOn />,
    <SelectInput
        key="verdict"
        source="verdict"
        choices={QA_VERDICTS.map((id) => ({ id, name: `supervision.qa.verdicts.${id}` }))}
        alwaysOn
    />,
    staffInput('reviewerId'),
    staffInput('mediatorId'),
    <TextInput key="sampleId" source="sampleId" />,
];
