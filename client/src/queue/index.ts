import QueueIcon from '@mui/icons-material/InboxOutlined';
import { QueueScreen } from './QueueScreen';

/**
 * The mediator's landing page: mounted first, as `<Resource name="queue" {...queue} />`. Loaded
 * with the app (not lazily, like the other screens), so that signing in goes straight to its rows.
 */
export default {
    list: QueueScreen,
    icon: QueueIcon,
};
