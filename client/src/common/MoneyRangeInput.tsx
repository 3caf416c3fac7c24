import { useEffect, useState, type ReactNode } from 'react';
import { InputAdornment, TextField } from '@mui/material';
import { useInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { minorToMajorText, parseMajorAmount } from './amountInput';

export interface MoneyRangeInputProps {
    source: string;
    label: ReactNode;
    alwaysOn?: boolean;
}

/**
 * An amount bound typed in major units ("12.50") and filtered in minor units of the currency that
 * the `currency` filter selects: amounts of different currencies cannot be compared.
 */
export const MoneyRangeInput = ({ source, label }: MoneyRangeInputProps) => {
    const translate = useTranslate();
    const currency = useWatch({ name: 'currency' }) as string | undefined;
    const { field } = useInput({ source });
    const value = field.value as number | null | undefined;
    const [text, setText] = useState('');

    // Follow changes made elsewhere (URL, "clear filters") without fighting the user's typing.
    useEffect(() => {
        setText((current) => {
            const typed = currency ? parseMajorAmount(current, currency) : null;
            if (typeof value !== 'number') return typed === null ? current : '';
            return typed === value || !currency ? current : minorToMajorText(value, currency);
        });
    }, [value, currency]);

    const invalid = text.trim() !== '' && !!currency && parseMajorAmount(text, currency) === null;
    return (
        <TextField
            label={label}
            value={text}
            disabled={!currency}
            error={invalid}
            size="small"
            margin="dense"
            // Filter forms hide helper texts: the hint goes in the placeholder and the adornment.
            placeholder={currency ? undefined : translate('app.filters.amount_needs_currency')}
            onChange={(event) => {
                setText(event.target.value);
                field.onChange(currency ? parseMajorAmount(event.target.value, currency) : null);
            }}
            onBlur={field.onBlur}
            slotProps={{
                htmlInput: { inputMode: 'decimal', name: field.name },
                inputLabel: currency ? undefined : { shrink: true },
                input: {
                    endAdornment: currency ? (
                        <InputAdornment position="end">{currency}</InputAdornment>
                    ) : undefined,
                },
            }}
            sx={{ width: currency ? 160 : 200 }}
        />
    );
};
