import { inject } from 'vitest';

// the app's server modules read their configuration from process.env
Object.assign(process.env, inject('stackEnv'));
