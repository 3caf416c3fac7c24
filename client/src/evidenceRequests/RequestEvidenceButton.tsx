import { useState, type MouseEvent } from 'react';
import { Box, Button, IconButton, Tooltip, type ButtonProps } from '@mui/material';
import AssignmentLateOutlinedIcon from '@mui/icons-material/AssignmentLateOutlined';
import { useRecordContext, useTranslate } from 'react-admin';
import { useEvidencePermissions } from '../disputes/evidence/useEvidencePermissions';
import { KeyHint } from '../shortcuts/KeyHint';
import { useShortcut } from '../shortcuts/useShortcut';
import type { Dispute } from '../types';
import { RequestEvidenceDialog } from './RequestEvidenceDialog';

const KEYS = 'shortcuts.actions';

/** Opens the evidence-request dialog on the dispute in context (a compact icon in list rows). */
export const RequestEvidenceButton = ({
    size = 'small',
    compact = false,
}: {
    size?: ButtonProps['size'];
    compact?: boolean;
}) => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const { requestEvidence } = useEvidencePermissions(record);
    // In a list row (compact) the key would be ambiguous: the case page's button has it.
    useShortcut(
        'e',
        () => setOpen(true),
        !!record && requestEvidence && !compact,
        `${KEYS}.request_evidence`
    );
    if (!record || !requestEvidence) return null;
    const label = translate('resources.disputes.evidence_requests.action');
    return (
        <Box component="span" onClick={(event: MouseEvent) => event.stopPropagation()}>
            {compact ? (
                <Tooltip title={label}>
                    <IconButton size="small" aria-label={label} onClick={() => setOpen(true)}>
                        <AssignmentLateOutlinedIcon fontSize="small" />
                    </IconButton>
                </Tooltip>
            ) : (
                <Button
                    size={size}
                    variant="outlined"
                    startIcon={<AssignmentLateOutlinedIcon />}
                    onClick={() => setOpen(true)}
                    sx={{ whiteSpace: 'nowrap' }}
                    data-testid="request-evidence"
                    aria-keyshortcuts="E"
                >
                    {label}
                    <KeyHint shortcut="e" />
                </Button>
            )}
            {open && <RequestEvidenceDialog record={record} onClose={() => setOpen(false)} />}
        </Box>
    );
};
