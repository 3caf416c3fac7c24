import type { ReactNode } from 'react';
import { Box, Card, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslateLabel } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { RelativeDateField } from '../common/RelativeDateField';
import { PLATFORM_STATUSES, SlaBar } from '../common/SlaBar';
import { StatusChip } from '../common/StatusChip';
import type { Dispute } from '../types';
import { DisputeAssigneeField } from './DisputeAssigneeField';

const DATES = ['openedAt', 'escalatedAt', 'assignedAt', 'decidedAt', 'closedAt', 'slaHardDueAt'] as const;

/** The head of the case file: state, SLA, who holds it and the key dates. */
export const DisputeCaseCard = () => {
    const record = useRecordContext<Dispute>();
    const translateLabel = useTranslateLabel();
    if (!record) return null;
    const onTheClock = PLATFORM_STATUSES.includes(record.status);
    const label = (source: string) => translateLabel({ source, resource: 'disputes' });
    return (
        <Card sx={{ px: 2, py: 1.5 }} data-testid="dispute-case">
            <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                    <Typography variant="h6" component="h1">
                        #{record.id}
                    </Typography>
                    <StatusChip size="medium" />
                </Stack>
                {record.resolution && (
                    <Item label={label('resolution')}>
                        <EnumField source="resolution" enumName="resolution" />
                    </Item>
                )}
                <Item label={label('slaDueAt')}>
                    <SlaBar />
                </Item>
                <Item label={label('assigneeName')}>
                    <DisputeAssigneeField />
                </Item>
                {DATES.filter((source) => record[source] && (source !== 'slaHardDueAt' || onTheClock)).map(
                    (source) => (
                        <Item key={source} label={label(source)}>
                            <RelativeDateField source={source} />
                        </Item>
                    )
                )}
            </Stack>
        </Card>
    );
};

const Item = ({ label, children }: { label: ReactNode; children: ReactNode }) => (
    <Box>
        <Typography variant="caption" color="text.secondary" component="div">
            {label}
        </Typography>
        {children}
    </Box>
);
