export const timestamps = { createdAt: 'Created', updatedAt: 'Updated' };
