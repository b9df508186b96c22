#!/usr/bin/env -S node --max-semi-space-size=4
// The flag keeps V8's young generation small: a run makes a chunk's worth of short-lived objects
// at a time, and a smaller nursery collects them sooner. It lowers a 100,000-company pass's peak
// memory by about 30 MB (see BENCHMARKS.md). `npm start` passes the same flag.
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
