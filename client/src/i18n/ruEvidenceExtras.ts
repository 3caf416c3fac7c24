/** Russian strings of the "evidenceExtras" area (top-level key `evidence_extras`); the same keys as enEvidenceExtras. */
export const ruEvidenceExtras = {
    pdf: {
        title: '%{name}',
        loading: 'Открываем PDF…',
        error: 'Этот PDF нельзя показать здесь: %{error}. Откройте его в новой вкладке.',
        page: 'Страница %{page} из %{pages}',
        previous: 'Предыдущая страница',
        next: 'Следующая страница',
        zoom_in: 'Увеличить',
        zoom_out: 'Уменьшить',
        zoom_reset: 'Исходный размер (%{percent}%)',
        open_tab: 'Открыть в новой вкладке',
        close: 'Закрыть',
        canvas: 'Страница %{page} документа %{name}',
    },
    queue_reused: 'Доказательство использовано повторно в споре №%{dispute}',
    queue_reused_many: 'Доказательства использованы повторно в спорах %{disputes}',
};
