/* npm run bench: every benchmark in turn (BENCH_DATABASE_URL adds PostgreSQL runs). */
await import('./list');
await import('./ratings');
await import('./dashboard');
await import('./guidance');
await import('./supervision');
await import('./pickup');
await import('./outcomes');
await import('./verify');
await import('./login');
await import('./upload');
await import('./spa');

export {};
