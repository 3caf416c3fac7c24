import { Button, Stack, TextField, Typography } from '@mui/material';
import NotesIcon from '@mui/icons-material/Notes';
import { useTranslate } from 'react-admin';
import type { Party } from '../../../../shared/domain';
import { DEFAULT_POLICY } from '../../../../shared/policy';
import { RATIONALE_MAX_LENGTH } from '../../../../shared/schemas/rulings';

const T = 'resources.disputes.ruling.form';
const MIN = DEFAULT_POLICY.rationaleMinLength;

/** One rationale per party (each sees only its own), with a length counter and a template. */
export const RationaleFields = ({
    values,
    errors,
    onChange,
    onTemplate,
}: {
    values: Record<Party, string>;
    errors: Partial<Record<Party, string>>;
    onChange: (party: Party, text: string) => void;
    /** Fills both fields from the template of the dispute's reason. */
    onTemplate: () => void;
}) => {
    const translate = useTranslate();
    return (
        <Stack spacing={1.5}>
            <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
                <Typography variant="subtitle2" component="h3">
                    {translate(`${T}.rationales`)}
                </Typography>
                <Button
                    size="small"
                    startIcon={<NotesIcon />}
                    onClick={onTemplate}
                    data-testid="ruling-template"
                >
                    {translate(`${T}.template`)}
                </Button>
            </Stack>
            {(['buyer', 'seller'] as const).map((party) => {
                const length = values[party].trim().length;
                const short = length < MIN;
                return (
                    <TextField
                        key={party}
                        label={translate(`${T}.rationale_${party}`)}
                        value={values[party]}
                        onChange={(event) => onChange(party, event.target.value)}
                        multiline
                        minRows={3}
                        maxRows={10}
                        required
                        error={!!errors[party]}
                        helperText={
                            <Stack
                                component="span"
                                direction="row"
                                sx={{ justifyContent: 'space-between', gap: 1 }}
                            >
                                <span>{errors[party] ?? translate(`${T}.rationale_help_${party}`)}</span>
                                <Typography
                                    component="span"
                                    variant="caption"
                                    color={short ? 'warning.main' : 'text.secondary'}
                                    sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
                                    data-testid={`ruling-counter-${party}`}
                                >
                                    {short
                                        ? translate(`${T}.counter_short`, { count: length, min: MIN })
                                        : translate(`${T}.counter`, { count: length })}
                                </Typography>
                            </Stack>
                        }
                        slotProps={{
                            htmlInput: {
                                maxLength: RATIONALE_MAX_LENGTH,
                                'data-testid': `ruling-rationale-${party}`,
                            },
                            formHelperText: { component: 'div' },
                        }}
                    />
                );
            })}
        </Stack>
    );
};
