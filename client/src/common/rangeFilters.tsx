import { DateInput, useResourceContext, useTranslate } from 'react-admin';
import { MoneyRangeInput } from './MoneyRangeInput';

export type RangeBound = 'from' | 'to';

/** "Opened from" / "Opened to": the field's label with the bound. */
export const RangeLabel = ({ field, bound }: { field: string; bound: RangeBound }) => {
    const translate = useTranslate();
    const resource = useResourceContext();
    return (
        <>
            {translate(`app.filters.${bound}`, {
                field: translate(`resources.${resource}.fields.${field}`),
            })}
        </>
    );
};

const endOfDay = (day: string) => (day ? `${day}T23:59:59.999Z` : day);
const dayOnly = (value: string | null | undefined) => (value ? String(value).slice(0, 10) : '');

/** `<field>_gte` / `<field>_lte` filters on a date, as whole UTC days. */
export function dateRangeFilters(field: string) {
    return [
        <DateInput
            key={`${field}_gte`}
            source={`${field}_gte`}
            label={<RangeLabel field={field} bound="from" />}
            format={dayOnly}
        />,
        <DateInput
            key={`${field}_lte`}
            source={`${field}_lte`}
            label={<RangeLabel field={field} bound="to" />}
            parse={endOfDay}
            format={dayOnly}
        />,
    ];
}

/** `<field>_gte` / `<field>_lte` filters on an amount in the currency chosen by the `currency` filter. */
export function moneyRangeFilters(field: string) {
    return [
        <MoneyRangeInput
            key={`${field}_gte`}
            source={`${field}_gte`}
            label={<RangeLabel field={field} bound="from" />}
        />,
        <MoneyRangeInput
            key={`${field}_lte`}
            source={`${field}_lte`}
            label={<RangeLabel field={field} bound="to" />}
        />,
    ];
}
