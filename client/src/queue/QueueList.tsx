import { DataTable, FilterButton, List, TopToolbar, useListFilterContext } from 'react-admin';
import { QUEUE_SCOPE } from '../../../shared/queue';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { RelativeDateField } from '../common/RelativeDateField';
import { SlaBar } from '../common/SlaBar';
import { PickUpButton } from '../disputes/PickUpButton';
import { queueFilterOf } from '../disputeWorkflow';
import type { Dispute } from '../types';
import { HiddenLabel } from './HiddenLabel';
import { NextCaseButton } from './NextCaseButton';
import { PartiesCell } from './PartiesCell';
import { QueueIdCell } from './QueueIdCell';
import { QueueEmpty, QueueNoMatch } from './QueueEmpty';
import { QueueFacets } from './QueueFacets';
import { queueFilters } from './queueFilters';
import { QueueTabs } from './QueueTabs';
import { RowKeyboard } from '../shortcuts/RowKeyboard';
import { CsvExportButton } from '../common/CsvExportButton';

const Column = DataTable.Col<Dispute>;

const QueueActions = () => {
    const { filterValues } = useListFilterContext();
    return (
        <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
            <RowKeyboard pickUp />
            <FilterButton />
            <NextCaseButton filter={queueFilterOf(filterValues)} />
            <CsvExportButton />
        </TopToolbar>
    );
};

/** The escalation queue, most urgent first: the mediator's landing page. */
export const QueueList = () => (
    <>
        <QueueTabs />
        <List
            resource="disputes"
            storeKey="queue"
            title="resources.queue.title"
            filter={QUEUE_SCOPE}
            sort={{ field: 'slaDueAt', order: 'ASC' }}
            filters={queueFilters}
            actions={<QueueActions />}
            aside={<QueueFacets />}
            empty={<QueueEmpty />}
            perPage={25}
            exporter={false}
            sx={{ '& .RaList-main': { minWidth: 0 } }}
        >
            <DataTable rowClick="show" bulkActionButtons={false} empty={<QueueNoMatch />}>
                <Column source="slaDueAt" sortByOrder="ASC">
                    <SlaBar />
                </Column>
                <Column source="id">
                    <QueueIdCell />
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
                <Column source="escalatedAt" sortByOrder="ASC">
                    <RelativeDateField source="escalatedAt" short />
                </Column>
                <Column label={<HiddenLabel text="resources.queue.fields.actions" />} align="right">
                    <PickUpButton openAfter variant="outlined" />
                </Column>
            </DataTable>
        </List>
    </>
);
