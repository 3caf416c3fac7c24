import { Chip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { enumLabelKey, humanize } from '../common/enums';

const COLORS: Record<string, 'default' | 'warning' | 'error'> = {
    success: 'default',
    denied: 'warning',
    failure: 'error',
    error: 'error',
};

/** Success quietly, refusals and failures in colour: they are what an auditor looks for. */
export const AuditOutcomeField = (props: FieldProps) => {
    const value = useFieldValue(props);
    const translate = useTranslate();
    if (!value) return null;
    return (
        <Chip
            size="small"
            variant={value === 'success' ? 'outlined' : 'filled'}
            color={COLORS[value] ?? 'default'}
            label={translate(enumLabelKey('auditOutcome', value), { _: humanize(String(value)) })}
        />
    );
};
