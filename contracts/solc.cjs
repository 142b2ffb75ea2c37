#!/usr/bin/env node
// forge's compiler: the pinned solc from npm behind solc's command-line interface (--version, --standard-json),
// so the contract tests run offline with the same compiler as contracts/build.ts.
const fs = require('node:fs');
const path = require('node:path');
const solc = require('solc');

// Sources forge did not include are read from disk, relative to where forge runs.
const findImport = (file) => {
  try {
    return { contents: fs.readFileSync(path.resolve(file), 'utf8') };
  } catch {
    return { error: `not found: ${file}` };
  }
};

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
} else if (args.includes('--standard-json')) {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    input += chunk;
  });
  process.stdin.on('end', () => {
    // Let stdout drain on its own: exiting right after a large write would cut the output short.
    process.stdout.write(solc.compile(input, { import: findImport }));
  });
} else {
  process.stderr.write('this shim answers --version and --standard-json only\n');
  process.exitCode = 1;
}
