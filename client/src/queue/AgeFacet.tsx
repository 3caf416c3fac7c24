import HourglassBottomIcon from '@mui/icons-material/HourglassBottom';
import { FilterList, FilterListItem, useListFilterContext, useTranslate } from 'react-admin';
import { QUEUE_AGE_DAYS } from '../../../shared/queue';
import { DAY_MS } from '../../../shared/policy';
import { useNow } from '../common/useNow';
import { FacetLabel } from './FacetLabel';
import { useQueueCounts } from './useQueueCounts';

const daysAgo = (days: number, now: Date) => new Date(now.getTime() - days * DAY_MS).toISOString();

/** Whole days between an `escalatedAt_lte` bound and now. */
const ageOf = (bound: unknown, now: Date) =>
    typeof bound === 'string' ? Math.round((now.getTime() - new Date(bound).getTime()) / DAY_MS) : null;

/** "Waiting over N days": escalated at least N days ago (escalatedAt_lte = now − N days). */
export const AgeFacet = () => {
    const translate = useTranslate();
    const now = useNow(60_000);
    const { filterValues } = useListFilterContext();
    const { data: counts } = useQueueCounts(filterValues);
    return (
        <FilterList label="resources.queue.facets.age" icon={<HourglassBottomIcon />}>
            {QUEUE_AGE_DAYS.map((days) => (
                <FilterListItem
                    key={days}
                    label={
                        <FacetLabel
                            text={translate('resources.queue.age_over', { smart_count: days })}
                            count={counts?.ages?.[days] ?? 0}
                        />
                    }
                    value={{ escalatedAt_lte: daysAgo(days, now) }}
                    isSelected={(_value, filters) => ageOf(filters.escalatedAt_lte, now) === days}
                    toggleFilter={(value, filters) => {
                        const { escalatedAt_lte, ...others } = filters;
                        return ageOf(escalatedAt_lte, now) === days ? others : { ...others, ...value };
                    }}
                />
            ))}
        </FilterList>
    );
};
