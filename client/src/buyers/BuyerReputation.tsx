import type { ReactNode } from 'react';
import { NumberField } from 'react-admin';
import { CountryField } from '../common/CountryField';
import { PermilleField } from '../common/PermilleField';
import { Property, PropertyList } from '../common/PropertyList';
import { BuyerFlags } from './BuyerFlags';
import { ScoreField } from './ScoreField';

const COUNTS = [
    'ordersCount',
    'disputes90dCount',
    'disputesCount',
    'disputesWonCount',
    'disputesPartialCount',
    'disputesLostCount',
    'escalationsCount',
    'penaltyCount',
] as const;

/** The buyer's rating: score, dispute rate, orders and disputes, outcomes, escalations, flags. */
export const BuyerReputation = ({
    withFlags = true,
    children,
}: {
    withFlags?: boolean;
    children?: ReactNode;
}) => (
    <PropertyList>
        <Property source="score">
            <ScoreField source="score" />
        </Property>
        <Property source="disputeRatePermille">
            <PermilleField source="disputeRatePermille" />
        </Property>
        {COUNTS.map((source) => (
            <Property source={source} key={source}>
                <NumberField source={source} />
            </Property>
        ))}
        <Property source="country">
            <CountryField source="country" />
        </Property>
        <Property source="rating">
            <NumberField source="rating" />
        </Property>
        {withFlags && (
            <Property source="flagged">
                <BuyerFlags emptyText="—" />
            </Property>
        )}
        {children}
    </PropertyList>
);
