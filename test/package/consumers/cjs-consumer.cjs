// A CommonJS application: `require` of every entry (Node >= 20.19 loads the ES modules synchronously).
'use strict';
const main = require('liter-llm');
const core = require('liter-llm/core');
const defineProvider = require('liter-llm/define-provider');
const middleware = require('liter-llm/middleware');
const undici = require('liter-llm/undici');
const { exercisePackage } = require('./exercise-package.mjs');

exercisePackage({ main, core, middleware, defineProvider, undici }, (name) => require(`liter-llm/providers/${name}`), process.env.MOCK_URL, process.env.PROVIDER_MODULES.split(',')).then(
  (summary) => console.log(JSON.stringify(summary)),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
