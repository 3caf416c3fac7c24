import { Chip, Link, Stack, Typography } from '@mui/material';
import { useCreatePath, useTranslate } from 'react-admin';
import type { DecisionStatus } from '../../../../shared/domain';
import { EnumField } from '../../common/EnumField';
import { MoneyField } from '../../common/MoneyField';
import { Property, PropertyList } from '../../common/PropertyList';
import { RelativeDateField } from '../../common/RelativeDateField';
import type { Decision } from '../../types';

const COLOR: Record<DecisionStatus, 'default' | 'warning' | 'success' | 'error' | 'info'> = {
    draft: 'default',
    pending_approval: 'warning',
    issued: 'success',
    rejected: 'error',
    overturned: 'error',
};

/** The current ruling of a dispute (record context: the decision, resource: decisions). */
export const DecisionDetails = ({ decision }: { decision: Decision }) => {
    const translate = useTranslate();
    const createPath = useCreatePath();
    const link = (id: number) => (
        <Link href={`#${createPath({ resource: 'decisions', id, type: 'show' })}`} variant="body2">
            #{id}
        </Link>
    );
    return (
        <Stack spacing={1.5}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                {link(decision.id)}
                <Chip
                    size="small"
                    color={COLOR[decision.status]}
                    label={translate(`enums.decisionStatus.${decision.status}`)}
                    data-testid="decision-status-chip"
                    data-status={decision.status}
                />
                <Typography variant="subtitle1" component="span">
                    {translate(`enums.outcome.${decision.outcome}`)}
                </Typography>
                <MoneyField source="refundAmount" sx={{ fontWeight: 600 }} />
            </Stack>
            <PropertyList>
                <Property source="mediatorName">
                    <Typography variant="body2" component="span">
                        {decision.mediatorName ?? '—'} · <RelativeDateField source="createdAt" />
                    </Typography>
                </Property>
                <Property source="returnRequired">
                    <Typography variant="body2" component="span">
                        {decision.returnRequired
                            ? translate('resources.disputes.ruling.status.return_paid_by', {
                                  payer: translate(
                                      `enums.party.${decision.returnShippingPaidBy ?? 'buyer'}`
                                  ).toLowerCase(),
                              })
                            : translate('resources.disputes.ruling.status.no_return')}
                        {decision.returnTrackingNumber &&
                            ` · ${translate('resources.disputes.ruling.status.return_shipped', {
                                tracking: [decision.returnCarrier, decision.returnTrackingNumber]
                                    .filter(Boolean)
                                    .join(' '),
                            })}`}
                    </Typography>
                </Property>
                {decision.approverName && (
                    <Property source="approverName">
                        <Typography variant="body2" component="span">
                            {decision.approverName}
                            {decision.approvedAt && (
                                <>
                                    {' · '}
                                    <RelativeDateField source="approvedAt" />
                                </>
                            )}
                        </Typography>
                    </Property>
                )}
                {decision.approvalComment && (
                    <Property source="approvalComment">{decision.approvalComment}</Property>
                )}
                {decision.rejectionReason && (
                    <Property source="rejectionReason">{decision.rejectionReason}</Property>
                )}
                {decision.overturnReason && (
                    <Property source="overturnReason">{decision.overturnReason}</Property>
                )}
                {decision.issuedAt && (
                    <Property source="issuedAt">
                        <RelativeDateField source="issuedAt" />
                    </Property>
                )}
                {decision.supersedesId !== null && (
                    <Property source="supersedesId">{link(decision.supersedesId)}</Property>
                )}
                {decision.status === 'pending_approval' && (
                    <Property source="status">
                        <EnumField source="status" enumName="decisionStatus" />
                        <Typography variant="caption" color="text.secondary" component="div">
                            {translate('resources.disputes.ruling.status.nothing_sent')}
                        </Typography>
                    </Property>
                )}
            </PropertyList>
        </Stack>
    );
};
