import { useNotify, useParams, useRedirect, useResourceContext, useTranslate } from 'react-admin';

/**
 * Query options of a show page whose record cannot be read: the notice says which record
 * ("Dispute #999 does not exist") instead of react-admin's "Element does not exist", then the
 * list opens. Other failures (403, 5xx) keep their own message.
 */
export const useRecordNotFound = () => {
    const resource = useResourceContext() ?? '';
    const { id } = useParams<{ id: string }>();
    const notify = useNotify();
    const redirect = useRedirect();
    const translate = useTranslate();
    return {
        onError: (error: { status?: number; message?: string }) => {
            if (error?.status === 404) {
                const name = translate(`resources.${resource}.name`, { smart_count: 1, _: resource });
                notify('usability.not_found', { type: 'error', messageArgs: { name, id } });
            } else {
                notify(error?.message || 'ra.notification.http_error', { type: 'error' });
            }
            redirect('list', resource);
        },
    };
};
