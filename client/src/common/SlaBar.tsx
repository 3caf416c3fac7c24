import { Box, LinearProgress, Tooltip, Typography } from '@mui/material';
import { useLocale, useRecordContext, useTranslate } from 'react-admin';
import type { DisputeStatus } from '../../../shared/domain';
import { DEFAULT_POLICY, DAY_MS, slaState, type SlaState } from '../../../shared/policy';
import type { Dispute } from '../types';
import { formatDuration, formatExact } from './relativeTime';
import { useNow } from './useNow';

/** States in which the platform owes a ruling, so the review clock runs (or is paused). */
export const PLATFORM_STATUSES: readonly DisputeStatus[] = [
    'escalated',
    'in_review',
    'awaiting_evidence',
    'pending_approval',
];

const COLOR: Record<SlaState, 'success' | 'warning' | 'error' | 'inherit'> = {
    on_track: 'success',
    due_soon: 'warning',
    breached: 'error',
    paused: 'inherit',
    none: 'inherit',
};

/** Share of the review window already used, 0–100. */
function usedPercent(record: Dispute, at: Date): number {
    const due = new Date(record.slaDueAt!).getTime();
    const start = record.escalatedAt
        ? new Date(record.escalatedAt).getTime()
        : due - DEFAULT_POLICY.slaTargetDays * DAY_MS;
    if (due <= start) return 100;
    return Math.min(100, Math.max(0, ((at.getTime() - start) / (due - start)) * 100));
}

/** What the SLA bar's tooltip says: formatted only when it opens. */
const SlaDue = ({ state, due }: { state: SlaState; due: Date }) => {
    const translate = useTranslate();
    const locale = useLocale();
    return (
        <>
            {translate(`app.sla.state.${state}`)}
            <br />
            {translate('app.sla.due_at')}: {formatExact(due, locale).utc} {translate('app.date.utc')}
        </>
    );
};

/** The review SLA of a dispute: a coloured bar and what is left (on_track green … breached red, paused grey). */
export const SlaBar = (_props: { label?: string; source?: string; sortable?: boolean }) => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    const locale = useLocale();
    const now = useNow();
    if (!record?.slaDueAt || !PLATFORM_STATUSES.includes(record.status)) {
        return (
            <Typography component="span" variant="body2" color="text.secondary">
                —
            </Typography>
        );
    }
    const paused = record.status === 'awaiting_evidence' || record.slaPausedAt !== null;
    const state = slaState(record.slaDueAt, now, DEFAULT_POLICY, paused);
    // While paused, the time left is frozen at the moment the clock stopped.
    const at = paused && record.slaPausedAt ? new Date(record.slaPausedAt) : now;
    const due = new Date(record.slaDueAt);
    const remaining = due.getTime() - at.getTime();
    const time = formatDuration(remaining, locale);
    const text = paused
        ? translate(remaining > 0 ? 'app.sla.paused' : 'app.sla.paused_overdue', { time })
        : translate(remaining > 0 ? 'app.sla.left' : 'app.sla.overdue', { time });
    return (
        <Tooltip arrow title={<SlaDue state={state} due={due} />}>
            <Box sx={{ minWidth: 110 }} data-sla-state={state}>
                <LinearProgress
                    variant="determinate"
                    value={state === 'breached' ? 100 : usedPercent(record, at)}
                    color={COLOR[state]}
                    sx={{ height: 6, borderRadius: 3, color: state === 'paused' ? 'grey.500' : undefined }}
                    aria-label={text}
                />
                <Typography
                    variant="caption"
                    sx={{
                        whiteSpace: 'nowrap',
                        color: state === 'breached' ? 'error.main' : 'text.secondary',
                        fontWeight: state === 'breached' ? 600 : undefined,
                    }}
                >
                    {text}
                </Typography>
            </Box>
        </Tooltip>
    );
};
