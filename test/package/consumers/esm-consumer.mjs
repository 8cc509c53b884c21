// An ES module application: static imports of every entry.
import * as main from 'liter-llm';
import * as core from 'liter-llm/core';
import * as defineProvider from 'liter-llm/define-provider';
import * as middleware from 'liter-llm/middleware';
import * as undici from 'liter-llm/undici';
import { exercisePackage } from './exercise-package.mjs';

const summary = await exercisePackage({ main, core, middleware, defineProvider, undici }, (name) => import(`liter-llm/providers/${name}`), process.env.MOCK_URL, process.env.PROVIDER_MODULES.split(','));
console.log(JSON.stringify(summary));
