export * from './enums.js';
export * from './limits.js';
export * from './service-areas.js';
export * from './text.js';
export * from './labels.js';
export * from './place-labels.js';
