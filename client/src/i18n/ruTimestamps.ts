export const ruTimestamps = { createdAt: 'Создано', updatedAt: 'Изменено' };
