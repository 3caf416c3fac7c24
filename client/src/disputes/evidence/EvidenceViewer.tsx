import Lightbox, { type Slide } from 'yet-another-react-lightbox';
import Counter from 'yet-another-react-lightbox/plugins/counter';
import Video from 'yet-another-react-lightbox/plugins/video';
import Zoom from 'yet-another-react-lightbox/plugins/zoom';
import 'yet-another-react-lightbox/styles.css';
import 'yet-another-react-lightbox/plugins/counter.css';
import { useTranslate } from 'react-admin';
import { attachmentContentUrl } from '../../attachments/attachmentUrl';
import type { Attachment } from '../../types';

const slideOf = (attachment: Attachment): Slide =>
    attachment.kind === 'video'
        ? {
              type: 'video',
              // Metadata first: the player then seeks with Range requests instead of downloading all.
              preload: 'metadata',
              controls: true,
              sources: [{ src: attachmentContentUrl(attachment.id), type: attachment.mimeType }],
          }
        : { src: attachmentContentUrl(attachment.id), alt: attachment.fileName };

/**
 * Images with zoom and videos with a seeking player, previous/next across the dispute's viewable
 * evidence. Opening a slide loads the evidence itself, which the server audits as a viewing.
 */
export const EvidenceViewer = ({
    attachments,
    index,
    onClose,
    onIndexChange,
}: {
    attachments: Attachment[];
    index: number;
    onClose: () => void;
    onIndexChange: (index: number) => void;
}) => {
    const translate = useTranslate();
    const t = (key: string) => translate(`resources.disputes.evidence.viewer.${key}`);
    return (
        <Lightbox
            open={index >= 0}
            index={Math.max(index, 0)}
            close={onClose}
            slides={attachments.map(slideOf)}
            plugins={[Zoom, Video, Counter]}
            carousel={{ finite: true, preload: 1 }}
            zoom={{ maxZoomPixelRatio: 4, scrollToZoom: true }}
            video={{ preload: 'metadata', controls: true }}
            on={{ view: ({ index: viewed }) => onIndexChange(viewed) }}
            labels={{
                Previous: t('previous'),
                Next: t('next'),
                Close: t('close'),
                'Zoom in': t('zoom_in'),
                'Zoom out': t('zoom_out'),
                Lightbox: t('lightbox'),
                Carousel: t('carousel'),
                Slide: t('slide'),
            }}
        />
    );
};
