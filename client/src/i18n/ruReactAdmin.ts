/**
 * react-admin's own strings in Russian: ra-language-russian, with the keys of ra-language-english 5
 * it lacks, its extra key dropped, and the plurals reworded so that every form carries the count
 * (Russian uses the "one" form for 21, 31… too) and every placeholder of the English message.
 */
import russianMessages from 'ra-language-russian';
import { mergeMessages } from './enRulings';

const { prev: _prev, ...navigation } = russianMessages.ra.navigation;

const ra = mergeMessages(
    { ...russianMessages.ra, navigation },
    {
        action: {
            bulk_actions:
                'Выбран %{smart_count} элемент |||| Выбрано %{smart_count} элемента |||| Выбрано %{smart_count} элементов',
        },
        message: {
            bulk_delete_content:
                'Удалить %{smart_count} элемент (%{name})? |||| Удалить %{smart_count} элемента (%{name})? |||| Удалить %{smart_count} элементов (%{name})?',
            bulk_delete_title:
                'Удалить: %{name} (%{smart_count}) |||| Удалить: %{name} (%{smart_count}) |||| Удалить: %{name} (%{smart_count})',
            bulk_update_content:
                'Обновить %{name} %{recordRepresentation}? |||| Обновить %{smart_count} элемента? |||| Обновить %{smart_count} элементов?',
            bulk_update_title:
                'Обновить %{name} %{recordRepresentation} |||| Обновить: %{name} (%{smart_count}) |||| Обновить: %{name} (%{smart_count})',
            delete_content: 'Вы уверены, что хотите удалить этот элемент (%{name})?',
        },
        navigation: {
            no_results: 'Ничего не найдено (%{name})',
            no_filtered_results: 'С текущими фильтрами ничего не найдено (%{name}).',
        },
        // The English catalogue keeps the field's own capitals too ("SLA").
        sort: { sort_by: 'Сортировать по полю «%{field}» в порядке %{order}' },
        notification: {
            updated:
                'Обновлён %{smart_count} элемент |||| Обновлено %{smart_count} элемента |||| Обновлено %{smart_count} элементов',
            deleted:
                'Удалён %{smart_count} элемент |||| Удалено %{smart_count} элемента |||| Удалено %{smart_count} элементов',
        },
        guesser: {
            empty: {
                title: 'Нет данных для отображения',
                message: 'Проверьте провайдер данных',
            },
        },
    }
);

export const ruReactAdmin = { ra };
