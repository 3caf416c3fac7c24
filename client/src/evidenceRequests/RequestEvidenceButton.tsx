import { useState, type MouseEvent } from 'react';
import { Box, Button, IconButton, Tooltip, type ButtonProps } from '@mui/material';
import AssignmentLateOutlinedIcon from '@mui/icons-material/AssignmentLateOutlined';
import { useRecordContext, useTranslate } from 'react-admin';
import { useEvidencePermissions } from '../disputes/evidence/useEvidencePermissions';
import type { Dispute } from '../types';
import { RequestEvidenceDialog } from './RequestEvidenceDialog';

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
                >
                    {label}
                </Button>
            )}
            {open && <RequestEvidenceDialog record={record} onClose={() => setOpen(false)} />}
        </Box>
    );
};
