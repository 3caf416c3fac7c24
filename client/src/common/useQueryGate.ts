import { useCanAccess } from 'react-admin';

/**
 * Query options that hold a page's read until the role may use the page: react-admin redirects to
 * "access denied" but still sends the request, which the server refuses and audits.
 */
export const useQueryGate = (resource: string, action: 'list' | 'show' | 'edit') => {
    const { canAccess } = useCanAccess({ resource, action });
    return { enabled: canAccess === true };
};
