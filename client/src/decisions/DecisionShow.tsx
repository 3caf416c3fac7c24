import { Grid, Stack } from '@mui/material';
import GavelIcon from '@mui/icons-material/Gavel';
import RateReviewOutlinedIcon from '@mui/icons-material/RateReviewOutlined';
import SubjectIcon from '@mui/icons-material/Subject';
import {
    BooleanField,
    ChipField,
    NumberField,
    ReferenceArrayField,
    ReferenceField,
    Show,
    SingleFieldList,
    TextField,
    useTranslate,
} from 'react-admin';
import { DisputeLinkField } from '../common/DisputeLinkField';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { Property, PropertyList } from '../common/PropertyList';
import { RecordLinkField } from '../common/RecordLinkField';
import { RelativeDateField } from '../common/RelativeDateField';
import { SectionCard } from '../common/SectionCard';
import { useRecordNotFound } from '../common/useRecordNotFound';

const Text = ({ source }: { source: string }) => (
    <TextField source={source} sx={{ whiteSpace: 'pre-wrap' }} emptyText="—" />
);

const DecisionFile = () => {
    const translate = useTranslate();
    return (
        <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 6 }}>
                <SectionCard
                    title={translate('resources.decisions.sections.ruling')}
                    icon={<GavelIcon fontSize="small" />}
                >
                    <PropertyList>
                        <Property source="disputeId">
                            <DisputeLinkField />
                        </Property>
                        <Property source="mediatorId">
                            <RecordLinkField source="mediatorName" reference="staff" idSource="mediatorId" />
                        </Property>
                        <Property source="outcome">
                            <EnumField source="outcome" enumName="outcome" />
                        </Property>
                        <Property source="refundAmount">
                            <MoneyField source="refundAmount" />
                        </Property>
                        <Property source="refundPercent">
                            <NumberField source="refundPercent" emptyText="—" />
                        </Property>
                        <Property source="hoursToDecision">
                            <NumberField source="hoursToDecision" emptyText="—" />
                        </Property>
                        <Property source="slaBreached">
                            <BooleanField source="slaBreached" />
                        </Property>
                        <Property source="returnRequired">
                            <BooleanField source="returnRequired" />
                        </Property>
                        <Property source="returnShippingPaidBy">
                            <EnumField source="returnShippingPaidBy" enumName="party" />
                        </Property>
                        <Property source="evidenceIds">
                            <ReferenceArrayField source="evidenceIds" reference="attachments">
                                <SingleFieldList linkType="show">
                                    <ChipField source="fileName" size="small" />
                                </SingleFieldList>
                            </ReferenceArrayField>
                        </Property>
                        <Property source="createdAt">
                            <RelativeDateField source="createdAt" />
                        </Property>
                        <Property source="issuedAt">
                            <RelativeDateField source="issuedAt" />
                        </Property>
                    </PropertyList>
                </SectionCard>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
                <Stack spacing={2}>
                    <SectionCard
                        title={translate('resources.decisions.sections.review')}
                        icon={<RateReviewOutlinedIcon fontSize="small" />}
                    >
                        <PropertyList>
                            <Property source="status">
                                <EnumField source="status" enumName="decisionStatus" />
                            </Property>
                            <Property source="approverId">
                                <RecordLinkField
                                    source="approverName"
                                    reference="staff"
                                    idSource="approverId"
                                />
                            </Property>
                            <Property source="approvedAt">
                                <RelativeDateField source="approvedAt" />
                            </Property>
                            <Property source="rejectionReason">
                                <Text source="rejectionReason" />
                            </Property>
                            <Property source="overturnReason">
                                <Text source="overturnReason" />
                            </Property>
                            <Property source="supersedesId">
                                <ReferenceField
                                    source="supersedesId"
                                    reference="decisions"
                                    link="show"
                                    emptyText="—"
                                />
                            </Property>
                        </PropertyList>
                    </SectionCard>
                    <SectionCard
                        title={translate('resources.decisions.sections.rationales')}
                        icon={<SubjectIcon fontSize="small" />}
                    >
                        <PropertyList>
                            <Property source="rationaleBuyer">
                                <Text source="rationaleBuyer" />
                            </Property>
                            <Property source="rationaleSeller">
                                <Text source="rationaleSeller" />
                            </Property>
                        </PropertyList>
                    </SectionCard>
                </Stack>
            </Grid>
        </Grid>
    );
};

export const DecisionShow = () => (
    <Show component="div" queryOptions={useRecordNotFound()}>
        <DecisionFile />
    </Show>
);
