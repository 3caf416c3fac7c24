import { Chip } from '@mui/material';
import {
    DataTable,
    FilterButton,
    List,
    TopToolbar,
    useFieldValue,
    useTranslate,
    type FieldProps,
} from 'react-admin';
import type { QaReviewRecord } from '../../../shared/schemas/qa';
import { CsvExportButton } from '../common/CsvExportButton';
import { DisputeLinkField } from '../common/DisputeLinkField';
import { EnumField } from '../common/EnumField';
import { RecordLinkField } from '../common/RecordLinkField';
import { RelativeDateField } from '../common/RelativeDateField';
import { QaSampleButton } from './QaSampleButton';
import { QaVerdictButton } from './QaVerdictButton';
import { qaReviewFilters } from './qaReviewFilters';

const Column = DataTable.Col<QaReviewRecord>;

const QaReviewActions = () => (
    <TopToolbar>
        <QaSampleButton />
        <FilterButton />
        <CsvExportButton />
    </TopToolbar>
);

/** The verdict as a chip: green agree, red disagree, nothing while unanswered. */
const VerdictField = (props: Omit<FieldProps, 'source'>) => {
    const verdict = useFieldValue({ ...props, source: 'verdict' }) as string | null;
    const translate = useTranslate();
    if (!verdict) return null;
    return (
        <Chip
            size="small"
            color={verdict === 'agree' ? 'success' : 'error'}
            label={translate(`supervision.qa.verdicts.${verdict}`)}
            data-testid="qa-verdict-chip"
        />
    );
};

/** The QA reviews: the samples drawn, what is left to answer, and the verdicts. */
export const QaReviewList = () => (
    <List
        actions={<QaReviewActions />}
        filters={qaReviewFilters}
        filterDefaultValues={{ answered: false }}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
        exporter={false}
    >
        <DataTable rowClick={false} bulkActionButtons={false}>
            <Column source="decisionId">
                <RecordLinkField source="decisionId" reference="decisions" idSource="decisionId" />
            </Column>
            <Column source="disputeId" disableSort>
                <DisputeLinkField />
            </Column>
            <Column source="mediatorName" disableSort>
                <RecordLinkField source="mediatorName" reference="staff" idSource="mediatorId" />
            </Column>
            <Column source="reason" disableSort>
                <EnumField source="reason" enumName="reason" />
            </Column>
            <Column source="outcome" disableSort>
                <EnumField source="outcome" enumName="outcome" />
            </Column>
            <Column
                source="refundPercent"
                disableSort
                align="right"
                render={(r) => (r.refundPercent === null ? '—' : `${r.refundPercent} %`)}
            />
            <Column source="reviewerName" disableSort />
            <Column source="createdAt">
                <RelativeDateField source="createdAt" short />
            </Column>
            <Column source="verdict">
                <VerdictField />
            </Column>
            <Column source="comment" disableSort />
            <Column source="answeredAt">
                <RelativeDateField source="answeredAt" short />
            </Column>
            <Column source="answer" disableSort label="">
                <QaVerdictButton />
            </Column>
        </DataTable>
    </List>
);
