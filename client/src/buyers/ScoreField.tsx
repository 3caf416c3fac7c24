import { Chip } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/** Where a score counts as good, fair or poor (colours only; the rules live in shared/reputation.ts). */
export function scoreColor(score: number): 'success' | 'warning' | 'error' {
    if (score >= 80) return 'success';
    return score >= 50 ? 'warning' : 'error';
}

/** A 0–100 reputation score as a coloured chip. */
export const ScoreField = (props: FieldProps) => {
    const score = useFieldValue(props);
    if (typeof score !== 'number') return null;
    return (
        <Chip
            size="small"
            variant="outlined"
            color={scoreColor(score)}
            label={score}
            data-testid="score"
            sx={{ fontWeight: 600, minWidth: 44 }}
        />
    );
};
