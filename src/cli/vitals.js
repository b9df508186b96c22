#!/usr/bin/env node
// Runs before anything else loads: older Node versions cannot run the TypeScript sources.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Vitals needs Node.js 22.18 or newer, but this is Node.js ${process.versions.node}: install Node 22 or newer (see README) and run it again.`,
  );
  process.exitCode = 1;
} else {
  import('./main.ts')
    .then(async ({ main }) => {
      process.exitCode = await main(process.argv);
    })
    .catch((error) => {
      // Exit 3 keeps a crash apart from 1 (some accounts rejected) and 2 (unusable input).
      console.error('Vitals stopped on an unexpected error; please report it with this output:');
      console.error(error);
      process.exitCode = 3;
    });
}
