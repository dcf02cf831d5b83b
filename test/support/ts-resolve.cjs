// Jest loads globalSetup/globalTeardown through CommonJS, where `./x.js`
// (the ESM spelling of a TypeScript import) must be found as `./x.ts`.
const Module = require('node:module');
const original = Module._resolveFilename;
Module._resolveFilename = function resolve(request, parent, ...rest) {
  try {
    return original.call(this, request, parent, ...rest);
  } catch (err) {
    if (request.startsWith('.') && request.endsWith('.js')) return original.call(this, `${request.slice(0, -3)}.ts`, parent, ...rest);
    throw err;
  }
};
