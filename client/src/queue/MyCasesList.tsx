import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import { DataTable, List, Loading, SearchInput, TopToolbar, useGetIdentity, useTranslate } from 'react-admin';
import { WORKING_STATUSES } from '../../../shared/lifecycle';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { RelativeDateField } from '../common/RelativeDateField';
import { SlaBar } from '../common/SlaBar';
import { StatusChip } from '../common/StatusChip';
import { ReleaseButton } from '../disputes/ReleaseButton';
import type { Dispute } from '../types';
import { HiddenLabel } from './HiddenLabel';
import { NextCaseButton } from './NextCaseButton';
import { PartiesCell } from './PartiesCell';
import { EmptyMessage } from './QueueEmpty';
import { QueueTabs } from './QueueTabs';
import { RowKeyboard } from '../shortcuts/RowKeyboard';
import { CsvExportButton } from '../common/CsvExportButton';

const Column = DataTable.Col<Dispute>;

const MyCasesEmpty = () => {
    const translate = useTranslate();
    return (
        <EmptyMessage
            icon={<AssignmentIndOutlinedIcon />}
            title={translate('resources.queue.mine.empty')}
            text={translate('resources.queue.mine.empty_text')}
            action={<NextCaseButton />}
        />
    );
};

/** The disputes the signed-in staff member holds, most urgent first. */
export const MyCasesList = () => {
    const { identity, isPending } = useGetIdentity();
    if (isPending) return <Loading />;
    if (!identity) return null;
    return (
        <>
            <QueueTabs />
            <List
                resource="disputes"
                storeKey="my-cases"
                title="resources.queue.mine.title"
                filter={{ assigneeId: identity.id, status: WORKING_STATUSES }}
                sort={{ field: 'slaDueAt', order: 'ASC' }}
                filters={[<SearchInput key="q" source="q" alwaysOn />]}
                actions={
                    <TopToolbar sx={{ alignItems: 'center' }}>
                        <RowKeyboard />
                        <NextCaseButton />
                        <CsvExportButton />
                    </TopToolbar>
                }
                empty={<MyCasesEmpty />}
                perPage={25}
                exporter={false}
            >
                <DataTable rowClick="show" bulkActionButtons={false}>
                    <Column source="slaDueAt" sortByOrder="ASC">
                        <SlaBar />
                    </Column>
                    <Column source="id" render={(record) => `#${record.id}`} />
                    <Column source="status">
                        <StatusChip />
                    </Column>
                    <Column source="orderTotal" align="right">
                        <MoneyField source="orderTotal" />
                    </Column>
                    <Column source="reason">
                        <EnumField source="reason" enumName="reason" />
                    </Column>
                    <Column source="buyerName" label="resources.queue.fields.parties">
                        <PartiesCell />
                    </Column>
                    <Column source="assignedAt" sortByOrder="DESC">
                        <RelativeDateField source="assignedAt" short />
                    </Column>
                    <Column label={<HiddenLabel text="resources.queue.fields.actions" />} align="right">
                        <ReleaseButton />
                    </Column>
                </DataTable>
            </List>
        </>
    );
};
