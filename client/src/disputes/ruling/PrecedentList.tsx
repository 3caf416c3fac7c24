import { Box, Chip, Link, Stack, Typography } from '@mui/material';
import { useCreatePath, useLocale, useTranslate } from 'react-admin';
import { OUTCOMES, type Outcome } from '../../../../shared/domain';
import { formatMoney } from '../../../../shared/money';
import { formatRelative } from '../../common/relativeTime';
import { useNow } from '../../common/useNow';
import type { Guidance } from '../../../../shared/precedents';

export const OUTCOME_COLOR: Record<Outcome, 'success' | 'warning' | 'default'> = {
    full_refund: 'success',
    partial_refund: 'warning',
    no_refund: 'default',
};

/** The outcome mix as one bar, then each precedent linking to its dispute (a new tab: the form stays). */
export const PrecedentList = ({ precedents }: { precedents: Guidance['precedents'] }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const createPath = useCreatePath();
    const now = useNow();
    return (
        <Stack spacing={1}>
            <Box
                sx={{
                    display: 'flex',
                    height: 8,
                    borderRadius: 1,
                    overflow: 'hidden',
                    bgcolor: 'action.hover',
                }}
                role="img"
                aria-label={OUTCOMES.map(
                    (outcome) => `${translate(`enums.outcome.${outcome}`)}: ${precedents.outcomes[outcome]}`
                ).join(', ')}
            >
                {OUTCOMES.map((outcome) => (
                    <Box
                        key={outcome}
                        sx={{
                            flex: precedents.outcomes[outcome],
                            bgcolor:
                                OUTCOME_COLOR[outcome] === 'default'
                                    ? 'grey.500'
                                    : `${OUTCOME_COLOR[outcome]}.main`,
                        }}
                    />
                ))}
            </Box>
            <Stack
                direction="row"
                spacing={1}
                useFlexGap
                sx={{ flexWrap: 'wrap' }}
                data-testid="precedent-mix"
            >
                {OUTCOMES.map((outcome) => (
                    <Chip
                        key={outcome}
                        size="small"
                        variant="outlined"
                        color={OUTCOME_COLOR[outcome]}
                        label={`${translate(`enums.outcome.${outcome}`)} · ${precedents.outcomes[outcome]}`}
                    />
                ))}
            </Stack>
            <Box
                component="ol"
                sx={{ listStyle: 'none', m: 0, p: 0, maxHeight: 260, overflowY: 'auto' }}
                data-testid="precedent-items"
            >
                {precedents.items.map((item) => (
                    <Box
                        component="li"
                        key={item.decisionId}
                        sx={{
                            display: 'grid',
                            gridTemplateColumns: '56px 1fr auto',
                            gap: 1,
                            py: 0.5,
                            borderBottom: 1,
                            borderColor: 'divider',
                            alignItems: 'baseline',
                        }}
                    >
                        <Link
                            href={`#${createPath({ resource: 'disputes', id: item.disputeId, type: 'show' })}`}
                            target="_blank"
                            rel="noopener"
                            variant="body2"
                            aria-label={translate('resources.disputes.ruling.guidance.open_precedent', {
                                id: item.disputeId,
                            })}
                        >
                            #{item.disputeId}
                        </Link>
                        <Typography variant="body2" noWrap>
                            {translate(`enums.outcome.${item.outcome}`)} ·{' '}
                            {formatMoney(item.refundAmount, item.currency, locale)} /{' '}
                            {formatMoney(item.orderTotal, item.currency, locale)}
                        </Typography>
                        <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                            {item.refundPercent} % ·{' '}
                            {formatRelative(new Date(item.issuedAt), now, locale, 'short')}
                        </Typography>
                    </Box>
                ))}
            </Box>
        </Stack>
    );
};
