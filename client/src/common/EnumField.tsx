import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { enumLabelKey, humanize, type EnumName } from './enums';

export interface EnumFieldProps extends FieldProps {
    enumName: EnumName;
}

/** An enumerated value shown with its translated label. */
export const EnumField = ({ enumName, emptyText = '—', ...props }: EnumFieldProps) => {
    const value = useFieldValue(props);
    const translate = useTranslate();
    const empty = value === null || value === undefined || value === '';
    return (
        <Typography component="span" variant="body2" color={empty ? 'text.secondary' : undefined}>
            {empty ? emptyText : translate(enumLabelKey(enumName, value), { _: humanize(String(value)) })}
        </Typography>
    );
};
