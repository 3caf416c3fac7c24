/** Russian strings of the "shortcuts" area (top-level key `shortcuts`); the same keys as enShortcuts. */
export const ruShortcuts = {
    button: 'Сочетания клавиш (?)',
    dialog: {
        title: 'Сочетания клавиш',
        intro: 'Клавиши работают, когда вы не вводите текст в поле и не открыто диалоговое окно.',
        close: 'Закрыть',
    },
    groups: {
        list: 'В списке',
        case: 'На странице спора',
        global: 'Везде',
    },
    keys: { enter: 'Enter' },
    actions: {
        help: 'Показать этот список сочетаний',
        next_row: 'Выбрать следующий спор',
        previous_row: 'Выбрать предыдущий спор',
        next_row_button: 'Следующий спор (J)',
        previous_row_button: 'Предыдущий спор (K)',
        open: 'Открыть выбранный спор',
        pick_up: 'Взять выбранный спор в работу',
        next_case: 'Взять следующий спор из очереди',
        request_evidence: 'Запросить доказательства',
        message: 'Написать сообщение',
        rule: 'Открыть форму решения',
        approve: 'Утвердить решение',
        reject: 'Отклонить решение',
    },
};
