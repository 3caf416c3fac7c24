import { Typography } from '@mui/material';
import { DataTable, List, SearchInput, useCreatePath, useTranslate, type RaRecord } from 'react-admin';
import { DisputeLinkField } from '../common/DisputeLinkField';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { RecordLinkField } from '../common/RecordLinkField';
import type { Decision } from '../types';
import { WaitingField } from './WaitingField';
import { ListExportActions } from '../common/ListExportActions';

const approvalFilters = [<SearchInput key="q" source="q" alwaysOn />];

const Column = DataTable.Col<Decision>;

const Empty = () => {
    const translate = useTranslate();
    return (
        <Typography
            variant="body1"
            color="text.secondary"
            sx={{ p: 4, textAlign: 'center' }}
            data-testid="approvals-empty"
        >
            {translate('resources.decisions.approvals.empty')}
        </Typography>
    );
};

/** /decisions/approvals: rulings waiting for a supervisor, oldest first; a row opens its dispute. */
export const ApprovalQueue = () => {
    const translate = useTranslate();
    const createPath = useCreatePath();
    return (
        <List
            actions={<ListExportActions />}
            resource="decisions"
            title={translate('resources.decisions.approvals.title')}
            filter={{ status: 'pending_approval' }}
            sort={{ field: 'createdAt', order: 'ASC' }}
            perPage={25}
            exporter={false}
            empty={<Empty />}
            storeKey="decisions.approvals"
            filters={approvalFilters}
            disableSyncWithLocation
        >
            <DataTable
                rowClick={(_id, _resource, record: RaRecord) =>
                    createPath({ resource: 'disputes', id: (record as Decision).disputeId, type: 'show' })
                }
                bulkActionButtons={false}
                data-testid="approval-queue"
            >
                <Column source="disputeId">
                    <DisputeLinkField />
                </Column>
                <Column source="mediatorId">
                    <RecordLinkField source="mediatorName" reference="staff" idSource="mediatorId" />
                </Column>
                <Column source="refundAmount" align="right">
                    <MoneyField source="refundAmount" />
                </Column>
                <Column source="outcome" disableSort>
                    <EnumField source="outcome" enumName="outcome" />
                </Column>
                <Column source="createdAt" label="resources.decisions.approvals.waiting">
                    <WaitingField />
                </Column>
            </DataTable>
        </List>
    );
};
