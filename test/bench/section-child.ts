// One bench section in its own process (see section-in-child.ts): imports `export` from the
// module named by the first argument, runs it, and prints the section as JSON on stdout.
const [module, exported] = process.argv.slice(2);
if (!module || !exported) throw new Error('usage: section-child.ts MODULE EXPORT');
const loaded = (await import(new URL(module, import.meta.url).href)) as Record<
  string,
  () => Promise<unknown>
>;
const run = loaded[exported];
if (typeof run !== 'function') throw new Error(`${module} exports no function ${exported}`);
process.stdout.write(JSON.stringify(await run()));
