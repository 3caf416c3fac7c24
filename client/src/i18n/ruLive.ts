/** Russian strings of the "live" area (top-level key `live`); the same keys as enLive. */
export const ruLive = {
    presence: {
        label: 'Также открыт у',
        viewer: '%{name} (%{role}) сейчас просматривает этот спор',
    },
    changed: {
        by: 'Спор изменён, автор изменения: %{name}. %{what}. Текущий статус: %{status}.',
        by_someone: 'Спор изменился, пока вы его просматривали: %{what}. Текущий статус: %{status}.',
        kept: 'Обновите страницу спора, чтобы увидеть изменения; введённый вами текст сохранится.',
        reload: 'Обновить',
        dismiss: 'Скрыть',
    },
};
