import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { CodegenInputs } from './codegen-inputs.js';

const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));
const RUNTIME_DIR = fileURLToPath(new URL('./runtime/', import.meta.url));

/** The generator's own files: its handlebars templates and the modules it copies into `generated/`. */
export function loadGeneratorAssets(): Pick<CodegenInputs, 'templates' | 'runtimeModules'> {
  const templates: Record<string, string> = {};
  for (const file of readdirSync(TEMPLATES_DIR).filter((name) => name.endsWith('.hbs')).sort()) {
    templates[file.replace(/\.ts\.hbs$|\.hbs$/, '')] = readFileSync(`${TEMPLATES_DIR}${file}`, 'utf8');
  }
  const runtimeModules: Record<string, string> = {};
  for (const file of readdirSync(RUNTIME_DIR).filter((name) => name.endsWith('.ts')).sort()) {
    runtimeModules[file] = readFileSync(`${RUNTIME_DIR}${file}`, 'utf8');
  }
  return { templates, runtimeModules };
}
