import QueueIcon from '@mui/icons-material/InboxOutlined';
import { QueueScreen } from './QueueScreen';

/** The mediator's landing page: mounted first, as `<Resource name="queue" {...queue} />`. */
export default {
    list: QueueScreen,
    icon: QueueIcon,
};
