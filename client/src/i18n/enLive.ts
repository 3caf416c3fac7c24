/** English strings of the "live" area (top-level key `live`). */
export const enLive = {};
