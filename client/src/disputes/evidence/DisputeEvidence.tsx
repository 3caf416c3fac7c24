import { useState } from 'react';
import { Alert, Box, Divider, Skeleton, Stack, Typography } from '@mui/material';
import PhotoLibraryOutlinedIcon from '@mui/icons-material/PhotoLibraryOutlined';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { ATTACHMENT_UPLOADERS } from '../../../../shared/domain';
import { AttachmentReviewDialog } from '../../attachments/AttachmentReviewDialog';
import { ReusedEvidenceWarning } from '../../attachments/ReusedEvidenceWarning';
import { SectionCard } from '../../common/SectionCard';
import { OpenEvidenceRequests } from '../../evidenceRequests/OpenEvidenceRequests';
import { RequestEvidenceButton } from '../../evidenceRequests/RequestEvidenceButton';
import {
    RequestEvidenceDialog,
    type EvidenceRequestDraft,
} from '../../evidenceRequests/RequestEvidenceDialog';
import type { Attachment, Dispute } from '../../types';
import { EvidenceTile } from './EvidenceTile';
import { EvidenceUploadZone } from './EvidenceUploadZone';
import { LazyEvidenceViewer, LazyPdfViewer, VIEWABLE_KINDS } from './LazyViewers';
import { useEvidencePermissions } from './useEvidencePermissions';

const T = 'resources.disputes.evidence';

/**
 * The dispute's evidence: open requests with their countdowns, the files grouped by who sent them
 * (previews, type, size, review, reuse), the viewer, the review form and staff uploads.
 */
export const DisputeEvidence = () => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    const permissions = useEvidencePermissions(record);
    const {
        data = [],
        isPending,
        error,
    } = useGetList<Attachment>(
        'attachments',
        {
            filter: { disputeId: record?.id },
            sort: { field: 'createdAt', order: 'ASC' },
            pagination: { page: 1, perPage: 200 },
        },
        { enabled: !!record }
    );
    const [viewing, setViewing] = useState(-1);
    const [pdf, setPdf] = useState<Attachment | null>(null);
    const [reviewing, setReviewing] = useState<Attachment | null>(null);
    const [draft, setDraft] = useState<EvidenceRequestDraft | null>(null);
    if (!record) return null;

    // Gallery order: by party, then by time; the viewer pages through it in that order.
    const groups = ATTACHMENT_UPLOADERS.map((party) => ({
        party,
        files: data.filter((attachment) => attachment.uploadedBy === party),
    }));
    const viewable = groups.flatMap((group) => group.files).filter((a) => VIEWABLE_KINDS.includes(a.kind));

    return (
        <SectionCard
            title={translate('resources.disputes.sections.evidence')}
            icon={<PhotoLibraryOutlinedIcon fontSize="small" />}
            action={<RequestEvidenceButton />}
            data-testid="dispute-evidence"
        >
            <Stack spacing={2}>
                <OpenEvidenceRequests record={record} mayCancel={permissions.cancelRequest} />
                <Divider />
                {isPending ? (
                    <Stack direction="row" spacing={1}>
                        {[0, 1, 2].map((i) => (
                            <Skeleton key={i} variant="rounded" width={128} height={128} />
                        ))}
                    </Stack>
                ) : error ? (
                    <Alert severity="error">{translate(`${T}.error`)}</Alert>
                ) : data.length === 0 ? (
                    <Typography variant="body2" color="text.secondary">
                        {translate(`${T}.empty`)}
                    </Typography>
                ) : (
                    <>
                        <ReusedEvidenceWarning attachments={data} />
                        {groups.map(({ party, files }) => (
                            <Box key={party} component="section" data-testid={`evidence-group-${party}`}>
                                <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
                                    {translate(`${T}.group.${party}`)} ({files.length})
                                </Typography>
                                {files.length === 0 ? (
                                    <Typography variant="body2" color="text.secondary">
                                        {translate(`${T}.group_empty`, {
                                            party: translate(`enums.uploader.${party}`).toLowerCase(),
                                        })}
                                    </Typography>
                                ) : (
                                    <Box
                                        component="ul"
                                        sx={{
                                            listStyle: 'none',
                                            m: 0,
                                            p: 0,
                                            display: 'flex',
                                            flexWrap: 'wrap',
                                            gap: 2,
                                        }}
                                    >
                                        {files.map((attachment) => (
                                            <EvidenceTile
                                                key={attachment.id}
                                                attachment={attachment}
                                                onOpen={() =>
                                                    attachment.kind === 'pdf'
                                                        ? setPdf(attachment)
                                                        : setViewing(viewable.indexOf(attachment))
                                                }
                                                onReview={
                                                    permissions.review
                                                        ? () => setReviewing(attachment)
                                                        : undefined
                                                }
                                            />
                                        ))}
                                    </Box>
                                )}
                            </Box>
                        ))}
                    </>
                )}
                {permissions.upload && <EvidenceUploadZone disputeId={record.id} />}
            </Stack>
            <LazyPdfViewer attachment={pdf} onClose={() => setPdf(null)} />
            <LazyEvidenceViewer
                attachments={viewable}
                index={viewing}
                onClose={() => setViewing(-1)}
                onIndexChange={setViewing}
            />
            {reviewing && (
                <AttachmentReviewDialog
                    attachment={reviewing}
                    onClose={() => setReviewing(null)}
                    onAskAgain={
                        permissions.requestEvidence
                            ? (attachment) =>
                                  setDraft({
                                      from: attachment.uploadedBy === 'seller' ? 'seller' : 'buyer',
                                      template: 'unreadable',
                                      templateArgs: { name: attachment.fileName },
                                  })
                            : undefined
                    }
                />
            )}
            {draft && <RequestEvidenceDialog record={record} draft={draft} onClose={() => setDraft(null)} />}
        </SectionCard>
    );
};
