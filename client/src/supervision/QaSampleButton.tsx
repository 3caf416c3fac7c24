import { useState } from 'react';
import { Button } from '@mui/material';
import CasinoIcon from '@mui/icons-material/CasinoOutlined';
import { useMutation } from '@tanstack/react-query';
import { useCanAccess, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { QaSampleInput } from '../../../shared/schemas/qa';
import { QaSampleDialog } from './QaSampleDialog';
import { drawQaSample, type QaSample } from './supervisionApi';

/** "Random QA sample": draws N decisions of a period for the signed-in supervisor to review. */
export const QaSampleButton = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const [open, setOpen] = useState(false);
    const { canAccess } = useCanAccess({ resource: 'qa-reviews', action: 'create' });
    const mutation = useMutation<QaSample, Error, QaSampleInput>({
        mutationFn: drawQaSample,
        onSuccess: (sample) => {
            notify('supervision.qa.sample.drawn', {
                type: 'success',
                messageArgs: { smart_count: sample.reviews.length },
            });
            setOpen(false);
            refresh();
        },
    });
    if (!canAccess) return null;
    return (
        <>
            <Button
                size="small"
                startIcon={<CasinoIcon />}
                onClick={() => {
                    mutation.reset();
                    setOpen(true);
                }}
                data-testid="qa-sample-button"
            >
                {translate('supervision.qa.sample.button')}
            </Button>
            {open && (
                <QaSampleDialog
                    isPending={mutation.isPending}
                    error={mutation.error}
                    onConfirm={(input) => mutation.mutate(input)}
                    onClose={() => setOpen(false)}
                />
            )}
        </>
    );
};
