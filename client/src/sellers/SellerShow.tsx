import { Grid, Stack, Typography } from '@mui/material';
import InsightsOutlinedIcon from '@mui/icons-material/InsightsOutlined';
import ReceiptLongOutlinedIcon from '@mui/icons-material/ReceiptLongOutlined';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { sellerScoreParts } from '../../../shared/reputation';
import { ScoreBreakdown } from '../buyers/ScoreBreakdown';
import { Property } from '../common/PropertyList';
import { SectionCard } from '../common/SectionCard';
import { DisputesTable } from '../disputes/DisputesTable';
import { OrdersTable } from '../orders/OrdersTable';
import type { Seller } from '../types';
import { SellerReputation } from './SellerReputation';
import { useRecordNotFound } from '../common/useRecordNotFound';

const SellerFile = () => {
    const seller = useRecordContext<Seller>();
    const translate = useTranslate();
    if (!seller) return null;
    return (
        <Grid container spacing={2}>
            <Grid size={{ xs: 12, lg: 4 }}>
                <SectionCard
                    title={translate('resources.sellers.sections.reputation')}
                    icon={<InsightsOutlinedIcon fontSize="small" />}
                >
                    <Typography variant="h6" component="h1" sx={{ mb: 1 }}>
                        {seller.storeName}
                    </Typography>
                    <SellerReputation>
                        <Property source="score_parts">
                            <ScoreBreakdown parts={sellerScoreParts(seller)} />
                        </Property>
                    </SellerReputation>
                </SectionCard>
            </Grid>
            <Grid size={{ xs: 12, lg: 8 }}>
                <Stack spacing={2}>
                    <SectionCard
                        title={translate('resources.sellers.sections.disputes')}
                        icon={<ReportProblemOutlinedIcon fontSize="small" />}
                    >
                        <DisputesTable target="sellerId" />
                    </SectionCard>
                    <SectionCard
                        title={translate('resources.sellers.sections.orders')}
                        icon={<ReceiptLongOutlinedIcon fontSize="small" />}
                    >
                        <OrdersTable target="sellerId" />
                    </SectionCard>
                </Stack>
            </Grid>
        </Grid>
    );
};

export const SellerShow = () => (
    <Show component="div" queryOptions={useRecordNotFound()}>
        <SellerFile />
    </Show>
);
