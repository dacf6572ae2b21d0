export * from './councils.js';
