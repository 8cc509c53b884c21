/**
 * A fresh process for start-up figures: `fresh-start.js <name> import` imports the contender's
 * library and exits; `fresh-start.js <name> first <origin>` also makes one chat call; `empty` loads
 * nothing (the baseline).
 */
const [name, what, origin] = process.argv.slice(2);
if (name !== 'empty') {
  // A specifier the harness build cannot follow: only this contender's library is loaded.
  const specifier = new URL(`./contenders/${name}.js`, import.meta.url).href;
  const module = (await import(specifier)) as typeof import('./contenders/fetch.js');
  if (what === 'first' && origin !== undefined) {
    const text = await module.createContender(origin).chat('unary-small');
    if (text.length === 0) throw new Error('empty answer');
    process.exit(0);
  }
}
