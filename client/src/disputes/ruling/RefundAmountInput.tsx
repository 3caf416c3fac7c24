import { Box, Button, InputAdornment, Slider, Stack, TextField, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { refundPercentOf } from '../../../../shared/domain';
import { formatMoney, percentOf } from '../../../../shared/money';
import { DEFAULT_POLICY } from '../../../../shared/policy';
import type { Dispute } from '../../types';
import { amountText } from './rulingDraft';

const T = 'resources.disputes.ruling.form';

/**
 * The refund in major units of the order currency (exact: the text is parsed, never a float), with
 * quick amounts and a percentage slider that write the text.
 */
export const RefundAmountInput = ({
    dispute,
    text,
    amount,
    error,
    onChange,
}: {
    dispute: Dispute;
    text: string;
    /** The parsed amount in minor units, null when the text is not one. */
    amount: number | null;
    error?: string;
    onChange: (text: string) => void;
}) => {
    const translate = useTranslate();
    const locale = useLocale();
    const total = dispute.orderTotal;
    const half = DEFAULT_POLICY.partialRefundGuidancePercent;
    const quick = [
        { key: 'full', minor: total, label: translate(`${T}.quick_full`) },
        {
            key: 'half',
            minor: percentOf(total, half),
            label: translate(`${T}.quick_percent`, { percent: half }),
        },
        { key: 'none', minor: 0, label: translate(`${T}.quick_none`) },
    ];
    const percent = amount === null ? 0 : Math.min(100, refundPercentOf(amount, total));
    return (
        <Stack spacing={1}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1 }}>
                <TextField
                    label={translate(`${T}.amount`)}
                    value={text}
                    onChange={(event) => onChange(event.target.value)}
                    error={!!error}
                    helperText={
                        error ??
                        translate(`${T}.amount_help`, { total: formatMoney(total, dispute.currency, locale) })
                    }
                    required
                    autoFocus
                    size="small"
                    sx={{ width: 240 }}
                    slotProps={{
                        htmlInput: { inputMode: 'decimal', 'data-testid': 'ruling-amount' },
                        input: {
                            endAdornment: <InputAdornment position="end">{dispute.currency}</InputAdornment>,
                        },
                    }}
                />
                <Stack direction="row" spacing={1} role="group" aria-label={translate(`${T}.quick`)}>
                    {quick.map((option) => (
                        <Button
                            key={option.key}
                            size="small"
                            variant={amount === option.minor ? 'contained' : 'outlined'}
                            onClick={() => onChange(amountText(option.minor, dispute))}
                            data-testid={`ruling-quick-${option.key}`}
                            sx={{ whiteSpace: 'nowrap', mt: 0.25 }}
                        >
                            {option.label}
                        </Button>
                    ))}
                </Stack>
            </Stack>
            <Box sx={{ px: 1, display: 'flex', alignItems: 'center', gap: 2 }}>
                <Slider
                    value={percent}
                    min={0}
                    max={100}
                    step={1}
                    marks={[{ value: 0 }, { value: half }, { value: 100 }]}
                    onChange={(_event, value) =>
                        onChange(amountText(percentOf(total, value as number), dispute))
                    }
                    valueLabelDisplay="auto"
                    valueLabelFormat={(value) => `${value} %`}
                    aria-label={translate(`${T}.slider`)}
                    getAriaValueText={(value) => `${value} %`}
                    data-testid="ruling-slider"
                />
                <Typography variant="body2" sx={{ minWidth: 48, fontVariantNumeric: 'tabular-nums' }}>
                    {percent} %
                </Typography>
            </Box>
        </Stack>
    );
};
