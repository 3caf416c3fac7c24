import { Box, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { formatMoney } from '../../../shared/money';
import type { Decision } from '../types';

const T = 'resources.decisions.answer';

/** One line on what a ruling does with money and goods, and who made it. */
export const DecisionSummary = ({ decision }: { decision: Decision }) => {
    const translate = useTranslate();
    const locale = useLocale();
    return (
        <Box sx={{ p: 1.5, borderRadius: 1, bgcolor: 'action.hover' }} data-testid="decision-summary">
            <Typography variant="subtitle1" component="p">
                {translate(`enums.outcome.${decision.outcome}`)} ·{' '}
                {formatMoney(decision.refundAmount, decision.currency, locale)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
                {decision.returnRequired
                    ? translate(`${T}.with_return`, {
                          payer: translate(
                              `enums.party.${decision.returnShippingPaidBy ?? 'buyer'}`
                          ).toLowerCase(),
                      })
                    : translate(`${T}.without_return`)}
                {' · '}
                {translate(`${T}.by`, { name: decision.mediatorName ?? `#${decision.mediatorId}` })}
            </Typography>
        </Box>
    );
};
