import { alpha, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { OutlierChips } from './OutlierChips';
import type { MediatorQualityRow } from './supervisionApi';

const COLUMNS = [
    'mediatorName',
    'casesDecided',
    'medianHoursToDecision',
    'slaBreaches',
    'refundGapPoints',
    'overturnPercent',
    'qaAgreementPercent',
    'outliers',
] as const;

const dash = (value: number | null, unit = '') => (value === null ? '—' : `${value}${unit}`);
const signed = (value: number | null) => (value === null ? '—' : `${value > 0 ? '+' : ''}${value}`);

/** One row per mediator; a row with outliers is highlighted. */
export const MediatorQualityTable = ({ rows }: { rows: MediatorQualityRow[] }) => {
    const translate = useTranslate();
    if (rows.length === 0) {
        return (
            <Typography color="text.secondary" sx={{ my: 2 }} data-testid="quality-empty">
                {translate('supervision.quality.empty')}
            </Typography>
        );
    }
    return (
        <Table size="small" data-testid="quality-table">
            <TableHead>
                <TableRow>
                    {COLUMNS.map((column) => (
                        <TableCell
                            key={column}
                            align={column === 'mediatorName' || column === 'outliers' ? 'left' : 'right'}
                        >
                            {translate(`supervision.quality.columns.${column}`)}
                        </TableCell>
                    ))}
                </TableRow>
            </TableHead>
            <TableBody>
                {rows.map((row) => (
                    <TableRow
                        key={row.id}
                        data-testid={`quality-row-${row.id}`}
                        sx={
                            row.outliers.length > 0
                                ? { bgcolor: (theme) => alpha(theme.palette.warning.main, 0.12) }
                                : undefined
                        }
                    >
                        <TableCell>{row.mediatorName ?? `#${row.mediatorId}`}</TableCell>
                        <TableCell align="right">{row.casesDecided}</TableCell>
                        <TableCell align="right">{dash(row.medianHoursToDecision, ' h')}</TableCell>
                        <TableCell align="right">{row.slaBreaches}</TableCell>
                        <TableCell align="right">{signed(row.refundGapPoints)}</TableCell>
                        <TableCell align="right">
                            {`${row.overturnPercent} %`}
                            {row.peersOverturnPercent !== null && (
                                <Typography component="span" variant="caption" color="text.secondary">
                                    {' '}
                                    {translate('supervision.quality.peers', {
                                        value: row.peersOverturnPercent,
                                    })}
                                </Typography>
                            )}
                        </TableCell>
                        <TableCell align="right">
                            {dash(row.qaAgreementPercent, ' %')}
                            {row.qaAnswered > 0 && (
                                <Typography component="span" variant="caption" color="text.secondary">
                                    {' '}
                                    ({row.qaAnswered})
                                </Typography>
                            )}
                        </TableCell>
                        <TableCell>
                            <OutlierChips outliers={row.outliers} />
                        </TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};
