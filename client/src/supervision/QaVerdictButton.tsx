import { useState } from 'react';
import { Button } from '@mui/material';
import RateReviewIcon from '@mui/icons-material/RateReviewOutlined';
import { useMutation } from '@tanstack/react-query';
import { useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { QaReviewRecord, QaVerdictInput } from '../../../shared/schemas/qa';
import { QaVerdictDialog } from './QaVerdictDialog';
import { answerQaReview } from './supervisionApi';

/** "Answer" on a review of one's own that has no verdict yet. */
export const QaVerdictButton = () => {
    const review = useRecordContext<QaReviewRecord>();
    const { identity } = useGetIdentity();
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const [open, setOpen] = useState(false);
    const mutation = useMutation<QaReviewRecord, Error, QaVerdictInput>({
        mutationFn: (input) => answerQaReview(review!.id, input),
        onSuccess: () => {
            notify('supervision.qa.verdict.recorded', { type: 'success' });
            setOpen(false);
            refresh();
        },
        // A 409: answered meanwhile (another tab); the list shows it as it is now.
        onError: () => refresh(),
    });
    if (!review || review.verdict !== null || identity?.id !== review.reviewerId) return null;
    return (
        <>
            <Button
                size="small"
                variant="outlined"
                startIcon={<RateReviewIcon />}
                onClick={(event) => {
                    event.stopPropagation();
                    mutation.reset();
                    setOpen(true);
                }}
                data-testid="qa-verdict-button"
            >
                {translate('supervision.qa.verdict.answer')}
            </Button>
            {open && (
                <QaVerdictDialog
                    review={review}
                    isPending={mutation.isPending}
                    error={mutation.error}
                    onConfirm={(input) => mutation.mutate(input)}
                    onClose={() => setOpen(false)}
                />
            )}
        </>
    );
};
