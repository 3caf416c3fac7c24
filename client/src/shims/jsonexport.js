/**
 * Stands in for jsonexport, which react-admin's default exporter imports statically: the console's
 * lists export CSV from the server (exporter={false}), so the converter (about 5 KB gzipped) loads
 * only if something ever calls it, and then answers as it would (its promise, or the callback).
 */
export default function jsonExport(...args) {
    // Not `jsonexport/dist/index.js`: that specifier is the one the build points here.
    return import('jsonexport/dist/index').then((module) => module.default(...args));
}
