import { Grid, Stack, Typography } from '@mui/material';
import InsightsOutlinedIcon from '@mui/icons-material/InsightsOutlined';
import ReceiptLongOutlinedIcon from '@mui/icons-material/ReceiptLongOutlined';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { buyerScoreParts } from '../../../shared/reputation';
import { Property } from '../common/PropertyList';
import { RelativeDateField } from '../common/RelativeDateField';
import { SectionCard } from '../common/SectionCard';
import { DisputesTable } from '../disputes/DisputesTable';
import { OrdersTable } from '../orders/OrdersTable';
import type { Buyer } from '../types';
import { BlockBuyerButton } from './BlockBuyerButton';
import { BuyerReputation } from './BuyerReputation';
import { ScoreBreakdown } from './ScoreBreakdown';
import { useRecordNotFound } from '../common/useRecordNotFound';

const BuyerFile = () => {
    const buyer = useRecordContext<Buyer>();
    const translate = useTranslate();
    if (!buyer) return null;
    return (
        <Grid container spacing={2}>
            <Grid size={{ xs: 12, lg: 4 }}>
                <SectionCard
                    title={translate('resources.buyers.sections.reputation')}
                    icon={<InsightsOutlinedIcon fontSize="small" />}
                >
                    <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
                        <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
                            {buyer.name}
                        </Typography>
                        <BlockBuyerButton />
                    </Stack>
                    <BuyerReputation>
                        <Property source="score_parts">
                            <ScoreBreakdown parts={buyerScoreParts(buyer)} />
                        </Property>
                        {buyer.flagReason && <Property source="flagReason">{buyer.flagReason}</Property>}
                        {buyer.blockReason && <Property source="blockReason">{buyer.blockReason}</Property>}
                        {buyer.blockedAt && (
                            <Property source="blockedAt">
                                <RelativeDateField source="blockedAt" />
                            </Property>
                        )}
                        <Property source="externalId">{buyer.externalId}</Property>
                        <Property source="createdAt">
                            <RelativeDateField source="createdAt" />
                        </Property>
                    </BuyerReputation>
                </SectionCard>
            </Grid>
            <Grid size={{ xs: 12, lg: 8 }}>
                <Stack spacing={2}>
                    <SectionCard
                        title={translate('resources.buyers.sections.disputes')}
                        icon={<ReportProblemOutlinedIcon fontSize="small" />}
                    >
                        <DisputesTable target="buyerId" />
                    </SectionCard>
                    <SectionCard
                        title={translate('resources.buyers.sections.orders')}
                        icon={<ReceiptLongOutlinedIcon fontSize="small" />}
                    >
                        <OrdersTable target="buyerId" />
                    </SectionCard>
                </Stack>
            </Grid>
        </Grid>
    );
};

export const BuyerShow = () => (
    <Show component="div" queryOptions={useRecordNotFound()}>
        <BuyerFile />
    </Show>
);
