import { Chip, Typography } from '@mui/material';
import LocalOfferOutlinedIcon from '@mui/icons-material/LocalOfferOutlined';
import { RecordContextProvider, useTranslate } from 'react-admin';
import { MoneyField } from '../../common/MoneyField';
import type { Offer } from '../../types';
import { TimelineItem, TimelineText } from './TimelineItem';

const STATUS_COLOR = {
    pending: 'info',
    accepted: 'success',
    rejected: 'error',
    superseded: 'default',
} as const;

export const OfferEntry = ({ offer, at }: { offer: Offer; at: string }) => {
    const translate = useTranslate();
    return (
        <RecordContextProvider value={offer}>
            <TimelineItem
                kind="offer"
                icon={<LocalOfferOutlinedIcon />}
                color="#00897b"
                title={translate('resources.disputes.timeline.offer', {
                    party: translate(`enums.party.${offer.party}`),
                    solution: translate(`enums.requestedSolution.${offer.solution}`),
                })}
                at={at}
                meta={
                    <>
                        <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
                            <MoneyField source="amount" />
                        </Typography>
                        <Chip
                            size="small"
                            variant="outlined"
                            color={STATUS_COLOR[offer.status] ?? 'default'}
                            label={translate(`enums.offerStatus.${offer.status}`)}
                        />
                    </>
                }
            >
                {offer.note && <TimelineText>{offer.note}</TimelineText>}
            </TimelineItem>
        </RecordContextProvider>
    );
};
