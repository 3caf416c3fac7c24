import { Typography, type SxProps, type Theme } from '@mui/material';
import { useLocale, useRecordContext, type FieldProps } from 'react-admin';
import { formatMoney } from '../../../shared/money';

export interface MoneyFieldProps extends FieldProps {
    /** Field of the record holding the ISO 4217 code. */
    currencySource?: string;
    sx?: SxProps<Theme>;
}

/** An integer amount of minor units, formatted in the record's currency (no float arithmetic). */
export const MoneyField = ({
    source,
    currencySource = 'currency',
    emptyText = '—',
    sx,
    ...props
}: MoneyFieldProps) => {
    const record = useRecordContext(props);
    const locale = useLocale();
    const amount = source ? record?.[source] : undefined;
    const currency = record?.[currencySource];
    if (typeof amount !== 'number' || typeof currency !== 'string') {
        return (
            <Typography component="span" variant="body2" color="text.secondary">
                {emptyText}
            </Typography>
        );
    }
    return (
        <Typography
            component="span"
            variant="body2"
            sx={[
                { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
                ...(Array.isArray(sx) ? sx : sx ? [sx] : []),
            ]}
        >
            {formatMoney(amount, currency, locale)}
        </Typography>
    );
};
