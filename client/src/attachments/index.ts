import AttachmentIcon from '@mui/icons-material/AttachFile';
import type { Attachment } from '../types';
import { AttachmentList } from './AttachmentList';
import { AttachmentShow } from './AttachmentShow';

export default {
    list: AttachmentList,
    show: AttachmentShow,
    icon: AttachmentIcon,
    recordRepresentation: (record: Attachment) => record.fileName,
};
