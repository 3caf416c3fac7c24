import { BooleanField, DataTable, List } from 'react-admin';
import { DisputeLinkField } from '../common/DisputeLinkField';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { RecordLinkField } from '../common/RecordLinkField';
import { RelativeDateField } from '../common/RelativeDateField';
import type { Decision } from '../types';
import { decisionFilters } from './decisionFilters';
import { ListExportActions } from '../common/ListExportActions';

const Column = DataTable.Col<Decision>;

export const DecisionList = () => (
    <List
        actions={<ListExportActions />}
        filters={decisionFilters}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
        exporter={false}
    >
        <DataTable rowClick="show" bulkActionButtons={false}>
            <Column source="id" />
            <Column source="disputeId">
                <DisputeLinkField />
            </Column>
            <Column source="mediatorId">
                <RecordLinkField source="mediatorName" reference="staff" idSource="mediatorId" />
            </Column>
            <Column source="reason">
                <EnumField source="reason" enumName="reason" />
            </Column>
            <Column source="outcome">
                <EnumField source="outcome" enumName="outcome" />
            </Column>
            <Column source="refundAmount" align="right">
                <MoneyField source="refundAmount" />
            </Column>
            <Column
                source="refundPercent"
                align="right"
                render={(r) => (r.refundPercent === null ? '—' : `${r.refundPercent} %`)}
            />
            <Column
                source="hoursToDecision"
                align="right"
                render={(r) => (r.hoursToDecision === null ? '—' : `${r.hoursToDecision} h`)}
            />
            <Column source="returnRequired" disableSort field={BooleanField} />
            <Column source="status">
                <EnumField source="status" enumName="decisionStatus" />
            </Column>
            <Column source="approverName" disableSort>
                <RecordLinkField source="approverName" reference="staff" idSource="approverId" />
            </Column>
            <Column source="createdAt">
                <RelativeDateField source="createdAt" short />
            </Column>
            <Column source="issuedAt">
                <RelativeDateField source="issuedAt" short />
            </Column>
        </DataTable>
    </List>
);
