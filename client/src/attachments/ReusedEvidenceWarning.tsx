import { Alert, AlertTitle, Box } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import type { Attachment } from '../types';
import { reuseOf } from './reuse';

/** Lists the evidence of this dispute also seen in other disputes, each linking to the other dispute. */
export const ReusedEvidenceWarning = ({ attachments }: { attachments: Attachment[] }) => {
    const translate = useTranslate();
    const createPath = useCreatePath();
    const matches = attachments.flatMap((attachment) =>
        reuseOf(attachment).map((match) => ({ attachment, match }))
    );
    if (matches.length === 0) return null;
    return (
        <Alert severity="warning" data-testid="reused-evidence">
            <AlertTitle>{translate('resources.disputes.evidence.reused.title')}</AlertTitle>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
                {matches.map(({ attachment, match }) => (
                    <li key={`${attachment.id}-${match.attachmentId}`}>
                        <Link
                            to={createPath({ resource: 'disputes', id: match.disputeId, type: 'show' })}
                            color="inherit"
                        >
                            {translate(`resources.disputes.evidence.reused.${match.match}`, {
                                name: attachment.fileName,
                                dispute: match.disputeId,
                                distance: match.distance,
                            })}
                        </Link>
                    </li>
                ))}
            </Box>
        </Alert>
    );
};
