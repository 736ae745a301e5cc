// Preloaded with `node -r` to make this Node look like one without node:sqlite (as Node
// 20 is), so the CLI's friendly message can be tested on any machine.
const Module = require('node:module')
const load = Module._load
Module._load = function (request, ...rest) {
  if (request === 'node:sqlite' || request === 'sqlite')
    throw new Error('No such built-in module: node:sqlite')
  return load.call(this, request, ...rest)
}
