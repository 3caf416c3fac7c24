import AttachmentIcon from '@mui/icons-material/AttachFile';
import type { Attachment } from '../types';
import { lazyView } from '../common/lazyView';

export default {
    list: lazyView(() => import('./AttachmentList'), 'AttachmentList'),
    show: lazyView(() => import('./AttachmentShow'), 'AttachmentShow'),
    icon: AttachmentIcon,
    recordRepresentation: (record: Attachment) => record.fileName,
};
