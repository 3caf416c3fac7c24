import { Chip, Stack, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Outlier } from '../../../shared/mediatorQuality';

/** One chip per outlier figure; the tooltip says which rule makes it one. */
export const OutlierChips = ({ outliers }: { outliers: Outlier[] }) => {
    const translate = useTranslate();
    if (outliers.length === 0) return null;
    return (
        <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
            {outliers.map((outlier) => (
                <Tooltip
                    key={outlier.reason}
                    title={translate(`supervision.quality.outlier_why.${outlier.reason}`, {
                        value: outlier.value,
                        threshold: outlier.threshold,
                    })}
                >
                    <Chip
                        size="small"
                        color="warning"
                        label={translate(`supervision.quality.outliers.${outlier.reason}`)}
                        data-testid={`outlier-${outlier.reason}`}
                    />
                </Tooltip>
            ))}
        </Stack>
    );
};
