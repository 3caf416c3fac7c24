/** English strings of the "live" area (top-level key `live`). */
export const enLive = {
    presence: {
        label: 'Also open by',
        viewer: '%{name} (%{role}) has this dispute open now',
    },
    changed: {
        by: '%{name} changed this dispute: %{what}. Status now: %{status}.',
        by_someone: 'This dispute was changed meanwhile: %{what}. Status now: %{status}.',
        kept: 'Reload to see it; what you have typed is kept.',
        reload: 'Reload',
        dismiss: 'Dismiss',
    },
};
