/** Russian strings of the "usability" area (top-level key `usability`); the same keys as enUsability. */
export const ruUsability = {
    not_found: '%{name} №%{id} не существует',
    filters: {
        unknown_removed: 'Неизвестный фильтр «%{name}» удалён',
    },
    timeline: {
        order: 'Порядок записей',
        newest_first: 'Сначала новые',
        oldest_first: 'Сначала старые',
        kinds: 'Показывать записи этих видов',
        kind: {
            messages: 'Сообщения',
            evidence: 'Доказательства',
            offers: 'Предложения',
            status: 'Смена статуса',
        },
        all_hidden: 'Нет записей выбранных видов. Выберите другие виды выше, чтобы их увидеть.',
    },
};
