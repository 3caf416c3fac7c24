import { NumberInput } from 'react-admin';
import { RangeLabel } from './rangeFilters';

/** `<field>_gte` / `<field>_lte` filters on a count. */
export function countRangeFilters(field: string) {
    return [
        <NumberInput
            key={`${field}_gte`}
            source={`${field}_gte`}
            label={<RangeLabel field={field} bound="from" />}
            min={0}
            step={1}
            sx={{ width: 150 }}
        />,
        <NumberInput
            key={`${field}_lte`}
            source={`${field}_lte`}
            label={<RangeLabel field={field} bound="to" />}
            min={0}
            step={1}
            sx={{ width: 150 }}
        />,
    ];
}
