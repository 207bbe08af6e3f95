// The data model: zod schemas are the single source of truth for types and for editor JSON Schemas.
export * from './primitives.ts';
export * from './site.ts';
export * from './payers.ts';
export * from './items.ts';
export * from './reasons.ts';
export * from './facts.ts';
export * from './angle.ts';
export * from './plan-lines.ts';
export * from './holidays.ts';
export * from './pages.ts';
export * from './states.ts';
