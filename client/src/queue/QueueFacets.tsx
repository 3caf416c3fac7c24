import type { ReactNode } from 'react';
import { Card, CardContent, Divider } from '@mui/material';
import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import FlagOutlinedIcon from '@mui/icons-material/FlagOutlined';
import LocalShippingOutlinedIcon from '@mui/icons-material/LocalShippingOutlined';
import PublicIcon from '@mui/icons-material/Public';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { FilterList, FilterListItem, useListFilterContext, useLocale, useTranslate } from 'react-admin';
import { countryName } from '../common/formatters';
import { enumLabelKey, humanize } from '../common/enums';
import type { QueueCounts, QueueFacet } from '../disputeWorkflow';
import { AgeFacet } from './AgeFacet';
import { FacetLabel } from './FacetLabel';
import { QueueTotal } from './QueueTotal';
import { useQueueCounts } from './useQueueCounts';

const MAX_COUNTRIES = 8;

/** Values of a facet, most frequent first; a selected value stays listed even at zero. */
function valuesOf(counts: QueueCounts | undefined, facet: QueueFacet, selected: unknown, limit = Infinity) {
    const entries = Object.entries(counts?.facets[facet] ?? {}).filter(([, count]) => count > 0);
    entries.sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    const shown = entries.slice(0, limit);
    if (typeof selected === 'string' && !shown.some(([value]) => value === selected))
        shown.push([selected, 0]);
    return shown;
}

/** A facet over a column of the queue: one item per value present, with its count. */
const Facet = ({
    facet,
    label,
    icon,
    counts,
    text,
    limit,
}: {
    facet: 'reason' | 'currency' | 'buyerCountry';
    label: string;
    icon: ReactNode;
    counts: QueueCounts | undefined;
    text: (value: string) => string;
    limit?: number;
}) => {
    const { filterValues } = useListFilterContext();
    const values = valuesOf(counts, facet, filterValues[facet], limit);
    if (values.length === 0) return null;
    return (
        <FilterList label={label} icon={icon}>
            {values.map(([value, count]) => (
                <FilterListItem
                    key={value}
                    label={<FacetLabel text={text(value)} count={count} />}
                    value={{ [facet]: value }}
                />
            ))}
        </FilterList>
    );
};

/** A yes/no facet (goods received, flagged buyer) with both counts. */
const BooleanFacet = ({
    facet,
    label,
    icon,
    counts,
    text,
    order = ['true', 'false'],
}: {
    facet: 'goodsReceived' | 'buyerFlagged';
    label: string;
    icon: ReactNode;
    counts: QueueCounts | undefined;
    text: (value: 'true' | 'false') => string;
    order?: ('true' | 'false')[];
}) => (
    <FilterList label={label} icon={icon}>
        {order.map((value) => (
            <FilterListItem
                key={value}
                label={<FacetLabel text={text(value)} count={counts?.facets[facet]?.[value] ?? 0} />}
                value={{ [facet]: value === 'true' }}
            />
        ))}
    </FilterList>
);

/** Beside the queue: its size and, per filter value, how many disputes choosing it would leave. */
export const QueueFacets = () => {
    const translate = useTranslate();
    const locale = useLocale();
    const { filterValues } = useListFilterContext();
    const { data: counts } = useQueueCounts(filterValues);
    return (
        <Card
            sx={{ order: -1, width: 230, minWidth: 230, mr: 2, mt: 2, alignSelf: 'flex-start' }}
            data-testid="queue-facets"
        >
            <CardContent sx={{ pt: 1.5, '&:last-child': { pb: 1 } }}>
                <QueueTotal filtered={counts?.total} />
                <Divider sx={{ my: 1 }} />
                <BooleanFacet
                    facet="goodsReceived"
                    label="resources.queue.facets.goods"
                    icon={<LocalShippingOutlinedIcon />}
                    counts={counts}
                    order={['false', 'true']}
                    text={(value) => translate(`enums.goodsReceived.${value}`)}
                />
                <Facet
                    facet="reason"
                    label="resources.queue.facets.reason"
                    icon={<ReportProblemOutlinedIcon />}
                    counts={counts}
                    text={(value) => translate(enumLabelKey('reason', value), { _: humanize(value) })}
                />
                <Facet
                    facet="currency"
                    label="resources.queue.facets.currency"
                    icon={<CurrencyExchangeIcon />}
                    counts={counts}
                    text={(value) => value}
                />
                <BooleanFacet
                    facet="buyerFlagged"
                    label="resources.queue.facets.buyer"
                    icon={<FlagOutlinedIcon />}
                    counts={counts}
                    text={(value) => translate(`resources.queue.flagged.${value}`)}
                />
                <Facet
                    facet="buyerCountry"
                    label="resources.queue.facets.country"
                    icon={<PublicIcon />}
                    counts={counts}
                    limit={MAX_COUNTRIES}
                    text={(value) => `${countryName(value, locale)} (${value})`}
                />
                <AgeFacet />
            </CardContent>
        </Card>
    );
};
