export * from './councils.js';
export * from './council-names.js';
export * from './neighbours.js';
export * from './neighbour-data.js';
