/** Import directions: domain <- usecases <- {db, chain, http, worker, cli, blobs, judge, links, gateway} <- main. web and shared stand apart. */
module.exports = {
  forbidden: [
    { name: 'domain-is-pure', severity: 'error', from: { path: '^src/domain' }, to: { path: '^src/(?!domain|shared)' } },
    { name: 'domain-no-node', severity: 'error', from: { path: '^src/domain' }, to: { dependencyTypes: ['core'] } },
    { name: 'shared-imports-nothing-of-ours', severity: 'error', from: { path: '^src/shared' }, to: { path: '^src/(?!shared)' } },
    { name: 'usecases-inward-only', severity: 'error', from: { path: '^src/usecases' }, to: { path: '^src/(db|chain|http|worker|cli|web|main|blobs|judge|links|gateway)' } },
    { name: 'adapters-not-into-each-other', severity: 'error', from: { path: '^src/(db|chain|blobs|judge|links|gateway)' }, to: { path: '^src/(http|worker|cli|web|main)' } },
    { name: 'http-not-into-runtime', severity: 'error', from: { path: '^src/(http|worker|cli)' }, to: { path: '^src/(main|web)' } },
    { name: 'web-only-shared', severity: 'error', from: { path: '^src/web' }, to: { path: '^src/(?!web|shared)' } },
    { name: 'only-main-wires', severity: 'error', from: { path: '^src/(?!main)' }, to: { path: '^src/main' } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.generated\\.ts$' },
  },
};
