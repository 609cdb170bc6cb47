// The database layer: one module per noun, each imported as a namespace
// (`import * as targets from '$lib/server/db/targets'`), all over the one client.
export { db, type Db } from './client';
