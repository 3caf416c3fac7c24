import { Chip, type ChipProps } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import type { DisputeStatus } from '../../../shared/domain';
import { enumLabelKey } from './enums';

type ChipLook = Pick<ChipProps, 'color' | 'variant'>;

/** Colour per lifecycle state: warm while the platform owes work, green once decided. */
const LOOK: Record<DisputeStatus, ChipLook> = {
    opened: { color: 'info', variant: 'outlined' },
    negotiating: { color: 'info', variant: 'outlined' },
    escalated: { color: 'warning', variant: 'filled' },
    in_review: { color: 'primary', variant: 'filled' },
    awaiting_evidence: { color: 'secondary', variant: 'filled' },
    pending_approval: { color: 'warning', variant: 'outlined' },
    decided: { color: 'success', variant: 'filled' },
    closed: { color: 'default', variant: 'filled' },
    resolved: { color: 'success', variant: 'outlined' },
    withdrawn: { color: 'default', variant: 'outlined' },
};

export const StatusChip = ({
    size = 'small',
    source = 'status',
    ...props
}: Omit<FieldProps, 'source'> & { source?: string; size?: ChipProps['size'] }) => {
    const status = useFieldValue({ source, ...props }) as DisputeStatus | undefined;
    const translate = useTranslate();
    if (!status) return null;
    return (
        <Chip
            size={size}
            {...(LOOK[status] ?? { color: 'default', variant: 'outlined' })}
            label={translate(enumLabelKey('disputeStatus', status))}
            data-status={status}
        />
    );
};
