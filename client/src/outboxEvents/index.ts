import OutboxIcon from '@mui/icons-material/OutboxOutlined';
import { OutboxEventList } from './OutboxEventList';
import { OutboxEventShow } from './OutboxEventShow';
import type { OutboxEvent } from './outboxTypes';

/** The deliveries screen (supervisors): outbox events, their attempts, replay. */
export default {
    list: OutboxEventList,
    show: OutboxEventShow,
    icon: OutboxIcon,
    recordRepresentation: (record: OutboxEvent) => `${record.type} #${record.id}`,
};
