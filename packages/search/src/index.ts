export * from './document.js';
export * from './net.js';
export * from './runner.js';
export * from './settings.js';
export * from './synonyms.js';
export * from './http-client.js';
