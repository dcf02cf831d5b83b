import { InitialSchema1763900000000 } from './1763900000000-initial-schema.js';

/** Every migration, oldest first. `npm run migration:generate` prints the line to add here. */
export const migrations = [InitialSchema1763900000000];
