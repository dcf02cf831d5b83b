/**
 * The authorization matrix lives in test/support/authz-matrix/: one file per domain (its routes' entries and
 * the fixtures they need), assembled by authz-matrix/index.ts. A new route goes in its domain's file.
 */
export * from './authz-matrix/index.js';
