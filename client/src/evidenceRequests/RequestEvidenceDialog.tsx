import { useState } from 'react';
import {
    Alert,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    FormControlLabel,
    FormLabel,
    MenuItem,
    Radio,
    RadioGroup,
    Stack,
    TextField,
    ToggleButton,
    ToggleButtonGroup,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { EVIDENCE_REQUEST_TARGETS, type EvidenceRequestTarget } from '../../../shared/domain';
import { DEFAULT_POLICY, HOUR_MS } from '../../../shared/policy';
import { errorOf, useEvidenceAction } from '../disputes/evidence/useEvidenceAction';
import type { Dispute, EvidenceRequest } from '../types';
import {
    DEADLINE_PRESETS,
    EVIDENCE_TEMPLATES,
    suggestedRequest,
    toLocalInputValue,
    type EvidenceTemplate,
} from './evidenceTemplates';

export interface EvidenceRequestDraft {
    from: EvidenceRequestTarget;
    template: EvidenceTemplate;
    /** Arguments of the template's text (the file name of an unreadable file). */
    templateArgs?: Record<string, string>;
}

type Deadline = (typeof DEADLINE_PRESETS)[number]['key'] | 'custom';

const { evidenceDeadlineMinHours: MIN_HOURS, evidenceDeadlineMaxHours: MAX_HOURS } = DEFAULT_POLICY;
const T = 'resources.disputes.evidence_requests';

/** Ask the buyer, the seller or both for evidence by a deadline (the dispute then awaits it). */
export const RequestEvidenceDialog = ({
    record,
    draft,
    onClose,
}: {
    record: Dispute;
    draft?: EvidenceRequestDraft;
    onClose: () => void;
}) => {
    const translate = useTranslate();
    const initial = draft ?? suggestedRequest(record.reason);
    const templateText = (template: EvidenceTemplate, args = draft?.templateArgs) =>
        template === 'custom' ? '' : translate(`${T}.templates.${template}`, { name: '', ...args });
    const [from, setFrom] = useState<EvidenceRequestTarget>(initial.from);
    const [template, setTemplate] = useState<EvidenceTemplate>(initial.template);
    const [message, setMessage] = useState(() => templateText(initial.template));
    const [deadline, setDeadline] = useState<Deadline>('preset_72h');
    const [customDue, setCustomDue] = useState(() => toLocalInputValue(new Date(Date.now() + 72 * HOUR_MS)));
    const { mutate, isPending, error } = useEvidenceAction<EvidenceRequest>(`${T}.dialog.sent`, onClose);
    const refused = errorOf(error);

    /** A preset counts from the server's now, a moment later: keep a minute inside the policy's window. */
    const dueAt = (): Date => {
        const preset = DEADLINE_PRESETS.find((candidate) => candidate.key === deadline);
        if (!preset) return new Date(customDue);
        const ms = Math.min(
            Math.max(preset.hours * HOUR_MS, MIN_HOURS * HOUR_MS + 60_000),
            MAX_HOURS * HOUR_MS - 60_000
        );
        return new Date(Date.now() + ms);
    };
    const hoursAhead = (due: Date) => (due.getTime() - Date.now()) / HOUR_MS;
    const customInvalid =
        deadline === 'custom' &&
        (Number.isNaN(new Date(customDue).getTime()) ||
            hoursAhead(new Date(customDue)) < MIN_HOURS ||
            hoursAhead(new Date(customDue)) > MAX_HOURS);
    const rangeText = translate(`${T}.dialog.due_range`, { min: MIN_HOURS, max: MAX_HOURS });

    const submit = () => {
        if (!message.trim() || customInvalid) return;
        const iso = dueAt().toISOString();
        mutate((dataProvider) =>
            dataProvider.requestEvidence(record.id, { from, message: message.trim(), dueAt: iso })
        );
    };

    return (
        <Dialog
            open
            onClose={isPending ? undefined : onClose}
            fullWidth
            maxWidth="sm"
            aria-labelledby="request-evidence-title"
        >
            <DialogTitle id="request-evidence-title">
                {translate(`${T}.dialog.title`, { id: record.id })}
            </DialogTitle>
            <DialogContent>
                <Stack spacing={2} sx={{ pt: 1 }}>
                    <div>
                        <FormLabel id="request-evidence-from">{translate(`${T}.dialog.from`)}</FormLabel>
                        <RadioGroup
                            row
                            aria-labelledby="request-evidence-from"
                            value={from}
                            onChange={(event) => setFrom(event.target.value as EvidenceRequestTarget)}
                        >
                            {EVIDENCE_REQUEST_TARGETS.map((target) => (
                                <FormControlLabel
                                    key={target}
                                    value={target}
                                    control={<Radio size="small" />}
                                    label={translate(`enums.evidenceTarget.${target}`)}
                                    data-testid={`request-from-${target}`}
                                />
                            ))}
                        </RadioGroup>
                    </div>
                    <TextField
                        select
                        size="small"
                        label={translate(`${T}.dialog.template`)}
                        value={template}
                        onChange={(event) => {
                            const next = event.target.value as EvidenceTemplate;
                            setTemplate(next);
                            setMessage(templateText(next));
                        }}
                    >
                        {EVIDENCE_TEMPLATES.map((key) => (
                            <MenuItem key={key} value={key}>
                                {translate(`${T}.template_names.${key}`)}
                            </MenuItem>
                        ))}
                    </TextField>
                    <TextField
                        label={translate(`${T}.dialog.message`)}
                        value={message}
                        onChange={(event) => setMessage(event.target.value)}
                        multiline
                        minRows={3}
                        required
                        autoFocus
                        error={!!refused?.fields.message}
                        helperText={refused?.fields.message ?? translate(`${T}.dialog.message_help`)}
                        slotProps={{ htmlInput: { 'data-testid': 'request-message', maxLength: 2000 } }}
                    />
                    <div>
                        <FormLabel id="request-evidence-deadline">
                            {translate(`${T}.dialog.deadline`)}
                        </FormLabel>
                        <ToggleButtonGroup
                            exclusive
                            size="small"
                            value={deadline}
                            onChange={(_event, value: Deadline | null) => value && setDeadline(value)}
                            aria-labelledby="request-evidence-deadline"
                            sx={{ display: 'flex', mt: 0.5 }}
                        >
                            {DEADLINE_PRESETS.map((preset) => (
                                <ToggleButton key={preset.key} value={preset.key} data-testid={preset.key}>
                                    {translate(`${T}.dialog.${preset.key}`)}
                                </ToggleButton>
                            ))}
                            <ToggleButton value="custom" data-testid="deadline-custom">
                                {translate(`${T}.dialog.custom`)}
                            </ToggleButton>
                        </ToggleButtonGroup>
                    </div>
                    {deadline === 'custom' && (
                        <TextField
                            type="datetime-local"
                            size="small"
                            label={translate(`${T}.dialog.due_at`)}
                            value={customDue}
                            onChange={(event) => setCustomDue(event.target.value)}
                            error={customInvalid || !!refused?.fields.dueAt}
                            helperText={refused?.fields.dueAt ?? rangeText}
                            slotProps={{ inputLabel: { shrink: true } }}
                        />
                    )}
                    {refused && <Alert severity="error">{refused.message}</Alert>}
                </Stack>
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose} disabled={isPending}>
                    {translate('ra.action.cancel')}
                </Button>
                <Button
                    variant="contained"
                    onClick={submit}
                    disabled={!message.trim() || customInvalid}
                    loading={isPending}
                    data-testid="request-evidence-send"
                >
                    {translate(`${T}.dialog.send`)}
                </Button>
            </DialogActions>
        </Dialog>
    );
};
