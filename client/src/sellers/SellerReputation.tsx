import type { ReactNode } from 'react';
import { NumberField } from 'react-admin';
import { ScoreField } from '../buyers/ScoreField';
import { CountryField } from '../common/CountryField';
import { PermilleField } from '../common/PermilleField';
import { Property, PropertyList } from '../common/PropertyList';

const COUNTS = [
    'ordersCount',
    'disputesCount',
    'disputesLostCount',
    'disputesPartialCount',
    'disputesWonCount',
    'sellerTimeoutCount',
    'offersAcceptedCount',
] as const;

/** The seller's rating: score, dispute rate, feedback, outcomes, timeouts and accepted offers. */
export const SellerReputation = ({ children }: { children?: ReactNode }) => (
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
        <Property source="positiveFeedbackPermille">
            <PermilleField source="positiveFeedbackPermille" />
        </Property>
        <Property source="country">
            <CountryField source="country" />
        </Property>
        {children}
    </PropertyList>
);
